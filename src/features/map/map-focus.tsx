import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { FocusHomes } from '../../lib/focus-homes.ts';

export interface MapFocusProps {
  focusHomes: FocusHomes;
}

/**
 * The map's part in the page's keyboard use: a marker or cluster that had the focus and went away
 * (a cluster that zoomed in) returns it to the map, and the page's shortcuts leave alone the keys
 * the map answers itself.
 */
export function MapFocus({ focusHomes }: MapFocusProps) {
  const map = useMap();
  useEffect(
    function offerFocusHome() {
      const container = map.getContainer();
      return focusHomes.offer('map', {
        held: (element) => element.classList.contains('leaflet-marker-icon'),
        focus: () => {
          container.focus({ preventScroll: true });
          return true;
        },
        // Leaflet pans with the arrows, and Escape closes its popups.
        answersKey: (target, key) =>
          container.contains(target) &&
          (key === 'ArrowUp' ||
            key === 'ArrowDown' ||
            (key === 'Escape' && target.closest('.leaflet-popup') !== null)),
      });
    },
    [map, focusHomes],
  );
  return null;
}
