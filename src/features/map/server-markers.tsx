import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type L from 'leaflet';
import { Marker, Popup, useMap, useMapEvents } from 'react-leaflet';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { ClusterBox, ServerCluster } from '../../data/server-view/server-api.ts';
import type { spotQuery } from '../../data/server-view/server-queries.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useStoreValue } from '../../lib/store/store.ts';
import { clusterName, ringSegments } from './cluster-mix.ts';
import { EventMarker, markerLabel } from './event-marker.tsx';
import { focusSelectedMarkerWhenDrawn } from './focus-selected-marker.ts';
import type { MapLinks } from './map-links.ts';
import { clusterIcon, eventIcon } from './marker-icons.ts';
import { TARGET } from './cluster-size.ts';
import { mapDetailZoom, viewOfBox } from './fit-events.tsx';
import {
  mergeServerClusters,
  serverClusterOpening,
  type ShownCluster,
} from './server-cluster-merge.ts';
import { SpotEventList, spotHeading } from './spot-event-list.tsx';
import { SpotSheet, useSpotSheet } from './spot-sheet.tsx';
import { spotPopupPlacement } from './spot-popup-layout.ts';

/**
 * Zoom levels a click on a cluster goes in by when the server sends no box for it, and at most
 * past the basemap's detail zoom: the server's cells halve with each.
 */
const CLUSTER_ZOOM_STEP = 2;

/** About the height of a failed question's notice and its Retry in a cluster's list. */
const ERROR_NOTICE_HEIGHT = 130;

/** One event of the server's answer: a marker named by its title, a click selects it. */
function OneEventMarker({ cluster, links }: { cluster: ShownCluster; links: MapLinks }) {
  const markerRef = useRef<L.Marker>(null);
  const event = cluster.event;
  const id = event?.id ?? '';
  const highlighted = useStoreValue(links.highlight, (current) => current === id);
  const inListView = useStoreValue(links.listInView, (ids) => ids.has(id));
  const colour = links.colourOf(event?.category ?? '');
  const label = event?.title ?? '';
  useEffect(
    function describeMarkerElement() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      // Through the DOM: event text never enters the icon's markup.
      element.setAttribute('aria-label', label);
      element.removeAttribute('title');
      element.style.setProperty('--category-color', colour);
      element.classList.toggle('is-highlighted', highlighted);
      element.classList.toggle('is-in-list-view', inListView);
      element.toggleAttribute('data-highlighted', highlighted);
      element.toggleAttribute('data-in-list-view', inListView);
    },
    [label, colour, highlighted, inListView],
  );
  const { select, highlight } = links;
  const handlers = useMemo(
    () => ({
      click: () => select(id),
      keypress: (keyEvent: LeafletKeyboardEvent) => {
        const key = keyEvent.originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        keyEvent.originalEvent.preventDefault();
        select(id);
      },
      mouseover: () => highlight.set(id),
      mouseout: () => {
        if (highlight.get() === id) highlight.set(null);
      },
    }),
    [select, highlight, id],
  );
  return (
    <Marker
      ref={markerRef}
      position={[cluster.latitude, cluster.longitude]}
      icon={eventIcon(cluster.offset)}
      keyboard
      eventHandlers={handlers}
    />
  );
}

/** How the server's map lists a cluster's events when zooming in cannot split it. */
export interface ServerSpots {
  /** The events in a cluster's box under the filter, a window at a time. */
  query: (box: ClusterBox) => ReturnType<typeof spotQuery>;
  /** A failed question, with its Retry: said as the rest of the page says it. */
  describeError: (error: Error, onRetry: () => void) => ReactNode;
}

/**
 * Many events in one of the server's cells: the usual disc and ring. A click zooms in to the box
 * of its events, or lists them when zooming in cannot split them, as a file's cluster does.
 */
