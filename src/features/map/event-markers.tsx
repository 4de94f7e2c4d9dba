import { useEffect, useMemo, useState } from 'react';
import type L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/schema.ts';
import {
  buildClusterIndex,
  clusterCannotSplit,
  clusterEvents,
  itemsInView,
  type BoundingBox,
} from './cluster-index.ts';
import { ClusterMarker } from './cluster-marker.tsx';
import { EventMarker } from './event-marker.tsx';
import { fanOutOffsets } from './fan-out.ts';
import type { MapLinks } from './map-links.ts';

export interface EventMarkersProps {
  events: DatasetEvent[];
  selectedEvent: DatasetEvent | null;
  links: MapLinks;
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

/**
 * Clusters and single events for the current view. The selected event is kept out of the clusters
 * and drawn on its own, on top, so it is never hidden inside one.
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

  const selectedId = selectedEvent?.id ?? null;
  const clustered = useMemo(
    () =>
      buildClusterIndex(
        selectedId === null ? events : events.filter((event) => event.id !== selectedId),
      ),
    [events, selectedId],
  );
  const items = useMemo(() => itemsInView(clustered, view.bbox, view.zoom), [clustered, view]);
  const offsets = useMemo(() => {
    const singles = items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
    // The selected event goes first, so it keeps its true position and the others move aside.
    return fanOutOffsets(selectedEvent ? [selectedEvent, ...singles] : singles);
  }, [items, selectedEvent]);

  return (
    <>
      {items.map((item) =>
        item.kind === 'event' ? (
          <EventMarker
            key={item.event.id}
            event={item.event}
            selected={false}
            offset={offsets.get(item.event.id) ?? null}
            links={links}
          />
        ) : (
          <ClusterMarker
            key={`cluster-${item.clusterId}`}
            count={item.count}
            latitude={item.latitude}
            longitude={item.longitude}
            expansionZoom={
              clusterCannotSplit(clustered, item.clusterId)
                ? null
                : clustered.index.getClusterExpansionZoom(item.clusterId)
            }
            listEvents={() => clusterEvents(clustered, item.clusterId)}
            links={links}
          />
        ),
      )}
      {selectedEvent && (
        <EventMarker
          key={`selected-${selectedEvent.id}`}
          event={selectedEvent}
          selected
          offset={null}
          links={links}
        />
      )}
    </>
  );
}
