import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type L from 'leaflet';
import { Circle, Marker } from 'react-leaflet';
import { HALO_FILL_PANE, useHaloFillsView } from './precision-halo.ts';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
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

/** The fill is drawn opaque in a pane that is translucent as a whole (precision-halo.ts). */
const HALO_FILL_STYLE = { stroke: false, fillOpacity: 1 };

/** A marker's name: its event's title (in the reader's language, `titleOf`) and date. */
export function markerLabel(event: DatasetEvent, titleOf: (event: DatasetEvent) => string): string {
  return `${titleOf(event)}, ${formatEventDate(event.date)}`;
}

/**
 * One event: a focusable button named by its title and date, with a halo for its uncertainty.
 * Memoized, and its Leaflet options kept stable, so a re-render of the map touches no marker whose
 * own props did not change.
 */
export const EventMarker = memo(function EventMarker({
  event,
  selected,
  offset,
  links,
}: EventMarkerProps) {
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
  const label = markerLabel(event, links.titleOf);
  const colour = links.colourOf(event.category);

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
    // Leaflet rewrites the element's classes when the icon changes (selection, fan-out), so the
    // emphasis is applied again then too.
    [isHighlighted, isInListView, selected, offset],
  );

  const position = useMemo<[number, number]>(
    () => [event.latitude, event.longitude],
    [event.latitude, event.longitude],
  );
  const emphasised = selected || isHighlighted;
  const haloOutlineRef = useRef<L.Circle>(null);
  const haloFillRef = useRef<L.Circle>(null);
  const haloOutlineStyle = useMemo(
    () => ({ weight: emphasised ? 2 : 1, dashArray: '4 4', fill: false }),
    [emphasised],
  );
  const radius = precisionRadius(event.locationPrecision);
  const fillFitsView = useHaloFillsView(radius, event.latitude);
  useEffect(
    function colourHalo() {
      // Through the CSSOM: the colour is a theme's custom property, and the policy refuses styles
      // in markup. Leaflet takes a class only as a path is created, so emphasis is a class here.
      const outline = haloOutlineRef.current?.getElement() as SVGElement | undefined;
      const fill = haloFillRef.current?.getElement() as SVGElement | undefined;
      outline?.classList.toggle('is-emphasised', emphasised);
      for (const path of [outline, fill]) path?.style.setProperty('--category-color', colour);
    },
    [colour, emphasised, fillFitsView],
  );
  const eventHandlers = useMemo(
    () => ({
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
    }),
    [select, highlight, event.id],
  );

  return (
    <>
      {radius > 0 && fillFitsView && (
        <Circle
          ref={haloFillRef}
          center={position}
          radius={radius}
          interactive={false}
          pane={HALO_FILL_PANE}
          className="precision-halo-fill"
          pathOptions={HALO_FILL_STYLE}
        />
      )}
      {radius > 0 && (
        <Circle
          ref={haloOutlineRef}
          center={position}
          radius={radius}
          interactive={false}
          className="precision-halo"
          pathOptions={haloOutlineStyle}
        />
      )}
      <Marker
        ref={markerRef}
        position={position}
        icon={eventIcon(offset, selected)}
        keyboard
        riseOnHover
        eventHandlers={eventHandlers}
      />
    </>
  );
});
