import { useCallback, useEffect, useRef } from 'react';
import type L from 'leaflet';
import { Circle, Marker } from 'react-leaflet';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/schema.ts';
import { formatEventDate } from '../../data/date-label.ts';
import { categoryColor } from '../../data/categories.ts';
import { useStoreValue } from '../../lib/store/store.ts';
import { eventIcon } from './marker-icons.ts';
import { precisionRadius } from './precision.ts';
import type { MapLinks } from './map-links.ts';

export interface EventMarkerProps {
  event: DatasetEvent;
  selected: boolean;
  /** Pixel offset that fans out events sharing one spot; null for none. */
  offset: readonly [number, number] | null;
  links: MapLinks;
}

export function markerLabel(event: DatasetEvent): string {
  return `${event.title}, ${formatEventDate(event.date)}`;
}

/** One event: a focusable button named by its title and date, with a halo for its uncertainty. */
export function EventMarker({ event, selected, offset, links }: EventMarkerProps) {
  const markerRef = useRef<L.Marker>(null);
  const isHighlighted = useStoreValue(
    links.highlight,
    useCallback((id) => id === event.id, [event.id]),
  );
  const isInListView = useStoreValue(
    links.listInView,
    useCallback((ids) => ids.has(event.id), [event.id]),
  );
  const { highlight, select } = links;
  const label = markerLabel(event);
  const colour = categoryColor(event.category);

  useEffect(
    function describeMarkerElement() {
      const element = markerRef.current?.getElement();
      if (!element) return undefined;
      element.setAttribute('aria-label', label);
      element.removeAttribute('title');
      element.style.setProperty('--category-color', colour);
      if (selected) element.setAttribute('aria-current', 'true');
      else element.removeAttribute('aria-current');
      const onFocus = () => highlight.set(event.id);
      const onBlur = () => {
        if (highlight.get() === event.id) highlight.set(null);
      };
      element.addEventListener('focus', onFocus);
      element.addEventListener('blur', onBlur);
      return function forgetMarkerElement() {
        element.removeEventListener('focus', onFocus);
        element.removeEventListener('blur', onBlur);
      };
    },
    [label, colour, selected, highlight, event.id],
  );

  useEffect(
    function showEmphasis() {
      const element = markerRef.current?.getElement();
      element?.classList.toggle('is-highlighted', isHighlighted);
      element?.classList.toggle('is-in-list-view', isInListView);
      // Also as data attributes: what tests (and user styles) can rely on.
      element?.toggleAttribute('data-highlighted', isHighlighted);
      element?.toggleAttribute('data-in-list-view', isInListView);
      markerRef.current?.setZIndexOffset(
        selected ? 2000 : isHighlighted ? 1000 : isInListView ? 500 : 0,
      );
    },
    [isHighlighted, isInListView, selected],
  );

  const radius = precisionRadius(event.locationPrecision);
  return (
    <>
      {radius > 0 && (
        <Circle
          center={[event.latitude, event.longitude]}
          radius={radius}
          interactive={false}
          pathOptions={{
            className: 'precision-halo',
            color: colour,
            weight: selected || isHighlighted ? 2 : 1,
            opacity: selected || isHighlighted ? 0.9 : 0.55,
            dashArray: '4 4',
            fillColor: colour,
            fillOpacity: selected || isHighlighted ? 0.16 : 0.07,
          }}
        />
      )}
      <Marker
        ref={markerRef}
        position={[event.latitude, event.longitude]}
        icon={eventIcon(offset, selected)}
        keyboard
        riseOnHover
        eventHandlers={{
          click: () => select(event.id),
          keypress: (keyEvent: LeafletKeyboardEvent) => {
            const key = keyEvent.originalEvent.key;
            if (key === 'Enter' || key === ' ') {
              keyEvent.originalEvent.preventDefault();
              select(event.id);
            }
          },
          mouseover: () => highlight.set(event.id),
          mouseout: () => {
            if (highlight.get() === event.id) highlight.set(null);
          },
        }}
      />
    </>
  );
}
