/**
 * The data server's clusters kept apart on screen, as a file's are (cluster-merge.ts): the server
 * counts events by cells of the screen grid, and neighbouring cells can hold events a pixel apart
 * across their border, while each circle grows with its count. Those that would touch are merged
 * here, in the page, where the circles' sizes are known: their counts and categories added up,
 * drawn where their events are on average (or just aside from the selected marker).
 */
import type { ServerCluster } from '../../data/server-view/server-api.ts';
import { mergeTouching } from './cluster-merge.ts';
import type { Circle } from './fan-out.ts';

/** Screen pixels at the view's zoom, and back. */
export interface ScreenProjection {
  toPixels: (latitude: number, longitude: number) => { x: number; y: number };
  toPlace: (x: number, y: number) => { latitude: number; longitude: number };
}

export function mergeServerClusters(
  clusters: readonly ServerCluster[],
  projection: ScreenProjection,
  selected: Circle | null,
): ServerCluster[] {
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
  const shown: ServerCluster[] = [];
  for (const [leader, members] of groups) {
    const lead = clusters[leader];
    if (!lead) continue;
    const [x, y] = [merged.shownX[leader] ?? 0, merged.shownY[leader] ?? 0];
    const pixel = pixels[leader] ?? { x, y };
    // Alone, a lone event stays at its own place, and a cluster unless it had to step aside.
    if (members.length === 1 && (lead.event || Math.hypot(x - pixel.x, y - pixel.y) < 0.5)) {
      shown.push(lead);
      continue;
    }
    const place = projection.toPlace(x, y);
    const categories = new Map<string, number>();
    let count = 0;
    for (const index of members) {
      const member = clusters[index];
      if (!member) continue;
      count += member.count;
      for (const part of member.categories)
        categories.set(part.category, (categories.get(part.category) ?? 0) + part.count);
    }
    shown.push({
      ...place,
      count,
      categories: [...categories]
        .map(([category, inCategory]) => ({ category, count: inCategory }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      event: null,
    });
  }
  return shown;
}
