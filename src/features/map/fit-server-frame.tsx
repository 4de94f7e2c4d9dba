import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { ServerFrame } from '../../data/server-view/server-api.ts';
import { fitFirstView } from './fit-events.tsx';
import { useKeptFirstView } from './use-kept-first-view.ts';

/**
 * A server's box as the events to frame: its two corners, of unknown precision (the server knows
 * where its events are, not how precisely each is placed). Empty when no event passes.
 */
export function boxCorners(bounds: ServerFrame['bounds']) {
  if (bounds === null) return [];
  return [
    { latitude: bounds.south, longitude: bounds.west, locationPrecision: null },
    { latitude: bounds.north, longitude: bounds.east, locationPrecision: null },
  ];
}

export interface FitServerFrameProps {
  /** Where the filter's events are, as the data server says (`/api/frame`); null until it has. */
  bounds: ServerFrame['bounds'];
  /**
   * Whether a box that comes sets the first view: not while the page opened on an event is
   * showing it (FollowSelection centres it), but when that event turns out not to exist.
   */
  fitFirst: boolean;
}

/**
 * The first view of a data server's events, as FitEvents fits a loaded dataset's: fitted to the
 * first box that comes (the address's filter's, or if that keeps no event, the first filter's
 * that keeps some), unless the reader has moved the map meanwhile, and kept so while the map's
 * size changes.
 */
export function FitServerFrame({ bounds, fitFirst }: FitServerFrameProps) {
  const map = useMap();
  const done = useRef(false);
  const firstView = useKeptFirstView(map);

  useEffect(
    function fitFirstBox() {
      if (done.current || !fitFirst || bounds === null) return;
      done.current = true;
      // A pan, a zoom or a selection before the box came: the reader's view stays.
      if (firstView.moved()) return;
      firstView.show(() => fitFirstView(map, boxCorners(bounds)));
    },
    [map, bounds, fitFirst, firstView],
  );
  return null;
}
