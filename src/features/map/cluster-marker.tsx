import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type * as L from 'leaflet';
import { Marker, Popup, useMap } from 'react-leaflet';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { clusterIcon } from './marker-icons.ts';
import type { MapItem } from './cluster-index.ts';
import { clusterName, ringSegments } from './cluster-mix.ts';
import type { MapLinks } from './map-links.ts';
import { markerLabel } from './event-marker.tsx';
import { focusSelectedMarkerWhenDrawn } from './focus-selected-marker.ts';
import { viewOfBox } from './fit-events.tsx';

type ClusterItem = Extract<MapItem, { kind: 'cluster' }>;

export interface ClusterMarkerProps {
  cluster: ClusterItem;
  /** The colour of each category, for the ring. */
  /** Only read when the cluster cannot split: its events, listed in the popup. */
  listEvents: () => DatasetEvent[];
  links: MapLinks;
}

/**
 * A cluster: a click or Enter zooms in until it splits; a cluster whose events share one spot
 * (several events at Sinpo) lists them instead, each a button that selects it.
 */
export function ClusterMarker({ cluster, listEvents, links }: ClusterMarkerProps) {
  const { count, latitude, longitude, expansionZoom, bounds, mix } = cluster;
  const map = useMap();
  const markerRef = useRef<L.Marker>(null);
  const sharesOneSpot = expansionZoom === null;
  const { slotOf, labelOf } = links;
  const label = clusterName(count, mix, sharesOneSpot, labelOf);
  const icon = useMemo(() => clusterIcon(count, ringSegments(mix), slotOf), [count, mix, slotOf]);

  useEffect(
    function describeClusterElement() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      element.setAttribute('aria-label', label);
      if (sharesOneSpot) element.setAttribute('aria-haspopup', 'dialog');
      else element.removeAttribute('aria-haspopup');
    },
    [label, sharesOneSpot],
  );

  const position = useMemo<[number, number]>(() => [latitude, longitude], [latitude, longitude]);
  const [west, south, east, north] = bounds;
  const eventHandlers = useMemo(() => {
    function zoomIn() {
      if (expansionZoom === null) return;
      // Close enough to show all its events (the cluster's own position may have been moved
      // aside or merged), clear of the map's controls and legend, never closer than where they
      // split apart.
      const { center, zoom } = viewOfBox(
        map,
        [
          [south, west],
          [north, east],
        ],
        { minZoom: Math.floor(map.getZoom()) + 1, maxZoom: expansionZoom },
      );
      map.setView(center, zoom);
    }
    return {
      click: zoomIn,
      keypress: (keyEvent: LeafletKeyboardEvent) => {
        const key = keyEvent.originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        keyEvent.originalEvent.preventDefault();
        if (sharesOneSpot) {
          markerRef.current?.openPopup();
        } else {
          zoomIn();
          // The cluster's element goes away as it splits; the map keeps the keyboard focus, so
          // the next Tab reaches the markers it split into.
          map.getContainer().focus({ preventScroll: true });
        }
      },
      popupopen: (popupEvent: L.PopupEvent) => {
        const popup = popupEvent.popup.getElement();
        // Leaflet names its close button in English.
        popup
          ?.querySelector('.leaflet-popup-close-button')
          ?.setAttribute('aria-label', i18n._('Close popup'));
        // Keyboard users land on the first event of the list; React fills the popup just after
        // it opens, hence the frame's wait.
        requestAnimationFrame(() =>
          popup?.querySelector<HTMLButtonElement>('.same-place-button')?.focus(),
        );
      },
    };
  }, [map, west, south, east, north, expansionZoom, sharesOneSpot]);

  return (
    <Marker ref={markerRef} position={position} icon={icon} keyboard eventHandlers={eventHandlers}>
      {sharesOneSpot && (
        <Popup className="same-place-popup" minWidth={240} maxWidth={320} autoPanPadding={[24, 24]}>
          <SamePlaceList
            listEvents={listEvents}
            links={links}
            onClose={() => {
              markerRef.current?.closePopup();
              markerRef.current?.getElement()?.focus();
            }}
            onChosen={(event) =>
              focusSelectedMarkerWhenDrawn(map.getContainer(), markerLabel(event, links.titleOf))
            }
          />
        </Popup>
      )}
    </Marker>
  );
}

interface SamePlaceListProps {
  listEvents: () => DatasetEvent[];
  links: MapLinks;
  onClose: () => void;
  onChosen: (event: DatasetEvent) => void;
}

/** Rendered only while the popup is open, so the events are looked up only when wanted. */
function SamePlaceList({ listEvents, links, onClose, onChosen }: SamePlaceListProps) {
  const events = listEvents();
  const place = events[0]?.place;
  const groupRef = useRef<HTMLDivElement>(null);
  useCloseOnPressOutsideMap(groupRef, onClose);
  const heading = i18n._('{events} at the same place', {
    events: i18n._('{count, plural, one {# event} other {# events}}', { count: events.length }),
  });
  return (
    <div
      ref={groupRef}
      role="group"
      aria-label={heading}
      onKeyDown={(keyEvent) => {
        if (keyEvent.key !== 'Escape') return;
        keyEvent.preventDefault();
        keyEvent.stopPropagation();
        onClose();
      }}
    >
      <p className="same-place-heading">{heading}</p>
      {place && (
        <p className="same-place-place" dir="auto">
          {place}
        </p>
      )}
      <ul className="same-place-list">
        {events.map((event) => (
          <li key={event.id}>
            <button
              type="button"
              className="same-place-button"
              onClick={() => {
                // The focus moves to the map before the button goes away with its popup.
                onChosen(event);
                links.select(event.id);
              }}
              onMouseEnter={() => links.highlight.set(event.id)}
              onMouseLeave={() => links.highlight.set(null)}
            >
              <span className="same-place-date">{formatEventDate(event.date)}</span>
              <span className="same-place-title" dir="auto">
                {links.titleOf(event)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Leaflet closes a popup on a click in the map; a press anywhere else on the page (the list, the
 * header) closes it too, like every other popover. The focus goes back to the cluster when it was
 * in the popup and the press lands on nothing that takes it.
 */
function useCloseOnPressOutsideMap(
  groupRef: RefObject<HTMLElement | null>,
  onClose: () => void,
): void {
  const map = useMap();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(
    function listenForPressesOutsideTheMap() {
      const container = map.getContainer();
      function onPointerDown(pointerEvent: PointerEvent) {
        if (container.contains(pointerEvent.target as Node)) return;
        const focusWasInside = groupRef.current?.contains(document.activeElement) ?? false;
        map.closePopup();
        if (!focusWasInside) return;
        setTimeout(() => {
          const focused = document.activeElement;
          if (focused === null || focused === document.body) close.current();
        }, 0);
      }
      document.addEventListener('pointerdown', onPointerDown, true);
      return () => document.removeEventListener('pointerdown', onPointerDown, true);
    },
    [map, groupRef],
  );
}