function ServerClusterMarker({
  cluster,
  links,
  spots,
}: {
  cluster: ServerCluster;
  links: MapLinks;
  spots: ServerSpots;
}) {
  const map = useMap();
  const markerRef = useRef<L.Marker>(null);
  const popupRef = useRef<L.Popup>(null);
  const sheet = useSpotSheet(markerRef);
  const inSheet = sheet.short;
  const showSheet = sheet.show;
  // React Leaflet keeps a popup's content in the page once it has opened: the list is rendered
  // only while its popup is open, or a closed list would ask the server again at every filter.
  const [popupOpen, setPopupOpen] = useState(false);
  const { count, categories, latitude, longitude, box } = cluster;
  const { slotOf, labelOf } = links;
  const atMaxZoom = map.getZoom() >= map.getMaxZoom();
  const opens = serverClusterOpening(box, atMaxZoom);
  const lists = opens !== 'zoom';
  const label = clusterName(count, categories, opens, labelOf);
  const icon = useMemo(
    () => clusterIcon(count, ringSegments(categories), slotOf),
    [count, categories, slotOf],
  );
  useEffect(() => {
    const element = markerRef.current?.getElement();
    if (!element) return;
    element.setAttribute('aria-label', label);
    if (lists) element.setAttribute('aria-haspopup', 'dialog');
    else element.removeAttribute('aria-haspopup');
  }, [label, lists]);
  // What its list asks for and is headed by, in a sheet or a popup; null for a cluster that zooms.
  const spot =
    lists && box !== null ? { spots, box, count, oneSpot: opens === 'same-place' } : null;
  const handlers = useMemo(() => {
    const zoomIn = () => {
      // A cluster that lists its events opens its popup (Leaflet's own click), or its sheet.
      if (lists && inSheet) {
        showSheet();
        return;
      }
      if (lists || atMaxZoom) return;
      const maxZoom = map.getMaxZoom();
      if (box === null) {
        map.setView([latitude, longitude], Math.min(maxZoom, map.getZoom() + CLUSTER_ZOOM_STEP));
        return;
      }
      // Close enough to show all its events, clear of the map's controls and legend, as a file's
      // cluster does. The server does not say where a cluster splits: events close together are
      // shown at the basemap's detail zoom (or a fixed step past it), and a click goes on from there.
      const [west, south, east, north] = box;
      const zoom = Math.floor(map.getZoom());
      const view = viewOfBox(
        map,
        [
          [south, west],
          [north, east],
        ],
        { minZoom: zoom + 1, maxZoom: Math.max(mapDetailZoom(map), zoom + CLUSTER_ZOOM_STEP) },
      );
      map.setView(view.center, view.zoom);
    };
    return {
      click: zoomIn,
      keypress: (keyEvent: LeafletKeyboardEvent) => {
        const key = keyEvent.originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        keyEvent.originalEvent.preventDefault();
        if (lists) {
          if (inSheet) showSheet();
          else markerRef.current?.openPopup();
          return;
        }
        zoomIn();
        map.getContainer().focus({ preventScroll: true });
      },
      popupopen: (popupEvent: L.PopupEvent) => {
        setPopupOpen(true);
        // Leaflet names its close button in English.
        popupEvent.popup
          .getElement()
          ?.querySelector('.leaflet-popup-close-button')
          ?.setAttribute('aria-label', i18n._('Close popup'));
      },
      popupclose: () => setPopupOpen(false),
    };
  }, [map, latitude, longitude, box, atMaxZoom, lists, inSheet, showSheet]);
  return (
    <Marker
      ref={markerRef}
      position={[latitude, longitude]}
      icon={icon}
      keyboard
      eventHandlers={handlers}
    >
      {spot && inSheet && sheet.open && (
        <SpotSheet
          heading={<ServerSpotHeading {...spot} />}
          onClose={sheet.close}
          afterClose={sheet.afterClose}
        >
          <ServerSpotList
            {...spot}
            popupRef={popupRef}
            links={links}
            inSheet
            onClose={sheet.close}
            onChosen={(event) => sheet.choose(markerLabel(event, links.titleOf))}
          />
        </SpotSheet>
      )}
      {spot && !inSheet && (
        <Popup
          ref={popupRef}
          {...spotPopupPlacement(map.getSize().y)}
          minWidth={240}
          maxWidth={320}
        >
          {popupOpen && (
            <ServerSpotList
              {...spot}
              popupRef={popupRef}
              links={links}
              onClose={() => {
                markerRef.current?.closePopup();
                markerRef.current?.getElement()?.focus();
              }}
              onChosen={(event) => {
                // The focus goes to the map first, then the list goes with its popup.
                focusSelectedMarkerWhenDrawn(map.getContainer(), markerLabel(event, links.titleOf));
                markerRef.current?.closePopup();
              }}
            />
          )}
        </Popup>
      )}
    </Marker>
  );
}

/**
 * A sheet's heading with the count the list has (the server's under the filter now, once it has
 * answered; the cluster's until then): the same question as the list's, answered once.
 */
function ServerSpotHeading({
  spots,
  box,
  count,
  oneSpot,
}: {
  spots: ServerSpots;
  box: ClusterBox;
  count: number;
  oneSpot: boolean;
}) {
  const answer = useInfiniteQuery(spots.query(box));
  return spotHeading(answer.data?.pages[0]?.total ?? count, oneSpot);
}

/**
 * The events of a server's cluster, asked for when its popup or sheet opens (it is rendered only
 * while open), a window at a time: the first window, then "Show more" for the next.
 */
