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
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { loadDataset } from '../src/server/load-dataset.ts';
import { percentile, scriptedSession, timed } from './bench-views.ts';
import { writeSyntheticDataset } from './synthetic-dataset.ts';

const counts = process.argv.slice(2).map(Number);
const CACHE = resolve('bench/.cache');

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
