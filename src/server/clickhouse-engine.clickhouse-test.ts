/**
 * The ClickHouse engine answers exactly as the DuckDB engine does on the same events: two
 * ClickHouse servers on loopback form a two-shard cluster with a Distributed table, both engines
 * load the same seeded dataset, and every question is asked of both, for many random filters and
 * views. Runs with `npm run test:clickhouse` (it needs clickhouse-server: scripts/ensure-clickhouse.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLUSTER,
  restartShard,
  startCluster,
  stopCluster,
  type RunningCluster,
} from '../../scripts/clickhouse-cluster.ts';
import { crowdFeatures, syntheticFeatures } from '../../scripts/synthetic-dataset.ts';
import { NO_FILTER, type EventFilter } from '../data/model/event-filter.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import type { BinUnit } from '../data/query/histogram.ts';
import { createApp } from './app.ts';
import { ClickHouseEngine } from './clickhouse-engine.ts';
import { DuckDbEngine } from './duckdb-engine.ts';
import { viewsAroundEvents } from './rollup-test-views.ts';
import type { ClustersAnswer, HistogramAnswer, ServedDataset } from './engine.ts';
import type { MapView } from './view-query.ts';

/** Events that try the edges: the poles, the antimeridian, hostile and Korean text, intervals. */
const EDGES = [
  ['Quote " and \\ backslash', 'edge-quote', [179.95, 10], '2021-03-04'],
  ["O'Brien; DROP TABLE events; --", 'edge-sql', [-179.95, 10.5], '2021-03-04/2021-04-10'],
  ['100% _wild_ {braces} \\N tab\tnewline', 'edge-wild', [180, -20], '2021-05'],
  ['신포 잠수함 발사 “미사일”', 'edge-korean', [128.1, 40.0], '2019-10-02'],
  ['North pole station', 'edge-north', [10, 90], '2020'],
  ['Near the north pole', 'edge-north-near', [11, 89.5], '2020-02-02'],
  ['South pole base', 'edge-south', [-60, -89.99], '2020-07-07'],
  ['Across the antimeridian', 'edge-date-line', [-180, 0], '2018-12-31/2019-01-02'],
] as const;

// As a server loads a table: the column its categories came from, and which column became each
// field (About this file shows both), so that describe() is compared with them present.
const COLUMNS_READ = {
  fields: { title: 'headline', date: 'event_date', category: 'kind' },
  proposed: true,
  guessed: ['title'],
};
const dataset: ServedDataset = {
  categoryColumn: 'kind',
  columns: COLUMNS_READ,
  ...validateFeatureCollection({
    type: 'FeatureCollection',
    metadata: { title: 'Synthetic, with edges' },
    features: [
      ...syntheticFeatures(4_000, 11),
      ...crowdFeatures(400, 5),
      ...EDGES.map(([title, id, coordinates, date]) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates },
        properties: {
          title,
          date,
          category: 'Edge',
          summary: `${title} — 요약`,
          sources: [{ publisher: 'Edge wire', url: `https://example.org/${id}` }],
        },
      })),
      // One event each, in time out of the names' order: the description lists ties as they come.
      ...[
        ['tie-zebra', '1999-01-01', 'Tie zebra'],
        ['tie-apple', '1999-02-01', 'Tie apple'],
      ].map(([id, date, category]) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [12, 41] },
        properties: {
          title: `Tie ${String(id)}`,
          date,
          category,
          sources: [{ publisher: 'Tie wire', url: `https://example.org/${String(id)}` }],
        },
      })),
      { type: 'Feature', properties: { title: 'No place' } },
    ],
  }),
};

// Every edge event is one of the events, or the test would miss what it means to try.
if (dataset.issues.length !== 1) throw new Error(JSON.stringify(dataset.issues));

let cluster: RunningCluster | undefined;
let duck: DuckDbEngine;
let house: ClickHouseEngine;

beforeAll(async () => {
  cluster = await startCluster();
  duck = await DuckDbEngine.open(dataset);
  house = await ClickHouseEngine.load(dataset, {
    urls: cluster.urls,
    cluster: CLUSTER,
    table: 'events',
    // A few thousand events spread over years make nearly a rollup row each: kept all the same,
    // so that every cluster question without a search below is answered from it.
    cellRollupShare: 1,
  });
}, 120_000);
afterAll(() => {
  duck?.close();
  if (cluster) stopCluster(cluster);
});

