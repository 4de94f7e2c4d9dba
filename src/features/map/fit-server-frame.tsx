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
   * Whether the first box that comes sets the first view: not when the page opened on an event,
   * which FollowSelection centres instead.
   */
  fitFirst: boolean;
}

/**
 * The first view of a data server's events, as FitEvents fits a loaded dataset's: fitted to the
 * server's box for the address's filter when it comes, unless the reader has moved the map
 * meanwhile, and kept so while the map's size changes.
 */
export function FitServerFrame({ bounds, fitFirst }: FitServerFrameProps) {
  const map = useMap();
  const done = useRef(!fitFirst);
  const firstView = useKeptFirstView(map);

  useEffect(
    function fitFirstBox() {
      if (done.current || bounds === null) return;
      done.current = true;
      // A pan, a zoom or a selection before the box came: the reader's view stays.
      if (firstView.moved()) return;
      firstView.show(() => fitFirstView(map, boxCorners(bounds)));
    },
    [map, bounds, firstView],
  );
  return null;
}
