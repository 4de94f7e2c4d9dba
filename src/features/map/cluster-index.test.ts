import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../../data/model/validate.ts';
import { buildClusterIndex, clusterEvents, itemsInView } from './cluster-index.ts';
import { fanOutOffsets } from './fan-out.ts';

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function events(features: unknown[]) {
  return validateFeatureCollection(makeFeatureCollection(features)).events;
}

const seed = events([
  makeFeature({
    id: 'sinpo-activity',
    coordinates: [128.183, 40.033],
    properties: { date: '2024-09~' },
  }),
  makeFeature({
    id: 'sinpo-missiles',
    coordinates: [128.183, 40.033],
    properties: { date: '2024-01' },
  }),
  makeFeature({
    id: 'pyongyang',
    coordinates: [125.7625, 39.0392],
    properties: { date: '2024-06' },
  }),
  makeFeature({
    id: 'donetsk',
    coordinates: [37.803, 48.016],
    properties: { date: '2024-10-04?' },
  }),
]);

describe('clustering inputs and outputs', () => {
  it('places every event once, in Web Mercator units from 0 to 1', () => {
    const { x, y } = buildClusterIndex(seed);
    expect(x).toHaveLength(4);
    expect(x[3]).toBeCloseTo((37.803 + 180) / 360);
    // Donetsk is north of the equator: above the middle of the square world.
    expect(y[3]).toBeLessThan(0.5);
    expect(y[3]).toBeGreaterThan(0);
  });

  it('clusters Korea at a world view and splits it when zoomed in, but never the shared Sinpo spot', () => {
    const clustered = buildClusterIndex(seed);
    const world = itemsInView(clustered, WORLD, 2);
    expect(
      world
        .filter((item) => item.kind === 'cluster')
        .map((item) => item.kind === 'cluster' && item.count),
    ).toEqual([3]);
    expect(
      world
        .filter((item) => item.kind === 'event')
        .map((item) => item.kind === 'event' && item.event.id),
    ).toEqual(['donetsk']);

    const close = itemsInView(clustered, [120, 35, 135, 45], 9);
    const sinpo = close.find((item) => item.kind === 'cluster');
    expect(sinpo?.kind === 'cluster' && sinpo.count).toBe(2);
    if (sinpo?.kind !== 'cluster') throw new Error('expected the Sinpo cluster');
    expect(sinpo.expansionZoom).toBeNull();
    expect(clusterEvents(clustered, sinpo).map((event) => event.id)).toEqual([
      'sinpo-missiles',
      'sinpo-activity',
    ]);
    expect(close.some((item) => item.kind === 'event' && item.event.id === 'pyongyang')).toBe(true);
  });

  it('says at which zoom a cluster splits, and takes the selected event out of its cluster', () => {
    const clustered = buildClusterIndex(seed);
    const korea = itemsInView(clustered, WORLD, 2).find((item) => item.kind === 'cluster');
    if (korea?.kind !== 'cluster') throw new Error('expected the Korea cluster');
    expect(korea.expansionZoom).toBeGreaterThan(2);
    const split = itemsInView(clustered, WORLD, korea.expansionZoom ?? 0);
    expect(split.filter((item) => item.kind === 'event').length).toBeGreaterThan(1);

    const pyongyang = seed.find((event) => event.id === 'pyongyang') ?? null;
    const withSelection = itemsInView(clustered, WORLD, 2, pyongyang);
    const cluster = withSelection.find((item) => item.kind === 'cluster');
    expect(cluster?.kind === 'cluster' && [cluster.count, cluster.withoutSelected]).toEqual([
      2,
      true,
    ]);
    expect(
      withSelection.some((item) => item.kind === 'event' && item.event.id === 'pyongyang'),
    ).toBe(false);
  });

  it('counts every event exactly once in any view of the world', () => {
    const clustered = buildClusterIndex(seed);
    for (let zoom = 0; zoom <= 17; zoom += 1) {
      const total = itemsInView(clustered, WORLD, zoom).reduce(
        (sum, item) => sum + (item.kind === 'cluster' ? item.count : 1),
        0,
      );
      expect(total, `zoom ${zoom}`).toBe(seed.length);
    }
  });

  it('fans out events that share a spot, leaving the first where it is', () => {
    const offsets = fanOutOffsets([
      { id: 'selected', longitude: 128.183, latitude: 40.033 },
      { id: 'other', longitude: 128.183, latitude: 40.033 },
      { id: 'alone', longitude: 125.76, latitude: 39.04 },
    ]);
    expect(offsets.has('selected')).toBe(false);
    expect(offsets.has('alone')).toBe(false);
    const [dx = 0, dy = 0] = offsets.get('other') ?? [];
    expect(Math.hypot(dx, dy)).toBeGreaterThan(15);
  });
});
