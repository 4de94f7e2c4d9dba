import { useEffect, useMemo, useRef, useState } from 'react';
import type * as L from 'leaflet';
import { Marker, Popup, useMap } from 'react-leaflet';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { clusterIcon } from './marker-icons.ts';
import type { MapItem } from './cluster-index.ts';
import { clusterName, ringSegments } from './cluster-mix.ts';
import type { MapLinks } from './map-links.ts';
import { markerLabel } from './event-marker.tsx';
import { focusSelectedMarkerWhenDrawn } from './focus-selected-marker.ts';
import { viewOfBox } from './fit-events.tsx';
import { SpotEventList, spotHeading, type SpotEventListProps } from './spot-event-list.tsx';
import { spotPopupPlacement } from './spot-popup-layout.ts';
import { SpotSheet, useSpotSheet } from './spot-sheet.tsx';

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
 * (several events at Sinpo) lists them instead, each a button that selects it: in a popup, or in
 * a sheet on a short map (spot-sheet.tsx).
 */
export function ClusterMarker({ cluster, listEvents, links }: ClusterMarkerProps) {
  const { count, latitude, longitude, expansionZoom, bounds, mix } = cluster;
  const map = useMap();
  const markerRef = useRef<L.Marker>(null);
  const sheet = useSpotSheet(markerRef);
  const inSheet = sheet.short;
  const showSheet = sheet.show;
  // React Leaflet keeps a popup's content in the page once it has opened: the list is rendered
  // only while its popup is open, so its events are looked up only then.
  const [popupOpen, setPopupOpen] = useState(false);
  const sharesOneSpot = expansionZoom === null;
  const { slotOf, labelOf } = links;
  const label = clusterName(count, mix, sharesOneSpot ? 'same-place' : 'zoom', labelOf);
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
      // A popup opens on Leaflet's own click; a sheet is opened here.
      click: sharesOneSpot && inSheet ? showSheet : zoomIn,
      keypress: (keyEvent: LeafletKeyboardEvent) => {
        const key = keyEvent.originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        keyEvent.originalEvent.preventDefault();
        if (sharesOneSpot) {
          if (inSheet) showSheet();
          else markerRef.current?.openPopup();
        } else {
          zoomIn();
          // The cluster's element goes away as it splits; the map keeps the keyboard focus, so
          // the next Tab reaches the markers it split into.
          map.getContainer().focus({ preventScroll: true });
        }
      },
      popupopen: (popupEvent: L.PopupEvent) => {
        setPopupOpen(true);
        const popup = popupEvent.popup.getElement();
        // Leaflet names its close button in English.
        popup
          ?.querySelector('.leaflet-popup-close-button')
          ?.setAttribute('aria-label', i18n._('Close popup'));
      },
      popupclose: () => setPopupOpen(false),
    };
  }, [map, west, south, east, north, expansionZoom, sharesOneSpot, inSheet, showSheet]);

  return (
    <Marker ref={markerRef} position={position} icon={icon} keyboard eventHandlers={eventHandlers}>
      {sharesOneSpot && inSheet && sheet.open && (
        <SpotSheet
          heading={spotHeading(count, true)}
          onClose={sheet.close}
          afterClose={sheet.afterClose}
        >
          <SamePlaceList
            inSheet
            listEvents={listEvents}
            links={links}
            onClose={sheet.close}
            onChosen={(event) => sheet.choose(markerLabel(event, links.titleOf))}
          />
        </SpotSheet>
      )}
      {sharesOneSpot && !inSheet && (
        <Popup {...spotPopupPlacement(map.getSize().y)} minWidth={240} maxWidth={320}>
          {popupOpen && (
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
          )}
        </Popup>
      )}
    </Marker>
  );
}

/** Rendered only while the popup is open, so the events are looked up only when wanted. */
function SamePlaceList({
  listEvents,
  ...props
}: Omit<SpotEventListProps, 'events' | 'count' | 'oneSpot'> & {
  listEvents: () => DatasetEvent[];
}) {
  const events = listEvents();
  return <SpotEventList events={events} count={events.length} oneSpot {...props} />;
}
