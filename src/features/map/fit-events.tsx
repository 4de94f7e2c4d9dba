import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { precisionZoom } from './precision.ts';

export interface FitEventsProps {
  events: DatasetEvent[];
  /** Present when the page opened on an event (a shared link): it is centred instead. */
  initialSelection: DatasetEvent | null;
  /** Changes when another dataset is opened: its events get a first view of their own. */
  datasetKey: unknown;
}

/**
 * Room around fitted events: for the zoom buttons at the top left and, on a wide map where the
 * legend is open, for the legend at the bottom left, so no marker starts out under either.
 */
export function fitPadding(
  map: L.Map,
): Pick<L.FitBoundsOptions, 'paddingTopLeft' | 'paddingBottomRight'> {
  const wide = map.getSize().x >= 700;
  return { paddingTopLeft: [wide ? 240 : 56, 72], paddingBottomRight: [48, 48] };
}

/** The first view: all events with some room around them, or the linked event centred. */
export function FitEvents({ events, initialSelection, datasetKey }: FitEventsProps) {
  const map = useMap();
  const fittedFor = useRef<unknown>(undefined);

  useEffect(
    function fitFirstView() {
      if (fittedFor.current === datasetKey || events.length === 0) return;
      fittedFor.current = datasetKey;
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
      // Extremes by hand: no LatLng object per event, which is slow for a large dataset.
      let [south, west, north, east] = [90, 180, -90, -180];
      for (const { latitude, longitude } of events) {
        south = Math.min(south, latitude);
        north = Math.max(north, latitude);
        west = Math.min(west, longitude);
        east = Math.max(east, longitude);
      }
      const bounds = L.latLngBounds([south, west], [north, east]);
      map.fitBounds(bounds, { ...fitPadding(map), maxZoom: 8, animate: false });
    },
    [map, events, initialSelection, datasetKey],
  );
  return null;
}