function ServerSpotList({
  popupRef,
  box,
  count,
  oneSpot,
  links,
  spots,
  inSheet = false,
  onClose,
  onChosen,
}: {
  /** Its popup, laid out and panned into the map again as the answers fill it. */
  popupRef: RefObject<L.Popup | null>;
  /** In a sheet over a short map, rather than a popup (spot-sheet.tsx). */
  inSheet?: boolean;
  box: ClusterBox;
  count: number;
  oneSpot: boolean;
  links: MapLinks;
  spots: ServerSpots;
  onClose: () => void;
  onChosen: (event: DatasetEvent) => void;
}) {
  const answer = useInfiniteQuery(spots.query(box));
  const [focusIndex, setFocusIndex] = useState(0);
  const listed = answer.data?.pages.length ?? 0;
  const failed = answer.error !== null;
  useEffect(
    function fitPopupToAnswers() {
      // react-leaflet lays the popup out when its marker renders, not when the answers fill it.
      popupRef.current?.update();
    },
    [popupRef, listed, answer.isFetching, failed],
  );
  const pages = answer.data?.pages ?? [];
  const events = pages.flatMap((page) => page.events);
  // The server's count under the filter now; the cluster's until it answers.
  const total = pages[0]?.total ?? count;
  const left = total - events.length;
  const error = answer.error
    ? answer.error instanceof Error
      ? answer.error
      : new Error(String(answer.error))
    : null;
  const showing = Math.min(left, pages[0]?.events.length ?? left);
  // The "Show more" button stays while the next window is asked: a control that goes away
  // drops the keyboard's focus out of the popup.
  const asking = answer.isFetchingNextPage;
  // A server that stops sending before its own count (spotQuery stops at an empty window): said,
  // so that a reader does not take the list for all there is.
  const endedShort = !answer.hasNextPage && !answer.isFetching && error === null && left > 0;
  const footer = (
    <>
      {error &&
        spots.describeError(
          error,
          () =>
            // A window after the first that failed is asked again, not those already listed.
            void (answer.isFetchNextPageError ? answer.fetchNextPage() : answer.refetch()),
        )}
      {/* Always in the page, its text changing: a live region inserted with its text is not
          read out by every screen reader. Empty, it takes no room (markers.css). */}
      <p className="same-place-status" role="status">
        {answer.isFetching && !asking
          ? i18n._('Asking the data server…')
          : endedShort
            ? i18n._('The data server sent {listed} of the {count} events it counts here.', {
                listed: i18n.number(events.length),
                count: i18n.number(total),
              })
            : ''}
      </p>
      {answer.hasNextPage && left > 0 && (
        <button
          type="button"
          className="button same-place-more"
          aria-disabled={asking}
          onClick={() => {
            if (asking) return;
            setFocusIndex(events.length);
            void answer.fetchNextPage();
          }}
        >
          {/* The button says it is asking rather than a line appearing: the popup keeps its height. */}
          {asking
            ? i18n._('Asking the data server…')
            : i18n._('Show {count} more', { count: i18n.number(showing) })}
        </button>
      )}
    </>
  );
  return (
    <SpotEventList
      events={events}
      count={total}
      oneSpot={oneSpot}
      links={links}
      onClose={onClose}
      onChosen={onChosen}
      footer={footer}
      focusIndex={focusIndex}
      reserve={error ? ERROR_NOTICE_HEIGHT : 0}
      inSheet={inSheet}
    />
  );
}

export interface ServerMarkersProps {
  clusters: readonly ServerCluster[];
  /** The selected event, drawn alone and on top wherever the server's cells put it. */
  selectedEvent: DatasetEvent | null;
  links: MapLinks;
  spots: ServerSpots;
}

/**
 * The server's clusters for the view (`/api/clusters`), those that would touch merged
 * (server-cluster-merge.ts), and the selected event over them.
 */
export function ServerMarkers({ clusters, selectedEvent, links, spots }: ServerMarkersProps) {
  const map = useMap();
  const selectedId = selectedEvent?.id ?? null;
  // The zoom as the map has it now (a first view may be fitted before this listens), and a new
  // drawing at each zoomend, even before the server's answer for the new view.
  const [, redraw] = useState(0);
  useMapEvents({ zoomend: () => redraw((count) => count + 1) });
  const zoom = map.getZoom();
  const shown = useMemo(() => {
    const projection = {
      toPixels: (latitude: number, longitude: number) => map.project([latitude, longitude], zoom),
      toPlace: (x: number, y: number) => {
        const place = map.unproject([x, y], zoom);
        return { latitude: place.lat, longitude: place.lng };
      },
    };
    const selected =
      selectedEvent &&
      Object.assign(projection.toPixels(selectedEvent.latitude, selectedEvent.longitude), {
        radius: TARGET / 2,
      });
    // The selected event is drawn on its own, and the rest kept clear of it.
    const others = clusters.filter((cluster) => !cluster.event || cluster.event.id !== selectedId);
    // At the closest zoom a cluster no longer opens by zooming in: events stay markers.
    return mergeServerClusters(others, projection, selected, zoom < map.getMaxZoom());
  }, [map, zoom, clusters, selectedEvent, selectedId]);
  return (
    <>
      {shown.map((cluster) =>
        cluster.event ? (
          <OneEventMarker key={cluster.event.id} cluster={cluster} links={links} />
        ) : (
          <ServerClusterMarker
            // By the box of its events where there is one: the place a cluster is drawn moves as
            // its neighbours merge or step aside, and a new key would close its open list.
            key={`cluster:${cluster.box?.join(',') ?? `${cluster.longitude},${cluster.latitude}`},${cluster.count}`}
            cluster={cluster}
            links={links}
            spots={spots}
          />
        ),
      )}
      {selectedEvent && (
        <EventMarker
          key={selectedEvent.id}
          event={selectedEvent}
          selected
          offset={null}
          links={links}
        />
      )}
    </>
  );
}