const categories = [...new Set(dataset.events.map((event) => event.category))];
const searches = [
  '',
  'north',
  'strike near',
  '"',
  '\\',
  "o'brien",
  "'; drop table events; --",
  '100%',
  '_wild_',
  '\\n',
  '신포',
  '잠수함 미사일',
  'zzz-nothing-matches',
];
const filters = fc
  .record({
    from: fc.option(fc.integer({ min: 17_500, max: 20_500 }), { nil: null }),
    length: fc.integer({ min: 0, max: 1_500 }),
    hasTo: fc.boolean(),
    query: fc.constantFrom(...searches),
    categories: fc.subarray(categories, { maxLength: 3 }),
  })
  .map(({ from, length, hasTo, query, categories: chosen }): EventFilter => ({
    from,
    to: hasTo ? (from ?? 17_500) + length : null,
    query,
    categories: chosen,
  }));

/** Latitudes as Leaflet's views have them: up to Web Mercator's edge, or the whole globe. */
const views = fc
  .record({
    west: fc.double({ min: -540, max: 360, noNaN: true }),
    width: fc.double({ min: 0.5, max: 400, noNaN: true }),
    south: fc.constantFrom(-90, -85.0511287798, -60, -10, 0, 30),
    height: fc.constantFrom(5, 40, 90, 180),
    zoom: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ west, width, south, height, zoom }): MapView => ({
    west,
    east: west + width,
    south,
    north: Math.min(90, south + height),
    zoom,
  }))
  .filter((view) => view.east - view.west <= 720 && view.east <= 540);

/**
 * The same clusters, in a fixed order (ties in size come in any order). Their means may differ in
 * their last bits: the shards, and the rollup's cells, sum their parts apart.
 */
function expectSameClusters(actual: ClustersAnswer, expected: ClustersAnswer): void {
  const ordered = (answer: ClustersAnswer) =>
    [...answer.clusters].sort(
      (a, b) => b.count - a.count || a.longitude - b.longitude || a.latitude - b.latitude,
    );
  const withoutMeans = (answer: ClustersAnswer) => ({
    total: answer.total,
    clusters: ordered(answer).map((cluster) => ({ ...cluster, longitude: 0, latitude: 0 })),
  });
  expect(withoutMeans(actual)).toEqual(withoutMeans(expected));
  const expectedClusters = ordered(expected);
  ordered(actual).forEach((cluster, index) => {
    expect(cluster.longitude).toBeCloseTo(expectedClusters[index]?.longitude ?? NaN, 8);
    expect(cluster.latitude).toBeCloseTo(expectedClusters[index]?.latitude ?? NaN, 8);
  });
}

function expectSameHistogram(actual: HistogramAnswer, expected: HistogramAnswer): void {
  expect({ ...actual, weights: [] }).toEqual({ ...expected, weights: [] });
  expect(actual.weights).toHaveLength(expected.weights.length);
  // An interval's share of a bin is summed event by event in DuckDB, as count × share here.
  actual.weights.forEach((weight, bin) =>
    expect(weight).toBeCloseTo(expected.weights[bin] ?? 0, 9),
  );
}

