import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { prefersReducedMotion } from '../../lib/use-media-query.ts';
import { fitPadding } from './fit-events.tsx';

export interface FitResultsProps {
  events: DatasetEvent[];
  /** Bumped by the "Zoom to results" button; each new value fits the map once. */
  request: number;
}

export function FitResults({ events, request }: FitResultsProps) {
  const map = useMap();
  const handled = useRef(request);
  useEffect(
    function fitOnRequest() {
      if (request === handled.current || events.length === 0) return;
      handled.current = request;
      const bounds = L.latLngBounds(events.map((event) => [event.latitude, event.longitude]));
      map.fitBounds(bounds, { ...fitPadding(map), maxZoom: 9, animate: !prefersReducedMotion() });
    },
    [map, events, request],
  );
  return null;
}
