import { useEffect } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { GeoBounds } from '../../data/query/selectors.ts';
import { prefersReducedMotion } from '../../lib/use-media-query.ts';
import { useStoreValue, type Store } from '../../lib/store/store.ts';
import { seenPadding } from './fit-events.tsx';

const same = <T,>(value: T) => value;

/**
 * Shows a frame the app asks for (a story step's map bounds). Its effect runs after
 * FollowSelection's in the same commit (it sits after it), so a step that selects an event and
 * frames a wider area ends on the frame, not on the event. It flies, or jumps under reduced motion.
 */
export function ShowFrame({ frame }: { frame: Store<{ bounds: GeoBounds } | null> }) {
  const map = useMap();
  const request = useStoreValue(frame, same);
  useEffect(
    function showRequestedFrame() {
      if (!request) return;
      const { west, south, east, north } = request.bounds;
      const target = L.latLngBounds([south, west], [north, east]);
      // In an embed's short frame, the part of the map below the frame's edge is left out.
      const seen = seenPadding(map);
      if (prefersReducedMotion()) map.fitBounds(target, { ...seen, animate: false });
      else map.flyToBounds(target, { ...seen, duration: 0.8 });
    },
    [map, request],
  );
  return null;
}
