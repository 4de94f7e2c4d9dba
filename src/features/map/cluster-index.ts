/**
 * Clustering with supercluster. The index is built once per set of events (a change of data or
 * filter); a pan or zoom only queries it, which takes microseconds even for 100,000 events.
 */
import Supercluster from 'supercluster';
import type { DatasetEvent } from '../../data/schema.ts';

export const MAX_CLUSTER_ZOOM = 16;

interface PointProperties {
  /** Index into the events array the index was built from. */
  eventIndex: number;
}

export type ClusterIndex = Supercluster<PointProperties, Record<string, never>>;

export type MapItem =
  | { kind: 'event'; event: DatasetEvent }
  | {
      kind: 'cluster';
      clusterId: number;
      count: number;
      longitude: number;
      latitude: number;
    };

export interface ClusteredEvents {
  index: ClusterIndex;
  events: DatasetEvent[];
}

/** The points supercluster needs: one per event, carrying only its position in `events`. */
export function toClusterPoints(
  events: DatasetEvent[],
): Supercluster.PointFeature<PointProperties>[] {
  return events.map((event, eventIndex) => ({
    type: 'Feature',
    properties: { eventIndex },
    geometry: { type: 'Point', coordinates: [event.longitude, event.latitude] },
  }));
}

export function buildClusterIndex(events: DatasetEvent[]): ClusteredEvents {
  const index: ClusterIndex = new Supercluster({
    radius: 56,
    maxZoom: MAX_CLUSTER_ZOOM,
    minPoints: 2,
  });
  index.load(toClusterPoints(events));
  return { index, events };
}

export type BoundingBox = [west: number, south: number, east: number, north: number];

/** What the map shows for a view: single events and clusters, never more than the view holds. */
export function itemsInView(
  { index, events }: ClusteredEvents,
  bbox: BoundingBox,
  zoom: number,
): MapItem[] {
  const items: MapItem[] = [];
  // Fractional zooms take the coarser level: clusters are then never closer than the radius on screen.
  for (const feature of index.getClusters(bbox, Math.floor(zoom))) {
    const properties = feature.properties;
    const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
    if ('cluster' in properties && properties.cluster) {
      items.push({
        kind: 'cluster',
        clusterId: properties.cluster_id,
        count: properties.point_count,
        longitude,
        latitude,
      });
    } else if ('eventIndex' in properties) {
      const event = events[properties.eventIndex];
      if (event) items.push({ kind: 'event', event });
    }
  }
  return items;
}

/** The events inside a cluster, in chronological order. */
export function clusterEvents(
  { index, events }: ClusteredEvents,
  clusterId: number,
): DatasetEvent[] {
  return index
    .getLeaves(clusterId, Infinity)
    .map((leaf) => events[leaf.properties.eventIndex])
    .filter((event): event is DatasetEvent => event !== undefined)
    .sort((a, b) => a.date.start - b.date.start || (a.id < b.id ? -1 : 1));
}

/**
 * True when zooming in cannot split the cluster: its events share one spot (Sinpo has several),
 * so the map lists them instead of zooming forever.
 */
export function clusterCannotSplit(clustered: ClusteredEvents, clusterId: number): boolean {
  return clustered.index.getClusterExpansionZoom(clusterId) > MAX_CLUSTER_ZOOM;
}
