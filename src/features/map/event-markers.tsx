import { useEffect, useMemo, useState } from 'react';
import type L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import {
  buildClusterIndex,
  clusterEvents,
  itemsInView,
  type BoundingBox,
} from './cluster-index.ts';
import { ClusterMarker } from './cluster-marker.tsx';
import { EventMarker } from './event-marker.tsx';
import type { MapLinks } from './map-links.ts';

export interface EventMarkersProps {
  events: DatasetEvent[];
  selectedEvent: DatasetEvent | null;
  links: MapLinks;
  /** The colour of each category, for the rings round clusters. */
}

interface MapView {
  bbox: BoundingBox;
  zoom: number;
}

function readView(map: L.Map): MapView {
  // A margin around the view, so markers do not pop in at the edges while panning.
  const bounds = map.getBounds().pad(0.25);
  return {
    bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    zoom: map.getZoom(),
  };
}

type ViewItem = ReturnType<typeof itemsInView>[number];

/** An event's key is its id (so a marker keeps its focus when selected); a colon keeps clusters apart. */
function itemKey(item: ViewItem): string {
  return item.kind === 'event' ? item.event.id : `cluster:${item.level}:${item.clusterId}`;
}

/**
 * Clusters and single events for the current view. The index is built once per set of events;
 * the selected event is drawn on its own, on top, never hidden in a cluster, and nothing else is
 * drawn under it. It keeps the same React key as its unselected marker, so a marker selected from
 * the keyboard keeps the focus.
 */
export function EventMarkers({ events, selectedEvent, links }: EventMarkersProps) {
  const map = useMap();
  const [view, setView] = useState(() => readView(map));
  useEffect(
    function followMapMoves() {
      // Registered once, not per render: a listener re-registered on every render misses the
      // moves other components make in the same commit (the first fit to the events).
      const onMoveEnd = () => setView(readView(map));
      map.on('moveend', onMoveEnd);
      onMoveEnd();
      return () => {
        map.off('moveend', onMoveEnd);
      };
    },
    [map],
  );

  const clustered = useMemo(() => buildClusterIndex(events), [events]);
  const items = useMemo(
    () => itemsInView(clustered, view.bbox, view.zoom, selectedEvent),
    [clustered, view, selectedEvent],
  );
  const selectedId = selectedEvent?.id ?? null;

  // One array, so the selected marker shares its key space with the others: React then keeps the
  // same marker (and its focused element) when it becomes selected.
  const markers = items.map((item) =>
    item.kind === 'event' ? (
      <EventMarker
        key={itemKey(item)}
        event={item.event}
        selected={false}
        offset={item.offset}
        links={links}
      />
    ) : (
      <ClusterMarker
        key={itemKey(item)}
        cluster={item}
        listEvents={() => clusterEvents(clustered, item, selectedId)}
        links={links}
      />
    ),
  );
  if (selectedEvent) {
    markers.push(
      <EventMarker
        key={selectedEvent.id}
        event={selectedEvent}
        selected
        offset={null}
        links={links}
      />,
    );
  }
  return <>{markers}</>;
}
