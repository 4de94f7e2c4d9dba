import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/schema.ts';
import { precisionZoom } from './precision.ts';

export interface FitEventsProps {
  events: DatasetEvent[];
  /** Present when the page opened on an event (a shared link): it is centred instead. */
  initialSelection: DatasetEvent | null;
}

/** The first view: all events with some room around them, or the linked event centred. */
export function FitEvents({ events, initialSelection }: FitEventsProps) {
  const map = useMap();
  const fitted = useRef(false);

  useEffect(
    function fitFirstView() {
      if (fitted.current || events.length === 0) return;
      fitted.current = true;
      if (initialSelection) {
        map.setView(
          [initialSelection.latitude, initialSelection.longitude],
          precisionZoom(initialSelection.locationPrecision),
          {
            animate: false,
          },
        );
        return;
      }
      const bounds = L.latLngBounds(events.map((event) => [event.latitude, event.longitude]));
      map.fitBounds(bounds, { padding: [48, 48], maxZoom: 8, animate: false });
    },
    [map, events, initialSelection],
  );
  return null;
}