describe('the ClickHouse engine on a two-shard cluster, against DuckDB', () => {
  it('spreads the events over both shards', async () => {
    const [first, second] = await Promise.all(
      (cluster?.urls ?? []).map(async (url) =>
        Number(await (await fetch(`${url}/?query=SELECT%20count()%20FROM%20events_local`)).text()),
      ),
    );
    expect(first).toBeGreaterThan(1_000);
    expect(second).toBeGreaterThan(1_000);
    expect((first ?? 0) + (second ?? 0)).toBe(dataset.events.length);
  });

  it('describes the dataset alike', async () => {
    const described = await duck.describe();
    expect(await house.describe()).toEqual(described);
    expect(described.categoryColumn).toBe('kind');
    expect(described.columns).toEqual(COLUMNS_READ);
    const names = described.categories.map((entry) => entry.name);
    expect(names.indexOf('Tie zebra')).toBeLessThan(names.indexOf('Tie apple'));
  });

  it('weighs the timeline alike, for any filter and unit', async () => {
    await fc.assert(
      fc.asyncProperty(
        filters,
        fc.constantFrom<BinUnit | null>(null, 'day', 'week', 'month', 'year'),
        async (filter, unit) => {
          const expected = await duck.histogram(filter, unit).catch((error: Error) => error);
          const actual = await house.histogram(filter, unit).catch((error: Error) => error);
          if (expected instanceof Error) {
            expect(actual).toEqual(expected);
            return;
          }
          expectSameHistogram(actual as HistogramAnswer, expected);
        },
      ),
      { numRuns: 60, seed: 27 },
    );
  });

  it('counts categories alike, for any filter', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        expect(await house.categoryCounts(filter)).toEqual(await duck.categoryCounts(filter));
      }),
      { numRuns: 30, seed: 27 },
    );
  });

  it('frames the filtered events alike, for any filter', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        expect(await house.frame(filter)).toEqual(await duck.frame(filter));
      }),
      { numRuns: 30, seed: 27 },
    );
  });

  it('clusters alike, at the poles, across the antimeridian and past ±180', async () => {
    await fc.assert(
      fc.asyncProperty(filters, views, async (filter, view) => {
        // A west beyond the east is the same view as the east one turn on: DuckDB is asked that.
        const asked = view.west > view.east ? { ...view, east: view.east + 360 } : view;
        const expected = await duck.clusters(filter, asked).catch((error: Error) => error);
        const actual = await house.clusters(filter, view).catch((error: Error) => error);
        if (expected instanceof Error) {
          expect(actual).toEqual(expected);
          return;
        }
        expectSameClusters(actual as ClustersAnswer, expected);
      }),
      { numRuns: 80, seed: 27 },
    );
  });

  it('clusters a view without a search from the rollup and the copies by cell and by day as counting its events does', async () => {
    // The same tables, asked by an engine that made no rollup: it counts the events.
    const counting = ClickHouseEngine.connect(dataset, {
      urls: cluster?.urls ?? [],
      cluster: CLUSTER,
      table: 'events',
    });
    // Filters of categories alone (what the rollup answers: cell-rollup.ts `readsRollup`), and
    // of dates too (what the copy ordered by day answers).
    const plainFilters = fc.oneof(
      fc
        .subarray(categories, { maxLength: 3 })
        .map((chosen): EventFilter => ({ ...NO_FILTER, categories: chosen })),
      filters.map((filter) => ({ ...filter, query: '' })),
    );
    const rollupViews = fc.oneof(
      views.filter((view) => view.zoom <= 8),
      // Views around an event, at the rollup's zooms: their edges cut through the hot spots.
      viewsAroundEvents(dataset.events),
    );
    await fc.assert(
      fc.asyncProperty(plainFilters, rollupViews, async (filter, view) => {
        const expected = await counting.clusters(filter, view).catch((error: Error) => error);
        const actual = await house.clusters(filter, view).catch((error: Error) => error);
        if (expected instanceof Error) {
          expect(actual).toEqual(expected);
          return;
        }
        expectSameClusters(actual as ClustersAnswer, expected);
      }),
      { numRuns: 200, seed: 27 },
    );
  });

  it('reads the rollup, not the events, for a view without a search', async () => {
    const [url = ''] = cluster?.urls ?? [];
    // A row of the rollup with no event behind it: only an answer read from the rollup has it.
    const added = await fetch(`${url}/`, {
      method: 'POST',
      body: `INSERT INTO events_cells_local (cell, category, n, longitude_sum, latitude_sum,
               first_ord, south, west, north, east)
             VALUES (${512 * 2048 + 512}, 'Only in the rollup', 3, 0.3, 0.3, 0, 0.1, 0.1, 0.1, 0.1)`,
    });
    expect(added.ok).toBe(true);
    try {
      const filter = { from: null, to: null, query: '', categories: ['Only in the rollup'] };
      const world = { west: -180, south: -85, east: 180, north: 85, zoom: 2 };
      expect((await house.clusters(filter, world)).total).toBe(3);
      // At a zoom finer than the rollup's, with a date range or a search, the events are counted.
      expect((await house.clusters(filter, { ...world, zoom: 9 })).total).toBe(0);
      expect((await house.clusters({ ...filter, from: 0 }, world)).total).toBe(0);
      expect((await house.clusters({ ...filter, query: 'synthetic' }, world)).total).toBe(0);
    } finally {
      await house.countDays();
    }
    expect(
      (
        await house.clusters(
          { from: null, to: null, query: '', categories: ['Only in the rollup'] },
          {
            west: -180,
            south: -85,
            east: 180,
            north: 85,
            zoom: 2,
          },
        )
      ).total,
    ).toBe(0);
  });

  it('answers a view across the antimeridian given west beyond east, with the edge events', async () => {
    const view = { west: 170, south: -30, east: -170, north: 30, zoom: 3 };
    const answer = await house.clusters(
      { from: null, to: null, query: '', categories: ['Edge'] },
      view,
    );
    expect(answer.total).toBe(4);
    expect(answer).toEqual(
      await house.clusters(
        { from: null, to: null, query: '', categories: ['Edge'] },
        {
          ...view,
          east: 190,
        },
      ),
    );
  });

  it('draws events beyond Web Mercator’s latitudes at its edge, as the browser does', async () => {
    const edges = { from: null, to: null, query: '', categories: ['Edge'] };
    const top = await house.clusters(edges, {
      west: -180,
      south: 80,
      east: 180,
      north: 85.0511287798,
      zoom: 2,
    });
    expect(top.total).toBe(2);
    const bottom = await house.clusters(edges, {
      west: -180,
      south: -85.0511287798,
      east: 180,
      north: -80,
      zoom: 2,
    });
    expect(bottom.clusters.map((cluster) => cluster.event?.id)).toEqual(['edge-south']);
  });

  it('pages the chronology and finds an event’s place alike', async () => {
    const ids = dataset.events.map((event) => event.id);
    await fc.assert(
      fc.asyncProperty(
        filters,
        fc.integer({ min: 0, max: 4_100 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(
          ...ids.filter((_id, index) => index % 97 === 0),
          'edge-korean',
          'missing-id',
        ),
        async (filter, offset, limit, around) => {
          expect(await house.window(filter, { offset, limit })).toEqual(
            await duck.window(filter, { offset, limit }),
          );
          expect(await house.window(filter, { around, limit })).toEqual(
            await duck.window(filter, { around, limit }),
          );
        },
      ),
      { numRuns: 50, seed: 27 },
    );
  });

  it('keeps the events in a box on the map alike, across the antimeridian too', async () => {
    const ids = dataset.events.map((event) => event.id);
    await fc.assert(
      fc.asyncProperty(
        filters,
        views,
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(...ids.filter((_id, index) => index % 211 === 0), 'edge-wild'),
        async (filter, view, offset, around) => {
          const bounds = { west: view.west, south: view.south, east: view.east, north: view.north };
          expect(await house.window(filter, { offset, limit: 50, bounds })).toEqual(
            await duck.window(filter, { offset, limit: 50, bounds }),
          );
          expect(await house.window(filter, { around, limit: 20, bounds })).toEqual(
            await duck.window(filter, { around, limit: 20, bounds }),
          );
        },
      ),
      { numRuns: 40, seed: 27 },
    );
  });

  it('finds an event, and the closest ones to an unknown id, alike', async () => {
    for (const id of ['edge-quote', 'edge-korean', "edge-sql'--", 'event-1z', 'nothing-here']) {
      expect(await house.event(id)).toEqual(await duck.event(id));
    }
    for (const id of [
      'near-station-17',
      'strike-harbour',
      'north-pole',
      '신포',
      'edge',
      '"\\',
      'x',
    ]) {
      expect(await house.closest(id)).toEqual(await duck.closest(id));
    }
  });

  /** The tables of kept searches on one shard, by name. */
  const tablesOn = async (url: string) => {
    const response = await fetch(`${url}/`, {
      method: 'POST',
      body: "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'events_hits_%' ORDER BY name FORMAT TSV",
    });
    return (await response.text()).split('\n').filter(Boolean);
  };
  const hitTables = async () => Promise.all((cluster?.urls ?? []).map(tablesOn));

  it('keeps the last six searches’ hits on both shards, one Distributed table over each', async () => {
    const [first = '', second = ''] = cluster?.urls ?? [];
    // Narrow searches (each finds a few edge events): every one is kept when asked.
    const narrow = ['edge wire', 'pole', 'antimeridian', 'braces', 'backslash', 'brien', 'station'];
    for (const query of narrow) {
      const filter = { from: null, to: null, query, categories: [] };
      expect(await house.histogram(filter, 'year')).toEqual(await duck.histogram(filter, 'year'));
    }
    // Dropping the oldest search's tables runs in the background.
    let onFirst = await tablesOn(first);
    for (let wait = 0; wait < 50 && onFirst.length > 12; wait += 1) {
      await new Promise((done) => setTimeout(done, 100));
      onFirst = await tablesOn(first);
    }
    const onSecond = await tablesOn(second);
    const locals = onFirst.filter((name) => name.endsWith('_local'));
    expect(locals).toHaveLength(6);
    expect(onSecond).toEqual(locals);
    expect(onFirst.filter((name) => !name.endsWith('_local'))).toEqual(
      locals.map((name) => name.replace(/_local$/, '')),
    );
    // The search dropped first is made again when asked again, with the same answer.
    const again = { from: null, to: null, query: 'edge wire', categories: [] };
    expect(await house.window(again, { offset: 0, limit: 20 })).toEqual(
      await duck.window(again, { offset: 0, limit: 20 }),
    );
  });

  it('does not keep a search that finds more than it may hold, and answers it alike', async () => {
    const small = ClickHouseEngine.connect(dataset, {
      urls: cluster?.urls ?? [],
      cluster: CLUSTER,
      table: 'events',
      maxHitsKept: 3,
    });
    const before = await hitTables();
    // "edge wire" finds the eight edge events: more than three.
    const filter = { from: null, to: null, query: 'edge wire', categories: [] };
    expect(await small.window(filter, { offset: 0, limit: 20 })).toEqual(
      await duck.window(filter, { offset: 0, limit: 20 }),
    );
    expect(await small.histogram(filter, 'month')).toEqual(await duck.histogram(filter, 'month'));
    // The tables it made to count the hits are dropped in the background.
    await expect.poll(hitTables, { timeout: 10_000 }).toEqual(before);
  });

  it('makes a kept search again when either shard’s server restarts and brings its hits back empty', async () => {
    if (!cluster) throw new Error('no cluster');
    // "crowd" finds the 400 crowd events, spread over both shards.
    const filter = { from: null, to: null, query: 'crowd', categories: [] };
    const page = { offset: 0, limit: 500 };
    const expected = await duck.window(filter, page);
    expect(expected.total).toBe(400);
    expect(await house.window(filter, page)).toEqual(expected);
    await restartShard(cluster, 1);
    expect(await house.window(filter, page)).toEqual(expected);
    expect(await house.histogram(filter, 'month')).toEqual(await duck.histogram(filter, 'month'));
    // The shard that answers, and holds the Distributed tables, too.
    await restartShard(cluster, 0);
    expect(await house.window(filter, page)).toEqual(expected);
    expect(await house.histogram(filter, 'year')).toEqual(await duck.histogram(filter, 'year'));
  }, 120_000);

  it('exports alike: the same CSV and GeoJSON, byte for byte', async () => {
    const fromDuck = createApp(duck, { allowedOrigins: [] });
    const fromHouse = createApp(house, { allowedOrigins: [] });
    for (const path of [
      '/api/export?format=csv',
      '/api/export?format=geojson&q=north',
      `/api/export?format=csv&q=${encodeURIComponent('신포')}`,
      '/api/export?format=csv&q=zzz-nothing-matches',
      '/api/export?format=csv&from=2020-01-01&to=2020-12-31&cat=Edge',
    ]) {
      const expected = await fromDuck.request(path);
      const actual = await fromHouse.request(path);
      expect(actual.status).toBe(expected.status);
      expect(await actual.text()).toBe(await expected.text());
    }
  });

  it('drops its kept searches when it stops, and a load drops those a stopped server left', async () => {
    await house.close();
    expect(await hitTables()).toEqual([[], []]);
    // A server that stopped without dropping its searches, on both shards.
    for (const url of cluster?.urls ?? []) {
      const response = await fetch(`${url}/`, {
        method: 'POST',
        body: 'CREATE TABLE events_hits_gone_1_local (ord UInt32) ENGINE = Memory',
      });
      expect(response.ok).toBe(true);
    }
    expect((await hitTables()).flat()).toHaveLength(2);
    house = await ClickHouseEngine.load(dataset, {
      urls: cluster?.urls ?? [],
      cluster: CLUSTER,
      table: 'events',
    });
    expect(await hitTables()).toEqual([[], []]);
    const filter = { from: null, to: null, query: 'pole', categories: [] };
    expect(await house.histogram(filter, 'year')).toEqual(await duck.histogram(filter, 'year'));
  });
});
