/**
 * `npm run bench:server [-- <count> …]`: the data server's engine (docs/server.md) on synthetic
 * datasets (scripts/synthetic-dataset.ts, seeded), 100,000 and 1,000,000 events by default. For
 * each: the load (the importer, then into DuckDB) and the process's memory, then a scripted
 * session of 50 views, as a reader pans, zooms, brushes the timeline and searches, each view asking
 * for its histogram, its clusters and a window of its chronology. Prints p50 and p95 per kind of
 * query; numbers, not pass or fail (docs/performance.md keeps the results).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventFilter } from '../src/data/model/event-filter.ts';
import { NO_FILTER } from '../src/data/model/event-filter.ts';
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { loadDataset } from '../src/server/load-dataset.ts';
import type { MapView } from '../src/server/view-query.ts';
import { seededRandom, writeSyntheticDataset } from './synthetic-dataset.ts';

const counts = process.argv.slice(2).map(Number);
const CACHE = resolve('bench/.cache');

interface View {
  filter: EventFilter;
  map: MapView;
}

/** 50 views: pans and zooms over the synthetic hot spots, brushes over the years, searches. */
function scriptedSession(first: number, last: number): View[] {
  const random = seededRandom(2027);
  const views: View[] = [];
  let map: MapView = { west: -180, south: -70, east: 180, north: 80, zoom: 2 };
  let filter: EventFilter = NO_FILTER;
  for (let step = 0; step < 50; step += 1) {
    const kind = step % 5;
    if (kind === 0 || kind === 1) {
      // A pan by a third of the view, or a zoom in or out around its centre.
      const width = map.east - map.west;
      const height = map.north - map.south;
      const zoom =
        kind === 1 ? Math.max(2, Math.min(9, map.zoom + (random() < 0.6 ? 1 : -1))) : map.zoom;
      const scale = 2 ** (map.zoom - zoom);
      const centreX =
        (map.west + map.east) / 2 + (kind === 0 ? (random() - 0.5) * width * 0.66 : 0);
      const centreY =
        (map.south + map.north) / 2 + (kind === 0 ? (random() - 0.5) * height * 0.66 : 0);
      const halfWidth = Math.min(180, (width * scale) / 2);
      const halfHeight = Math.min(75, (height * scale) / 2);
      const south = Math.max(-85, centreY - halfHeight);
      const north = Math.min(85, centreY + halfHeight);
      map = { west: centreX - halfWidth, east: centreX + halfWidth, south, north, zoom };
    } else if (kind === 2 || kind === 3) {
      // A brush: a range of a month to a few years somewhere in the data's span.
      const length = 30 + Math.floor(random() * 1_000);
      const from = first + Math.floor(random() * Math.max(1, last - first - length));
      filter = { ...filter, from, to: from + length };
    } else {
      filter = { ...filter, query: ['strike', 'protest', 'north', 'flood', ''][step % 5] ?? '' };
    }
    views.push({ filter, map });
  }
  return views;
}

function percentile(times: number[], share: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0).toFixed(1);
}

async function timed<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const answer = await run();
  times.push(performance.now() - started);
  return answer;
}

mkdirSync(CACHE, { recursive: true });
for (const count of counts.length > 0 ? counts : [100_000, 1_000_000]) {
  const file = resolve(CACHE, `synthetic-${count}.geojson`);
  if (!existsSync(file)) await writeSyntheticDataset(count, file);
  let started = performance.now();
  const dataset = await loadDataset(file);
  const imported = (performance.now() - started) / 1000;
  started = performance.now();
  const engine = await DuckDbEngine.open(dataset);
  const opened = (performance.now() - started) / 1000;
  const memory = process.memoryUsage().rss / 1024 ** 2;
  const description = await engine.describe();
  const first = Date.parse(description.extent?.first ?? '2020-01-01') / 86_400_000;
  const last = Date.parse(description.extent?.last ?? '2020-12-31') / 86_400_000;
  const times = { histogram: [] as number[], clusters: [] as number[], window: [] as number[] };
  for (const view of scriptedSession(first, last)) {
    await timed(times.histogram, () => engine.histogram(view.filter, null));
    await timed(times.clusters, () => engine.clusters(view.filter, view.map));
    await timed(times.window, () => engine.window(view.filter, { offset: 0, limit: 100 }));
  }
  engine.close();
  console.log(
    `${count.toLocaleString('en-GB')} events: import ${imported.toFixed(1)} s, into DuckDB ${opened.toFixed(1)} s, process ${memory.toFixed(0)} MB`,
  );
  for (const [kind, list] of Object.entries(times)) {
    console.log(
      `  ${kind.padEnd(10)} p50 ${percentile(list, 0.5)} ms  p95 ${percentile(list, 0.95)} ms`,
    );
  }
}
