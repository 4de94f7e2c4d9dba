import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { GeoBounds } from '../../data/query/selectors.ts';
import { prefersReducedMotion } from '../../lib/use-media-query.ts';
import { fitPadding, frameOnMap, seenPadding, showKeptEvent } from './fit-events.tsx';
import { useKeptFirstView } from './use-kept-first-view.ts';

/** Where a story's step asks the map to look; `key` changes with every step. */
export interface MapFrame {
  key: string;
  /** The step's own frame; null lets the map show the selected event, or fit the step's events. */
  bounds: GeoBounds | null;
  /** The event the step selects, if any (it may still be loading, or missing from the dataset). */
  selectedId: string | null;
}

const FLIGHT_SECONDS = 1.2;

/**
 * A story's step moves the map: to the step's bounds, else to its selected event (FollowSelection
 * does that), else to fit the events its filters show. The first step shown jumps (the page has
 * just opened); later ones fly, or jump for readers who ask for reduced motion. Takes the place
 * of FitEvents in story mode: the step, not the dataset, decides the first view.
 */
export function StoryFrame({
  frame,
  events,
  selectedEvent,
}: {
  frame: MapFrame;
  events: DatasetEvent[];
  selectedEvent: DatasetEvent | null;
}) {
  const map = useMap();
  const firstView = useKeptFirstView(map);
  const shownKey = useRef<string | null>(null);
  /** The step asked for last, shown or still waiting for its events. */
  const wantedKey = useRef<string | null>(null);
  /**
   * Counts the steps asked for: a step out is for the step it was asked for, not for the same
   * step come back to (a step's key is the same each time).
   */
  const askedCount = useRef(0);
  const loaded = events.length > 0;
  useEffect(function dropStepOutsOnUnmount() {
    return () => {
      askedCount.current += 1;
    };
  }, []);
  useEffect(
    function showStep() {
      if (wantedKey.current !== frame.key) askedCount.current += 1;
      wantedKey.current = frame.key;
      if (shownKey.current === frame.key) return;
      const first = shownKey.current === null;
      // A later step's view is its own, even where it does not move the map.
      if (!first) firstView.release();
      const animate = !first && !prefersReducedMotion();
      if (frame.bounds) {
        const { west, south, east, north } = frame.bounds;
        const bounds = L.latLngBounds([south, west], [north, east]);
        // Fitted to what is seen of the map; the first step kept so, as a link's first view is.
        const fitted = () => map.fitBounds(bounds, { ...seenPadding(map), animate: false });
        if (animate) map.flyToBounds(bounds, { ...seenPadding(map), duration: FLIGHT_SECONDS });
        else if (first) firstView.show(fitted);
        else fitted();
        shownKey.current = frame.key;
        return;
      }
      // The events (and the selected one among them) are not there yet: wait for them.
      if (!loaded) return;
      shownKey.current = frame.key;
      if (selectedEvent) {
        // Later steps: FollowSelection flies to the newly selected event itself.
        if (first) {
          // Kept, as a link's first view is, until the reader or a later step moves the map.
          const asked = askedCount.current;
          showKeptEvent(map, firstView, selectedEvent, () => askedCount.current === asked);
        }
        return;
      }
      const fit = frameOnMap(map, events);
      if (!fit) return;
      const options = { ...fitPadding(map), maxZoom: fit.maxZoom };
      if (animate) map.flyToBounds(fit.bounds, { ...options, duration: FLIGHT_SECONDS });
      else map.fitBounds(fit.bounds, { ...options, animate: false });
    },
    [map, frame, events, loaded, selectedEvent, firstView],
  );
  return null;
}
