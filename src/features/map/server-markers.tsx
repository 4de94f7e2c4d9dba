import { useEffect, useMemo, useRef, useState } from 'react';
import type L from 'leaflet';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import type { LeafletKeyboardEvent } from 'leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { ServerCluster } from '../../data/server-view/server-api.ts';
import { useStoreValue } from '../../lib/store/store.ts';
import { clusterName, ringSegments } from './cluster-mix.ts';
import { EventMarker } from './event-marker.tsx';
import type { MapLinks } from './map-links.ts';
import { clusterIcon, eventIcon } from './marker-icons.ts';
import { TARGET } from './cluster-size.ts';
import { mapDetailZoom, viewOfBox } from './fit-events.tsx';
import { mergeServerClusters, type ShownCluster } from './server-cluster-merge.ts';

/**
 * Zoom levels a click on a cluster goes in by when the server sends no box for it, and at most
 * past the basemap's detail zoom: the server's cells halve with each.
 */
const CLUSTER_ZOOM_STEP = 2;

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

/** Many events in one of the server's cells: the usual disc and ring; a click zooms in. */
function ServerClusterMarker({ cluster, links }: { cluster: ServerCluster; links: MapLinks }) {
  const map = useMap();
  const markerRef = useRef<L.Marker>(null);
  const { count, categories, latitude, longitude, box } = cluster;
  const { slotOf, labelOf } = links;
  const atMaxZoom = map.getZoom() >= map.getMaxZoom();
  const label = clusterName(count, categories, false, labelOf);
  const icon = useMemo(
    () => clusterIcon(count, ringSegments(categories), slotOf),
    [count, categories, slotOf],
  );
  useEffect(() => {
    markerRef.current?.getElement()?.setAttribute('aria-label', label);
  }, [label]);
  const handlers = useMemo(() => {
    const zoomIn = () => {
      if (atMaxZoom) return;
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
        zoomIn();
        map.getContainer().focus({ preventScroll: true });
      },
    };
  }, [map, latitude, longitude, box, atMaxZoom]);
  return (
    <Marker
      ref={markerRef}
      position={[latitude, longitude]}
      icon={icon}
      keyboard
      eventHandlers={handlers}
    />
  );
}

export interface ServerMarkersProps {
  clusters: readonly ServerCluster[];
  /** The selected event, drawn alone and on top wherever the server's cells put it. */
  selectedEvent: DatasetEvent | null;
  links: MapLinks;
}

/**
 * The server's clusters for the view (`/api/clusters`), those that would touch merged
 * (server-cluster-merge.ts), and the selected event over them.
 */
export function ServerMarkers({ clusters, selectedEvent, links }: ServerMarkersProps) {
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
            key={`cluster:${cluster.longitude},${cluster.latitude},${cluster.count}`}
            cluster={cluster}
            links={links}
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
