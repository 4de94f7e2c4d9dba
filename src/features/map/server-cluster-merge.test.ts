import { describe, expect, it } from 'vitest';
import type { ServerCluster } from '../../data/server-view/server-api.ts';
import { discDiameter, GAP, TARGET } from './cluster-size.ts';
import {
  mergeServerClusters,
  serverClusterOpening,
  type ScreenProjection,
} from './server-cluster-merge.ts';

/** A flat screen: a degree is 100 pixels each way, y growing southwards. */
const FLAT: ScreenProjection = {
  toPixels: (latitude, longitude) => ({ x: longitude * 100, y: -latitude * 100 }),
  toPlace: (x, y) => ({ latitude: -y / 100, longitude: x / 100 }),
};

function cluster(
  longitude: number,
  categories: Record<string, number>,
  event: ServerCluster['event'] = null,
): ServerCluster {
  const parts = Object.entries(categories).map(([category, count]) => ({ category, count }));
  return {
    longitude,
    latitude: 0,
    count: parts.reduce((sum, part) => sum + part.count, 0),
    categories: parts,
    event,
    // A box 0.1° each side of its place, as a server sends for more than one event.
    box: event ? null : [longitude - 0.1, -0.1, longitude + 0.1, 0.1],
  };
}

/** The circles' edges on the flat screen, each at its count's size. */
function gaps(clusters: readonly ServerCluster[]): number[] {
  const radius = (count: number) => Math.max(discDiameter(count), TARGET) / 2;
  const found: number[] = [];
  clusters.forEach((a, i) =>
    clusters.slice(i + 1).forEach((b) => {
      const apart = Math.hypot((a.longitude - b.longitude) * 100, (a.latitude - b.latitude) * 100);
      found.push(apart - radius(a.count) - radius(b.count));
    }),
  );
  return found;
}

describe('mergeServerClusters', () => {
  it('merges circles that would touch, adding up their counts and categories', () => {
    // 9,200 and 1,300 events 0.3° apart: 30 pixels, far less than their discs.
    const shown = mergeServerClusters(
      [cluster(10, { strike: 9000, protest: 200 }), cluster(10.3, { protest: 1300 })],
      FLAT,
      null,
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]?.count).toBe(10_500);
    expect(shown[0]?.categories).toEqual([
      { category: 'strike', count: 9000 },
      { category: 'protest', count: 1500 },
    ]);
    // Drawn where its events are on average.
    expect(shown[0]?.longitude).toBeCloseTo((10 * 9200 + 10.3 * 1300) / 10_500, 6);
  });

  it('leaves circles apart as they are, and a lone event where it happened', () => {
    const lone = cluster(20, { strike: 1 }, { id: 'a', title: 'A', category: 'strike' });
    const clusters = [cluster(10, { strike: 50 }), lone, cluster(30, { protest: 7 })];
    expect(mergeServerClusters(clusters, FLAT, null)).toEqual(
      clusters.map((entry) => ({ ...entry, offset: null })),
    );
  });

  it('a lone event beside a cluster joins it, and is no longer named', () => {
    const shown = mergeServerClusters(
      [
        cluster(10, { strike: 40 }),
        cluster(10.1, { protest: 1 }, { id: 'b', title: 'B', category: 'protest' }),
      ],
      FLAT,
      null,
    );
    expect(shown).toEqual([
      expect.objectContaining({
        count: 41,
        event: null,
        categories: [
          { category: 'strike', count: 40 },
          { category: 'protest', count: 1 },
        ],
      }),
    ]);
  });

  it('boxes a merged circle around its members’ boxes and lone events, or not at all', () => {
    const lone = cluster(10.35, { protest: 1 }, { id: 'b', title: 'B', category: 'protest' });
    const [merged] = mergeServerClusters(
      [cluster(10, { strike: 40 }), cluster(10.2, { strike: 3 }), { ...lone, latitude: 0.25 }],
      FLAT,
      null,
    );
    expect(merged?.count).toBe(44);
    expect(merged?.box?.map((edge) => Number(edge.toFixed(6)))).toEqual([9.9, -0.1, 10.35, 0.25]);
    // A server that sends no box: the merged circle has none either (a click zooms a step).
    const [unboxed] = mergeServerClusters(
      [cluster(10, { strike: 40 }), { ...cluster(10.2, { strike: 3 }), box: null }],
      FLAT,
      null,
    );
    expect(unboxed?.count).toBe(43);
    expect(unboxed?.box).toBeNull();
  });

  it('keeps every event and leaves no two circles touching, however crowded', () => {
    const crowded = Array.from({ length: 40 }, (_, index) =>
      cluster((index % 8) * 0.35, { strike: 10 ** (index % 4) }),
    ).map((entry, index) => ({ ...entry, latitude: Math.floor(index / 8) * 0.35 }));
    const shown = mergeServerClusters(crowded, FLAT, null);
    const total = (list: readonly ServerCluster[]) =>
      list.reduce((sum, entry) => sum + entry.count, 0);
    expect(total(shown)).toBe(total(crowded));
    expect(shown.length).toBeLessThan(crowded.length);
    for (const gap of gaps(shown)) expect(gap).toBeGreaterThanOrEqual(GAP - 1e-6);
  });

  it('moves a lone event beside the selected marker aside, at its own place, never under it', () => {
    const lone = cluster(10.1, { strike: 1 }, { id: 'a', title: 'A', category: 'strike' });
    const [shown] = mergeServerClusters([lone], FLAT, { x: 1000, y: 0, radius: TARGET / 2 });
    expect(shown?.longitude).toBe(10.1);
    expect(shown?.event?.id).toBe('a');
    const [dx = 0, dy = 0] = shown?.offset ?? [];
    // Drawn clear of the selected marker's target.
    expect(Math.hypot(1010 + dx - 1000, dy)).toBeGreaterThanOrEqual(TARGET - 1);
  });

  it('at the closest zoom draws each as it came, and never a cell of no events', () => {
    const near = [
      cluster(10, { strike: 1 }, { id: 'a', title: 'A', category: 'strike' }),
      cluster(10.01, { strike: 1 }, { id: 'b', title: 'B', category: 'strike' }),
      { ...cluster(12, {}), count: 0 },
    ];
    expect(mergeServerClusters(near, FLAT, null, false)).toEqual(
      near.slice(0, 2).map((entry) => ({ ...entry, offset: null })),
    );
    expect(mergeServerClusters(near, FLAT, null)).toHaveLength(1);
  });
});

describe('what a click on a data server’s cluster does', () => {
  it('lists events at one spot at any zoom, and any cluster at the closest zoom', () => {
    expect(serverClusterOpening([128.2, 40.1, 128.2, 40.1], false)).toBe('same-place');
    expect(serverClusterOpening([128.2, 40.1, 128.2, 40.1], true)).toBe('same-place');
    expect(serverClusterOpening([128.2, 40.1, 128.2001, 40.1], true)).toBe('close-together');
  });

  it('zooms in otherwise, and when the server sends no box', () => {
    expect(serverClusterOpening([128.2, 40.1, 128.2001, 40.1], false)).toBe('zoom');
    // Same longitude, another latitude: a line of events, which zooming in does split.
    expect(serverClusterOpening([128.2, 40.1, 128.2, 40.2], false)).toBe('zoom');
    expect(serverClusterOpening(null, false)).toBe('zoom');
    expect(serverClusterOpening(null, true)).toBe('zoom');
  });
});
