/**
 * The data server answers as the browser would on the same events: the same filter, the same
 * timeline weights, the same chronology, the same closest ids; it refuses bad requests with a 400
 * that names the parameter, and no request, however hostile, gets a 500 or changes the data.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syntheticFeatures } from '../../scripts/synthetic-dataset.ts';
import { parseIsoDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import type { Dataset, DatasetEvent } from '../data/model/schema.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { categoryCounter } from '../data/query/category-counts.ts';
import { closestEvents } from '../data/query/closest.ts';
import { buildEventIndex, filterEvents } from '../data/query/filter.ts';
import { eventsInBounds } from '../data/query/selectors.ts';
import { binWeights, buildBins, type BinUnit } from '../data/query/histogram.ts';
import { toCsv, toGeoJson } from '../data/export/export.ts';
import { createApp } from './app.ts';
import { DuckDbEngine } from './duckdb-engine.ts';
import type {
  CategoryCountsAnswer,
  ClustersAnswer,
  FrameAnswer,
  HistogramAnswer,
  WindowAnswer,
} from './engine.ts';

const ALLOWED = 'https://news.example';

const bundled = JSON.parse(
  readFileSync(new URL('../../data/events.geojson', import.meta.url), 'utf8'),
) as { features: unknown[] };
const dataset: Dataset = validateFeatureCollection({
  type: 'FeatureCollection',
  metadata: { title: 'Synthetic and bundled' },
  features: [
    ...bundled.features,
    ...syntheticFeatures(3_000, 7),
    { type: 'Feature', properties: { title: 'No place' } },
    // Beyond the Mercator edge and on both sides of the antimeridian: the map shows all three.
    ...[
      ['north-pole-station', 10, 89.9],
      ['chukotka-east', 179.5, 66],
      ['fiji-west', -179.5, -17],
    ].map(([id, longitude, latitude]) => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: {
        title: `Edge ${String(id)}`,
        date: '2020-01-01',
        category: 'report',
        sources: [{ publisher: 'Test wire', url: 'https://example.org/edge' }],
      },
    })),
  ],
});
const index = buildEventIndex(dataset.events);

let engine: DuckDbEngine;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  engine = await DuckDbEngine.open(dataset);
  app = createApp(engine, { allowedOrigins: [ALLOWED] });
});
afterAll(() => engine.close());

async function get<T>(
  path: string,
  origin?: string,
): Promise<{ status: number; body: T; response: Response }> {
  const response = await app.request(path, origin ? { headers: { Origin: origin } } : undefined);
  return { status: response.status, body: (await response.json()) as T, response };
}

function query(filter: EventFilter): string {
  const params = new URLSearchParams();
  if (filter.from !== null) params.set('from', isoDay(filter.from));
  if (filter.to !== null) params.set('to', isoDay(filter.to));
  if (filter.query) params.set('q', filter.query);
  for (const category of filter.categories) params.append('cat', category);
  return params.toString();
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const categories = [...new Set(dataset.events.map((event) => event.category))];
const words = ['north', 'korea', '신포', 'strike', 'missile', 'ukraine', 'summit', 'flood'];
const filters = fc
  .record({
    from: fc.option(fc.integer({ min: 17_000, max: 20_500 }), { nil: null }),
    length: fc.integer({ min: 0, max: 1_500 }),
    hasTo: fc.boolean(),
    query: fc.constantFrom('', ...words, 'north korea'),
    categories: fc.subarray(categories, { maxLength: 3 }),
  })
  .map(({ from, length, hasTo, query: text, categories: chosen }): EventFilter => ({
    from,
    to: hasTo ? (from ?? 17_000) + length : null,
    query: text,
    categories: chosen,
  }));

describe('the data server, against the browser’s own answers', () => {
  it('describes the dataset: its counts, its extent, its categories and its issues', async () => {
    const { status, body } = await get<{
      dataset: {
        eventCount: number;
        recordCount: number;
        issues: { count: number };
        categories: { name: string; count: number }[];
      };
    }>('/dateline.json');
    expect(status).toBe(200);
    expect(body.dataset.eventCount).toBe(dataset.events.length);
    expect(body.dataset.recordCount).toBe(dataset.recordCount);
    expect(body.dataset.issues.count).toBe(1);
    const total = body.dataset.categories.reduce((sum, category) => sum + category.count, 0);
    expect(total).toBe(dataset.events.length);
  });

  it('lists the categories in the explorer’s order, ties as they come in time, so both colour alike', async () => {
    // Listed out of order in the file; by name the ties would read apple, mango, zebra.
    const tied = validateFeatureCollection({
      type: 'FeatureCollection',
      metadata: { title: 'Ties' },
      features: [
        ['b', '2020-03-01', 'mango'],
        ['c', '2020-01-01', 'zebra'],
        ['d', '2020-02-01', 'apple'],
        ['e', '2020-04-01', 'report'],
        ['f', '2020-05-01', 'report'],
      ].map(([id, date, category]) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [30, 50] },
        properties: {
          title: `Event ${String(id)}`,
          date,
          category,
          sources: [{ publisher: 'Test wire', url: 'https://example.org/tie' }],
        },
      })),
    });
    const tiedEngine = await DuckDbEngine.open(tied);
    try {
      const response = await createApp(tiedEngine, { allowedOrigins: [] }).request(
        '/dateline.json',
      );
      const body = (await response.json()) as { dataset: { categories: { name: string }[] } };
      const explorer = [...categoryCounter(tied.events).totals.keys()];
      expect(explorer).toEqual(['report', 'zebra', 'apple', 'mango']);
      expect(body.dataset.categories.map((entry) => entry.name)).toEqual(explorer);
    } finally {
      tiedEngine.close();
    }
  });

  it('weighs the timeline’s bins as the browser does, for any filter and unit', async () => {
    await fc.assert(
      fc.asyncProperty(
        filters,
        fc.constantFrom<BinUnit>('week', 'month', 'year'),
        async (filter, unit) => {
          const { status, body } = await get<HistogramAnswer>(
            `/api/histogram?${query(filter)}&unit=${unit}`,
          );
          expect(status).toBe(200);
          const kept = filterEvents(index, filter);
          expect(body.total).toBe(kept.length);
          if (kept.length === 0 && (filter.from === null || filter.to === null)) return;
          const first = filter.from ?? Math.min(...kept.map((event) => event.date.start));
          const last = filter.to ?? Math.max(...kept.map((event) => event.date.end));
          const bins = buildBins(first, last, unit);
          const expected = binWeights(bins, kept);
          expect(body.starts.map((start) => parseIsoDay(start))).toEqual(Array.from(bins.starts));
          body.weights.forEach((weight, bin) => expect(weight).toBeCloseTo(expected[bin] ?? 0, 9));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts each category’s events under the filter as the browser’s legend does', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const { status, body } = await get<CategoryCountsAnswer>(
          `/api/categories?${query(filter)}`,
        );
        expect(status).toBe(200);
        const kept = filterEvents(index, filter);
        expect(body.total).toBe(kept.length);
        const expected = new Map<string, number>();
        for (const event of kept)
          expected.set(event.category, (expected.get(event.category) ?? 0) + 1);
        expect(new Map(body.categories.map((entry) => [entry.name, entry.count]))).toEqual(
          expected,
        );
        // Most first.
        const counts = body.categories.map((entry) => entry.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }),
      { numRuns: 30 },
    );
  });

  it('frames the filtered events: the box around exactly those the browser keeps, none for none', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const { status, body } = await get<FrameAnswer>(`/api/frame?${query(filter)}`);
        expect(status).toBe(200);
        const kept = filterEvents(index, filter);
        expect(body.total).toBe(kept.length);
        if (kept.length === 0) {
          expect(body.bounds).toBeNull();
          return;
        }
        const latitudes = kept.map((event) => event.latitude);
        const longitudes = kept.map((event) => event.longitude);
        expect(body.bounds).toEqual({
          west: Math.min(...longitudes),
          south: Math.min(...latitudes),
          east: Math.max(...longitudes),
          north: Math.max(...latitudes),
        });
      }),
      { numRuns: 30 },
    );
    // The article's one event in Pyongyang: the map is fitted to that city, not to the world.
    const { body } = await get<FrameAnswer>('/api/frame?q=putin%20pyongyang');
    expect(body.total).toBe(1);
    expect(body.bounds?.west).toBeCloseTo(125.75, 1);
    expect(body.bounds?.north).toBeCloseTo(39.03, 1);
  });

  it('pages through the filtered chronology in the browser’s order, and finds an event’s place in it', async () => {
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 0, max: 400 }), async (filter, offset) => {
        const kept = filterEvents(index, filter);
        const { body } = await get<WindowAnswer>(
          `/api/window?${query(filter)}&offset=${offset}&limit=50`,
        );
        expect(body.total).toBe(kept.length);
        expect(body.events.map((event) => event.id)).toEqual(
          kept.slice(offset, offset + 50).map((event) => event.id),
        );
        const target = kept[Math.floor(kept.length / 2)];
        if (!target) return;
        const around = await get<WindowAnswer>(
          `/api/window?${query(filter)}&around=${target.id}&limit=20`,
        );
        expect(around.body.position).toBe(kept.indexOf(target));
        expect(around.body.events.map((event) => event.id)).toContain(target.id);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps the list to a box on the map as the browser’s “Only events in map view” does', async () => {
    const boxes = fc
      .record({
        // Within what the server reads (east at most 540: the page sends a box so, boxParam).
        west: fc.double({ min: -540, max: 140, noNaN: true }),
        width: fc.double({ min: 0.5, max: 400, noNaN: true }),
        south: fc.constantFrom(-90, -60, -10, 0, 30),
        height: fc.constantFrom(5, 40, 90, 180),
      })
      .map(({ west, width, south, height }) => ({
        west: Number(west.toFixed(6)),
        east: Number((west + width).toFixed(6)),
        south,
        north: Math.min(90, south + height),
      }));
    await fc.assert(
      fc.asyncProperty(filters, boxes, async (filter, box) => {
        const kept = eventsInBounds(filterEvents(index, filter), box);
        const bbox = [box.west, box.south, box.east, box.north].join(',');
        const { status, body } = await get<WindowAnswer>(
          `/api/window?${query(filter)}&bbox=${bbox}&offset=0&limit=500`,
        );
        expect(status).toBe(200);
        expect(body.total).toBe(kept.length);
        expect(body.events.map((event) => event.id)).toEqual(
          kept.slice(0, 500).map((event) => event.id),
        );
        const target = kept[Math.floor(kept.length / 2)];
        if (!target) return;
        const around = await get<WindowAnswer>(
          `/api/window?${query(filter)}&bbox=${bbox}&around=${target.id}&limit=20`,
        );
        expect(around.body.position).toBe(kept.indexOf(target));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('counts events beyond the Mercator edge at the edge, as the browser’s clustering does', async () => {
    const { body } = await get<ClustersAnswer>(
      '/api/clusters?bbox=-180,-85.0511287798,180,85.0511287798&zoom=0',
    );
    const placed = dataset.events.length;
    expect(dataset.events.some((event) => Math.abs(event.latitude) > 85.0511287798)).toBe(true);
    expect(body.total).toBe(placed);
  });

  it('refuses a histogram of too many bins (ten thousand years of days), naming the unit', async () => {
    const { status, body } = await get<{ error: { parameter: string } }>(
      '/api/histogram?from=0001-01-01&to=9999-12-31&unit=day',
    );
    expect(status).toBe(400);
    expect(body.error.parameter).toBe('unit');
  });

  it('answers a view across the antimeridian with the events on both sides of it', async () => {
    const { body } = await get<ClustersAnswer>('/api/clusters?bbox=170,-90,-170,90&zoom=3');
    const inside = dataset.events.filter(
      (event) => event.longitude >= 170 || event.longitude <= -170,
    );
    expect(inside.length).toBeGreaterThan(0);
    expect(body.total).toBe(inside.length);
  });

  it('counts every filtered event in the view once among the clusters, names a lone one and boxes the others', async () => {
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 0, max: 9 }), async (filter, zoom) => {
        const { status, body } = await get<ClustersAnswer>(
          `/api/clusters?${query(filter)}&bbox=-180,-85,180,85&zoom=${zoom}`,
        );
        expect(status).toBe(200);
        const kept = filterEvents(index, filter).filter((event) => Math.abs(event.latitude) <= 85);
        expect(body.total).toBe(kept.length);
        for (const cluster of body.clusters) {
          expect(Object.values(cluster.categories).reduce((sum, count) => sum + count, 0)).toBe(
            cluster.count,
          );
          if (cluster.count === 1) {
            expect(cluster.event?.id).toEqual(expect.any(String));
            expect(cluster.box).toBeUndefined();
            continue;
          }
          // A cluster's box is the one its events fill: each edge is an event's, the mean
          // inside it, and the box holds at least as many of the kept events as the cluster.
          const [west, south, east, north] = cluster.box ?? [];
          expect(kept.some((event) => event.longitude === west)).toBe(true);
          expect(kept.some((event) => event.latitude === south)).toBe(true);
          expect(kept.some((event) => event.longitude === east)).toBe(true);
          expect(kept.some((event) => event.latitude === north)).toBe(true);
          expect(cluster.longitude).toBeGreaterThanOrEqual((west ?? NaN) - 1e-9);
          expect(cluster.longitude).toBeLessThanOrEqual((east ?? NaN) + 1e-9);
          expect(cluster.latitude).toBeGreaterThanOrEqual((south ?? NaN) - 1e-9);
          expect(cluster.latitude).toBeLessThanOrEqual((north ?? NaN) + 1e-9);
          const inBox = kept.filter(
            (event) =>
              event.longitude >= (west ?? NaN) &&
              event.longitude <= (east ?? NaN) &&
              event.latitude >= (south ?? NaN) &&
              event.latitude <= (north ?? NaN),
          );
          expect(inBox.length).toBeGreaterThanOrEqual(cluster.count);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('answers one event by id, and offers the closest for an unknown one, as the app ranks them', async () => {
    const summit = await get<DatasetEvent>('/api/events/pyongyang-summit-defense-pact');
    expect(summit.status).toBe(200);
    expect(summit.body.title).toMatch(/Pyongyang summit/);
    const missing = await get<{ error: { status: number; parameter: string } }>(
      '/api/events/pyongyang-summit',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.parameter).toBe('id');
    // Its own address, opened in a browser, says where the explorer looks.
    const root = await get<{ error: { status: number; message: string } }>('/');
    expect(root.status).toBe(404);
    expect(root.body.error.message).toContain('/dateline.json');
    for (const id of ['pyongyang-summit', 'sinpo-missile', 'donetsk-strike-officers']) {
      const { body } = await get<{ events: DatasetEvent[] }>(`/api/closest?id=${id}`);
      expect(body.events.map((event) => event.id)).toEqual(
        closestEvents(id, dataset.events).map((event) => event.id),
      );
    }
  });
});

describe('the data server’s export', () => {
  it('streams the filtered events as the browser’s own GeoJSON and CSV exports write them', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const kept = filterEvents(index, filter);
        const csv = await app.request(`/api/export?${query(filter)}&format=csv`, {
          headers: { Origin: ALLOWED },
        });
        expect(csv.status).toBe(200);
        expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
        expect(csv.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
        // Read with its BOM, which Response.text() would drop.
        const bytes = await csv.arrayBuffer();
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(toCsv(kept));
        const geojson = await app.request(`/api/export?${query(filter)}`);
        expect(geojson.headers.get('Content-Disposition')).toMatch(
          /^attachment; filename=".+\.geojson"$/,
        );
        expect(JSON.parse(await geojson.text())).toEqual(
          JSON.parse(toGeoJson(kept, dataset.metadata)),
        );
      }),
      { numRuns: 12 },
    );
  });

  it('names the download after the search, so that it does not take the whole file’s name', async () => {
    const searched = await app.request('/api/export?q=Sinpo%20submarine&format=csv');
    expect(searched.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+_sinpo-submarine\.csv"$/,
    );
    const whole = await app.request('/api/export?format=csv');
    expect(whole.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+\.csv"$/,
    );
  });
});

describe('a stopped download', () => {
  it('ends the engine’s page reads when the reader cancels it', async () => {
    let pagesRead = 0;
    let finished = false;
    const watched = Object.create(engine) as DuckDbEngine;
    watched.exportPages = async function* (filter: EventFilter) {
      try {
        for await (const page of engine.exportPages(filter)) {
          pagesRead += 1;
          yield page;
        }
      } finally {
        finished = true;
      }
    };
    const response = await createApp(watched, { allowedOrigins: [] }).request(
      '/api/export?format=csv',
    );
    const reader = response.body?.getReader();
    if (!reader) throw new Error('the export has no body');
    await reader.read(); // the header line
    await reader.read(); // the first page
    await reader.cancel();
    expect(pagesRead).toBeGreaterThan(0);
    expect(finished).toBe(true);
  });
});

describe('the data server, safe by construction', () => {
  it('refuses a bad parameter with a 400 that names it', async () => {
    const cases: [string, string][] = [
      ['/api/histogram?from=2024-13-01', 'from'],
      ['/api/histogram?from=2024-05-01&to=2024-01-01', 'to'],
      ['/api/histogram?unit=fortnight', 'unit'],
      ['/api/histogram?from=2024-01-01&from=2024-02-01', 'from'],
      ['/api/histogram?unit=day&from=1000-01-01&to=2999-01-01', 'unit'],
      ['/api/clusters?bbox=1,2,3', 'bbox'],
      ['/api/clusters?bbox=0,0,10,10&zoom=99', 'zoom'],
      ['/api/window?limit=100000', 'limit'],
      ['/api/window?offset=-1', 'offset'],
      ['/api/closest', 'id'],
      ['/api/export?format=xlsx', 'format'],
      ['/api/export?format=csv&format=geojson', 'format'],
      ['/api/window?around=a&around=b', 'around'],
      ['/api/window?around=a&offset=3', 'offset'],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await get<{ error: { parameter: string; message: string } }>(path);
      expect(status, path).toBe(400);
      expect(body.error.parameter, path).toBe(parameter);
    }
  });

  it('answers only GET, and only to the allowed origins', async () => {
    const post = await app.request('/api/histogram', { method: 'POST' });
    expect(post.status).toBe(405);
    const allowed = await get('/api/histogram', ALLOWED);
    expect(allowed.response.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    const other = await get('/api/histogram', 'https://elsewhere.example');
    expect(other.response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('meets thousands of hostile query strings with 200, 400 or 404, never a stack trace, and the data unchanged', async () => {
    const before = JSON.stringify(await engine.describe());
    const hostile = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        "'; DROP TABLE events; --",
        "' OR 1=1 --",
        '1e308',
        '-0',
        'NaN',
        '%00',
        '[[[[[[[[]]]]]]]]',
        '{"$gt": ""}',
        '9'.repeat(400),
        'a'.repeat(3_000),
      ),
    );
    const names = fc.constantFrom(
      'from',
      'to',
      'q',
      'cat',
      'unit',
      'bbox',
      'zoom',
      'limit',
      'offset',
      'around',
      'id',
    );
    const paths = fc.constantFrom(
      '/api/export',
      '/api/histogram',
      '/api/clusters',
      '/api/categories',
      '/api/frame',
      '/api/window',
      '/api/closest',
      '/api/events/x',
      '/dateline.json',
    );
    await fc.assert(
      fc.asyncProperty(
        paths,
        fc.array(fc.tuple(names, hostile), { maxLength: 6 }),
        async (path, pairs) => {
          const params = new URLSearchParams();
          for (const [name, value] of pairs) params.append(name, value);
          const response = await app.request(`${path}?${params.toString()}`);
          expect([200, 400, 404]).toContain(response.status);
          const text = await response.text();
          expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
        },
      ),
      { numRuns: 1_500 },
    );
    expect(JSON.stringify(await engine.describe())).toBe(before);
  }, 60_000);
});
