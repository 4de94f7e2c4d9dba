import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../../data/model/validate.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { seededRandom } from '../../../scripts/synthetic-dataset.ts';
import {
  buildClusterIndex,
  clusterEvents,
  itemsInView,
  type BoundingBox,
  type MapItem,
} from './cluster-index.ts';
import { GAP, TARGET, targetRadius } from './cluster-size.ts';

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
    if (cluster?.kind !== 'cluster') throw new Error('expected the Korea cluster');
    expect(cluster.count).toBe(2);
    expect(clusterEvents(clustered, cluster, 'pyongyang').map((event) => event.id)).toEqual([
      'sinpo-missiles',
      'sinpo-activity',
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

  it('moves an event at the spot of the selected one aside, so both can be clicked', () => {
    const clustered = buildClusterIndex(seed);
    const selected = seed.find((event) => event.id === 'sinpo-missiles') ?? null;
    const items = itemsInView(clustered, [120, 35, 135, 45], 9, selected);
    const other = items.find((item) => item.kind === 'event' && item.event.id === 'sinpo-activity');
    if (other?.kind !== 'event') throw new Error('expected the other Sinpo event on its own');
    const [dx, dy] = other.offset ?? [0, 0];
    expect(Math.hypot(dx, dy)).toBeGreaterThanOrEqual(TARGET + GAP);
    expect(items.some((item) => item.kind === 'event' && item.event.id === 'sinpo-missiles')).toBe(
      false,
    );
  });

  it('counts each cluster by category, largest first, then in the order first met', () => {
    const mixed = events([
      ...['strike', 'strike', 'statement', 'strike', 'diplomacy'].map((category, index) =>
        makeFeature({
          id: `mixed-${index}`,
          coordinates: [30 + index * 0.001, 50],
          properties: { category },
        }),
      ),
    ]);
    const [cluster] = itemsInView(buildClusterIndex(mixed), WORLD, 4);
    if (cluster?.kind !== 'cluster') throw new Error('expected one cluster');
    expect(cluster.mix).toEqual([
      { category: 'strike', count: 3 },
      { category: 'statement', count: 1 },
      { category: 'diplomacy', count: 1 },
    ]);
  });

  it('counts the categories met after the 31st together', () => {
    const many = events(
      Array.from({ length: 40 }, (_, index) =>
        makeFeature({
          id: `kind-${index}`,
          coordinates: [30, 50],
          properties: { category: index < 2 ? 'common' : `kind-${index}` },
        }),
      ),
    );
    const clustered = buildClusterIndex(many);
    expect(clustered.categories).toHaveLength(32);
    expect(clustered.categories[0]).toBe('common');
    expect(clustered.categories[31]).toBeNull();
    const [cluster] = itemsInView(clustered, WORLD, 4);
    if (cluster?.kind !== 'cluster') throw new Error('expected one cluster');
    expect(cluster.mix[0]).toEqual({ category: null, count: 8 });
    expect(cluster.mix.reduce((sum, part) => sum + part.count, 0)).toBe(40);
  });
});

/** Random events round a few hot spots, some sharing a spot exactly, in a handful of categories. */
function scattered(count: number, seedNumber: number): DatasetEvent[] {
  const random = seededRandom(seedNumber);
  const spots = Array.from({ length: 6 }, () => [random() * 60 - 10, random() * 40 + 20]);
  return events(
    Array.from({ length: count }, (_, index) => {
      const [longitude = 0, latitude = 0] = spots[Math.floor(random() * spots.length)] ?? [];
      const spread = random() < 0.2 ? 0 : random() * 3;
      return makeFeature({
        id: `scattered-${index}`,
        coordinates: [longitude + (random() - 0.5) * spread, latitude + (random() - 0.5) * spread],
        properties: { category: ['strike', 'statement', 'fire', 'protest'][index % 4] },
      });
    }),
  );
}

/** An item's circle on screen, in pixels at `zoom`, where it is drawn. */
function circleOf(item: MapItem, zoom: number) {
  const pixels = 256 * 2 ** zoom;
  const project = (longitude: number, latitude: number) => {
    const sin = Math.sin((latitude * Math.PI) / 180);
    return [
      ((longitude + 180) / 360) * pixels,
      (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * pixels,
    ] as const;
  };
  if (item.kind === 'cluster') {
    const [x, y] = project(item.longitude, item.latitude);
    return { x, y, radius: targetRadius(item.count) };
  }
  const [x, y] = project(item.event.longitude, item.event.latitude);
  const [dx, dy] = item.offset ?? [0, 0];
  return { x: x + dx, y: y + dy, radius: TARGET / 2 };
}

describe('what a view shows', () => {
  const scenes = [1, 2, 3].map((seedNumber) => scattered(400, seedNumber));
  const views: [BoundingBox, number][] = [
    [WORLD, 2],
    [WORLD, 4.5],
    [[-20, 10, 60, 70], 6],
    [[-20, 10, 60, 70], 9],
  ];

  it('draws no circle touching another or the selected marker, and loses no event', () => {
    for (const scene of scenes) {
      const clustered = buildClusterIndex(scene);
      for (const selected of [null, scene[7] ?? null, scene[123] ?? null]) {
        for (const [bbox, zoom] of views) {
          const items = itemsInView(clustered, bbox, zoom, selected);
          const circles = items.map((item) => circleOf(item, zoom));
          if (selected) {
            circles.push({
              ...circleOf({ kind: 'event', event: selected, offset: null }, zoom),
              radius: TARGET / 2,
            });
          }
          const touching = circles.flatMap((a, index) =>
            circles
              .slice(index + 1)
              .filter((b) => Math.hypot(a.x - b.x, a.y - b.y) <= a.radius + b.radius),
          );
          expect(touching, `zoom ${zoom}`).toEqual([]);

          const [west, south, east, north] = bbox;
          const inView = scene.filter(
            (event) =>
              event !== selected &&
              event.longitude >= west &&
              event.longitude <= east &&
              event.latitude >= south &&
              event.latitude <= north,
          );
          const counted = items.reduce(
            (sum, item) => sum + (item.kind === 'cluster' ? item.count : 1),
            0,
          );
          expect(counted).toBe(inView.length);
          if (bbox !== WORLD) continue;
          // The whole world in view: each cluster finds exactly its own events again.
          const found = items.flatMap((item) =>
            item.kind === 'event'
              ? [item.event.id]
              : clusterEvents(clustered, item, selected?.id ?? null).map((event) => event.id),
          );
          expect(new Set(found).size).toBe(found.length);
          expect(found.sort()).toEqual(inView.map((event) => event.id).sort());
          for (const item of items) {
            if (item.kind !== 'cluster') continue;
            expect(clusterEvents(clustered, item, selected?.id ?? null)).toHaveLength(item.count);
          }
        }
      }
    }
  });

  it('gives each cluster the box round its events, for the click to zoom to', () => {
    const scene = scenes[0] ?? [];
    const clustered = buildClusterIndex(scene);
    for (const item of itemsInView(clustered, WORLD, 3)) {
      if (item.kind !== 'cluster') continue;
      const [west, south, east, north] = item.bounds;
      for (const event of clusterEvents(clustered, item)) {
        expect(event.longitude).toBeGreaterThanOrEqual(west - 1e-9);
        expect(event.longitude).toBeLessThanOrEqual(east + 1e-9);
        expect(event.latitude).toBeGreaterThanOrEqual(south - 1e-9);
        expect(event.latitude).toBeLessThanOrEqual(north + 1e-9);
      }
      if (item.expansionZoom !== null) expect(item.expansionZoom).toBeGreaterThan(3);
    }
  });
});
