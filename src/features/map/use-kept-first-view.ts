import { useCallback, useEffect, useMemo, useRef } from 'react';
import type * as L from 'leaflet';
import { hiddenByWindow, sameHiddenEdges, type HiddenEdges } from './seen-part.ts';

/**
 * A first view that stays fitted while the map's box changes size (an article's iframe sized
 * after the page loaded, a phone turned, a window narrowed), until the reader moves the map: from
 * then on the view is theirs. A view fitted for one size shows the wrong part of the world at
 * another (a wide map's fit, cut to a phone's width, leaves events off both sides).
 */
export function useKeptFirstView(map: L.Map) {
  const kept = useRef<{
    view: (() => void) | null;
    moved: boolean;
    showing: boolean;
    /** What the window hid of the map when the view was last shown. */
    hidden: HiddenEdges;
  }>({
    view: null,
    moved: false,
    showing: false,
    hidden: { left: 0, top: 0, right: 0, bottom: 0 },
  });

  const show = useCallback(
    (view: () => void) => {
      const state = kept.current;
      state.view = view;
      state.moved = false;
      state.hidden = hiddenByWindow(map, 0);
      state.showing = true;
      try {
        view();
      } finally {
        state.showing = false;
      }
    },
    [map],
  );

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
      // The page around a map of the same size changed: a frame resized, a notice or a card's
      // picture above the map pushing it down. Shown again only if the window now hides another
      // part of the map (seen-part.ts), which only a page that scrolls (an embed's, a phone's) can.
      const pageChanged = () => {
        if (!state.view) return;
        const size = map.getSize();
        // Leaflet reads a new size at the next frame: read it now, so the view is judged at it.
        map.invalidateSize({ pan: false });
        if (!map.getSize().equals(size)) return;
        if (!sameHiddenEdges(state.hidden, hiddenByWindow(map, 0))) show(state.view);
      };
      // Whatever is put in above the map, or grows there, grows one of the boxes around it (in a
      // page whose height is its content's: an embed's, a narrow window's; a wide window's boxes
      // keep their size).
      const pageBox = new ResizeObserver(pageChanged);
      for (
        let around = map.getContainer().parentElement;
        around && around !== document.body;
        around = around.parentElement
      )
        pageBox.observe(around);
      map.on('movestart', moved);
      map.on('resize', resized);
      window.addEventListener('resize', pageChanged);
      return () => {
        map.off('movestart', moved);
        map.off('resize', resized);
        window.removeEventListener('resize', pageChanged);
        pageBox.disconnect();
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
      /** Keeps the first view no longer: another view took its place without moving the map. */
      release: () => {
        kept.current.view = null;
      },
    }),
    [show],
  );
}
