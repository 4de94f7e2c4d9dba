/**
 * The data server's clusters kept apart on screen, as a file's are (cluster-merge.ts): the server
 * counts events by cells of the screen grid, and neighbouring cells can hold events a pixel apart
 * across their border, while each circle grows with its count. Those that would touch are merged
 * here, in the page, where the circles' sizes are known: their counts and categories added up,
 * drawn where their events are on average, and moved just aside from the selected marker.
 */
import type { ClusterBox, ServerCluster } from '../../data/server-view/server-api.ts';
import { mergeTouching } from './cluster-merge.ts';
import type { ClusterOpening } from './cluster-mix.ts';
import type { Circle } from './fan-out.ts';

/** Screen pixels at the view's zoom, and back. */
export interface ScreenProjection {
  toPixels: (latitude: number, longitude: number) => { x: number; y: number };
  toPlace: (x: number, y: number) => { latitude: number; longitude: number };
}

/** A cluster as drawn: a lone event moved aside from the selected marker says by how much. */
export type ShownCluster = ServerCluster & {
  /** Screen pixels from the event's own place to where its marker is drawn; null when there. */
  offset: [number, number] | null;
};

function unionOf(a: ClusterBox, b: ClusterBox): ClusterBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const asIs = (cluster: ServerCluster): ShownCluster => ({ ...cluster, offset: null });

/**
 * The clusters to draw. `mergeable` false (the map's closest zoom, where a cluster can no longer
 * be opened by zooming in) draws each as it came: events stay markers of their own.
 */
export function mergeServerClusters(
  answered: readonly ServerCluster[],
  projection: ScreenProjection,
  selected: Circle | null,
  mergeable = true,
): ShownCluster[] {
  // A cell of no events has no place to be drawn: a server should never send one.
  const clusters = answered.filter((cluster) => cluster.count > 0);
  if (!mergeable) return clusters.map(asIs);
  const pixels = clusters.map((cluster) =>
    projection.toPixels(cluster.latitude, cluster.longitude),
  );
  const merged = mergeTouching(
    {
      x: pixels.map((pixel) => pixel.x),
      y: pixels.map((pixel) => pixel.y),
      count: clusters.map((cluster) => cluster.count),
    },
    selected,
  );
  const groups = new Map<number, number[]>();
  clusters.forEach((_, index) => {
    const leader = merged.leader[index] ?? index;
    const group = groups.get(leader);
    if (group) group.push(index);
    else groups.set(leader, [index]);
  });
  const shown: ShownCluster[] = [];
  for (const [leader, members] of groups) {
    const lead = clusters[leader];
    if (!lead) continue;
    const [x, y] = [merged.shownX[leader] ?? 0, merged.shownY[leader] ?? 0];
    const pixel = pixels[leader] ?? { x, y };
    const [dx, dy] = [Math.round(x - pixel.x), Math.round(y - pixel.y)];
    if (members.length === 1) {
      // A lone event keeps its own place, its marker drawn aside if it had to step aside; so
      // does a cluster that did not have to.
      if (lead.event) {
        shown.push({ ...lead, offset: dx === 0 && dy === 0 ? null : [dx, dy] });
        continue;
      }
      if (dx === 0 && dy === 0) {
        shown.push(asIs(lead));
        continue;
      }
    }
    const categories = new Map<string, number>();
    let count = 0;
    let box: ClusterBox | null = null;
    let boxed = true;
    for (const index of members) {
      const member = clusters[index];
      if (!member) continue;
      count += member.count;
      // A lone event's box is its place; a cluster from a server that sends no box leaves the
      // merged one without a box too.
      const memberBox: ClusterBox | null =
        member.box ??
        (member.event
          ? [member.longitude, member.latitude, member.longitude, member.latitude]
          : null);
      if (memberBox === null) boxed = false;
      else box = box === null ? memberBox : unionOf(box, memberBox);
      for (const part of member.categories)
        categories.set(part.category, (categories.get(part.category) ?? 0) + part.count);
    }
    shown.push({
      ...projection.toPlace(x, y),
      count,
      categories: [...categories]
        .map(([category, inCategory]) => ({ category, count: inCategory }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      event: null,
      box: boxed ? box : null,
      offset: null,
    });
  }
  return shown;
}

/**
 * For a data server's cluster, by the box of its events (`[west, south, east, north]`): all at
 * one spot when the box is a point, listed too at the map's closest zoom, which cannot split
 * them; otherwise, or with no box, a click zooms in.
 */
export function serverClusterOpening(box: ClusterBox | null, atMaxZoom: boolean): ClusterOpening {
  if (box === null) return 'zoom';
  const [west, south, east, north] = box;
  if (west === east && south === north) return 'same-place';
  return atMaxZoom ? 'close-together' : 'zoom';
}
