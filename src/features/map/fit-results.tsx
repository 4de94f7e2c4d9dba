import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { prefersReducedMotion } from '../../lib/use-media-query.ts';
import { fitPadding, frameOnMap } from './fit-events.tsx';
import type { frameEvents } from './precision.ts';

export interface FitResultsProps {
  /** The results: a loaded dataset's filtered events, or the corners of a server's box. */
  events: Parameters<typeof frameEvents>[0];
  /** Bumped by the "Zoom to results" button; each new value fits the map once. */
  request: number;
  /** The closest the fit may come, when the results' precision is not known (a server's box). */
  maxZoom?: number;
}

export function FitResults({ events, request, maxZoom = Infinity }: FitResultsProps) {
  const map = useMap();
  const handled = useRef(request);
  useEffect(
    function fitOnRequest() {
      if (request === handled.current || events.length === 0) return;
      handled.current = request;
      const frame = frameOnMap(map, events);
      if (!frame) return;
      map.fitBounds(frame.bounds, {
        ...fitPadding(map),
        maxZoom: Math.min(maxZoom, frame.maxZoom),
        animate: !prefersReducedMotion(),
      });
    },
    [map, events, request, maxZoom],
  );
  return null;
}
