import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { prefersReducedMotion } from '../../lib/use-media-query.ts';
import { centreShowing, eventZoom, seenBounds, stepOutToANamedPlace } from './fit-events.tsx';

export interface FollowSelectionProps {
  selectedEvent: DatasetEvent | null;
}

/**
 * Moves the map to the selected event, wherever the selection came from (the list, a marker, Back,
 * a link). It flies, or jumps for readers who ask for reduced motion; an event already well inside
 * the view leaves the map alone, so clicking a marker does not jolt it.
 */
export function FollowSelection({ selectedEvent }: FollowSelectionProps) {
  const map = useMap();
  const followedId = useRef<string | null>(null);
  // While a flight is under way, the view is in between: no "already in view" judgement then.
  const flying = useRef(false);
  useEffect(
    function trackFlights() {
      const landed = () => {
        flying.current = false;
      };
      map.on('moveend', landed);
      return () => {
        map.off('moveend', landed);
      };
    },
    [map],
  );

  useEffect(
    function showSelectedEvent() {
      if (!selectedEvent || followedId.current === selectedEvent.id) {
        followedId.current = selectedEvent?.id ?? null;
        return;
      }
      followedId.current = selectedEvent.id;
      const target = L.latLng(selectedEvent.latitude, selectedEvent.longitude);
      // What the reader sees of the map: in an embed's short frame, not the part below its edge.
      const innerView = seenBounds(map).pad(-0.15);
      const targetZoom = eventZoom(map, selectedEvent);
      // Closer than the event's precision supports (a country-level event seen at city scale):
      // the map draws back to show what is known.
      const tooClose =
        selectedEvent.locationPrecision !== null &&
        selectedEvent.locationPrecision !== 'exact' &&
        map.getZoom() > targetZoom + 0.5;
      if (
        !flying.current &&
        !tooClose &&
        innerView.contains(target) &&
        map.getZoom() >= Math.min(targetZoom, 4)
      )
        return;
      // Each event is shown at the zoom its precision suits: near enough to split it from the
      // clusters around it, not so near that a city-level event pretends to a street.
      const show = (zoom: number) => {
        const centre = centreShowing(map, target, zoom);
        if (prefersReducedMotion()) {
          map.setView(centre, zoom, { animate: false });
        } else {
          flying.current = true;
          map.flyTo(centre, zoom, { duration: 0.8 });
        }
      };
      show(targetZoom);
      // Over the outlines, further out if no town is named there, once the names have come: on
      // the way there or after.
      const id = selectedEvent.id;
      stepOutToANamedPlace(map, selectedEvent, targetZoom, {
        stillWanted: () => followedId.current === id,
        show,
      });
    },
    [map, selectedEvent],
  );
  return null;
}
