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
      /** True when the selected event was taken out of this cluster (it is drawn on its own). */
      withoutSelected: boolean;
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

/** Clusters smaller than this are opened to find the selected event; larger ones keep their count. */
const MAX_LEAVES_TO_SEARCH = 5000;

/**
 * What the map shows for a view: single events and clusters, never more than the view holds.
 * The index always holds every event, so selecting one never rebuilds it; instead the selected
 * event is taken out of whatever the view shows (it is drawn on its own, on top), and the cluster
 * it sat in counts one less, or gives way to the one event left in it.
 */
export function itemsInView(
  clustered: ClusteredEvents,
  bbox: BoundingBox,
  zoom: number,
  selected: DatasetEvent | null = null,
): MapItem[] {
  const { index, events } = clustered;
  const level = Math.floor(zoom);
  const selectedId = selected?.id ?? null;
  // A cluster holding the selected event lies within about one cluster radius of it.
  const reach = (3 * 64 * 360) / (256 * 2 ** level);
  const items: MapItem[] = [];
  // Fractional zooms take the coarser level: clusters are then never closer than the radius on screen.
  for (const feature of index.getClusters(bbox, level)) {
    const properties = feature.properties;
    const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
    if ('cluster' in properties && properties.cluster) {
      const cluster = {
        kind: 'cluster' as const,
        clusterId: properties.cluster_id,
        count: properties.point_count,
        longitude,
        latitude,
        withoutSelected: false,
      };
      const near =
        selected !== null &&
        Math.abs(selected.longitude - longitude) < reach &&
        Math.abs(selected.latitude - latitude) < reach;
      if (near && cluster.count <= MAX_LEAVES_TO_SEARCH) {
        const leaves = index.getLeaves(cluster.clusterId, Infinity);
        if (leaves.some((leaf) => events[leaf.properties.eventIndex]?.id === selectedId)) {
          const others = leaves.filter(
            (leaf) => events[leaf.properties.eventIndex]?.id !== selectedId,
          );
          const only =
            others.length === 1 ? events[others[0]?.properties.eventIndex ?? -1] : undefined;
          if (only) items.push({ kind: 'event', event: only });
          else items.push({ ...cluster, count: others.length, withoutSelected: true });
          continue;
        }
      }
      items.push(cluster);
    } else if ('eventIndex' in properties) {
      const event = events[properties.eventIndex];
      if (event && event.id !== selectedId) items.push({ kind: 'event', event });
    }
  }
  return items;
}

/** The events inside a cluster, in chronological order, leaving out one (the selected event). */
export function clusterEvents(
  { index, events }: ClusteredEvents,
  clusterId: number,
  leaveOut: string | null = null,
): DatasetEvent[] {
  return index
    .getLeaves(clusterId, Infinity)
    .map((leaf) => events[leaf.properties.eventIndex])
    .filter((event): event is DatasetEvent => event !== undefined && event.id !== leaveOut)
    .sort((a, b) => a.date.start - b.date.start || (a.id < b.id ? -1 : 1));
}

/**
 * True when zooming in cannot split the cluster: its events share one spot (Sinpo has several),
 * so the map lists them instead of zooming forever.
 */
export function clusterCannotSplit(clustered: ClusteredEvents, clusterId: number): boolean {
  return clustered.index.getClusterExpansionZoom(clusterId) > MAX_CLUSTER_ZOOM;
}
