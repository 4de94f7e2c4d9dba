import { useCallback, useEffect, useMemo, useRef } from 'react';
import type * as L from 'leaflet';

/**
 * A first view that stays fitted while the map's box changes size (an article's iframe sized
 * after the page loaded, a phone turned, a window narrowed), until the reader moves the map: from
 * then on the view is theirs. A view fitted for one size shows the wrong part of the world at
 * another (a wide map's fit, cut to a phone's width, leaves events off both sides).
 */
export function useKeptFirstView(map: L.Map) {
  const kept = useRef<{ view: (() => void) | null; moved: boolean; showing: boolean }>({
    view: null,
    moved: false,
    showing: false,
  });

  const show = useCallback((view: () => void) => {
    const state = kept.current;
    state.view = view;
    state.moved = false;
    state.showing = true;
    try {
      view();
    } finally {
      state.showing = false;
    }
  }, []);

  useEffect(
    function followSizeUntilMoved() {
      const state = kept.current;
      // A move the page did not start here is the reader's (a drag, a zoom, a key, a selection).
      // Leaflet starts a view's own move synchronously, and a new size starts none.
      const moved = () => {
        if (state.showing) return;
        state.moved = true;
        state.view = null;
      };
      const resized = () => {
        if (state.view) show(state.view);
      };
      map.on('movestart', moved);
      map.on('resize', resized);
      return () => {
        map.off('movestart', moved);
        map.off('resize', resized);
      };
    },
    [map, show],
  );

  return useMemo(
    () => ({
      /** Shows a first view now, and again at each new size until the reader moves the map. */
      show,
      /** Whether the reader has moved the map since the page opened or the last first view. */
      moved: () => kept.current.moved,
    }),
    [show],
  );
}
