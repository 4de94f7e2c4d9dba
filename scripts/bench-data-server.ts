/**
 * `npm run bench:server [-- <count> …] [--no-page]`: the data server's DuckDB engine
 * (docs/server.md) on synthetic Parquet files (synthetic-parquet.ts), 10,000,000 and 100,000,000
 * events by default. For each:
 * - the load, as `serve:data` loads a file (native-load.ts), step by step, with the database's size
 *   on disk and the process's memory;
 * - a scripted session of 50 views, as a reader pans, zooms, brushes the timeline and searches,
 *   each view asking for its histogram, its clusters and a window of its chronology: p50 and p95
 *   per kind of query, and the same for one event by id and a window around it (a deep link);
 * - the page's heap: the built app opened on the server in Chromium, through a cold deep link, a
 *   date range and a search, then measured after a garbage collection.
 * Numbers, not pass or fail (docs/performance.md keeps the results).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { openBenchHost } from './bench/bench-host.ts';
import { heapMB } from './bench/load-probes.ts';
import { percentile, sessionLines, timed, timeSession } from './bench-views.ts';
import { writeSyntheticParquet } from './synthetic-parquet.ts';

const args = process.argv.slice(2);
const withPage = !args.includes('--no-page');
const counts = args.filter((arg) => !arg.startsWith('--')).map(Number);
const CACHE = resolve('bench/.cache');
const APP_PORT = 4190;
const DATA_PORT = 8795;
const EVERYTHING = { from: null, to: null, query: '', categories: [] };

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The app in Chromium on the server: a deep link, a range and a search, then its heap. */
async function pageHeap(engine: DuckDbEngine, eventId: string, total: number): Promise<number> {
  const app = createApp(engine, { allowedOrigins: [`http://127.0.0.1:${APP_PORT}`] });
  const server = serve({ fetch: app.fetch, port: DATA_PORT, hostname: '127.0.0.1' });
  const host = await openBenchHost('dist', APP_PORT);
  try {
    const page = await host.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const data = `data=${encodeURIComponent(`http://127.0.0.1:${DATA_PORT}/dateline.json`)}`;
    const showing = page.getByRole('status').filter({ hasText: /^Showing/ });
    const all = total.toLocaleString('en-US');
    await page.goto(`http://127.0.0.1:${APP_PORT}/events/${eventId}?${data}`);
    await showing.filter({ hasText: `of ${all} events` }).waitFor({ timeout: 300_000 });
    await page.goto(`http://127.0.0.1:${APP_PORT}/?${data}&from=2014-01-01&to=2016-12-31`);
    await showing.waitFor({ timeout: 300_000 });
    await page.goto(`http://127.0.0.1:${APP_PORT}/?${data}&q=convoy`);
    await showing.waitFor({ timeout: 300_000 });
    await page.waitForTimeout(2_000);
    return await heapMB(page);
  } finally {
    await host.close();
    server.close();
  }
}

mkdirSync(CACHE, { recursive: true });
for (const count of counts.length > 0 ? counts : [10_000_000, 100_000_000]) {
  const file = resolve(CACHE, `synthetic-${count}.parquet`);
  if (!existsSync(file)) {
    const started = performance.now();
    await writeSyntheticParquet(count, file);
    console.log(
      `${count.toLocaleString('en-GB')} events written to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const started = performance.now();
  const engine = await DuckDbEngine.openFile(file);
  if (engine === null) throw new Error(`${file}: not read by DuckDB`);
  const loaded = (performance.now() - started) / 1000;
  const memory = process.memoryUsage().rss;
  const description = await engine.describe();
  const first = Date.parse(description.extent?.first ?? '2020-01-01') / 86_400_000;
  const last = Date.parse(description.extent?.last ?? '2020-12-31') / 86_400_000;
  const session = await timeSession(engine, first, last);
  const times = { event: [] as number[], around: [] as number[] };
  // Deep links: events spread over the chronology, each read by id and placed in its window.
  for (let step = 0; step < 10; step += 1) {
    const offset = Math.floor(((step + 0.5) / 10) * description.eventCount);
    const [event] = (await engine.window(EVERYTHING, { offset, limit: 1 })).events;
    if (event === undefined) continue;
    await timed(times.event, () => engine.event(event.id));
    await timed(times.around, () => engine.window(EVERYTHING, { around: event.id, limit: 100 }));
  }
  const { engineSteps, databaseBytes } = engine.loadReport();
  console.log(
    `${count.toLocaleString('en-GB')} events (${megabytes(statSync(file).size)} of Parquet): loaded in ${loaded.toFixed(1)} s (${engineSteps
      .map(({ step, seconds }) => `${step} ${seconds.toFixed(1)} s`)
      .join(
        ', ',
      )}), database ${databaseBytes > 0 ? `${megabytes(databaseBytes)} on disk` : 'in memory'}, process ${megabytes(memory)}`,
  );
  for (const line of sessionLines(session)) console.log(line);
  for (const [kind, list] of Object.entries(times)) {
    console.log(
      `  ${kind.padEnd(10)} p50 ${percentile(list, 0.5)} ms  p95 ${percentile(list, 0.95)} ms  (${list.length} queries)`,
    );
  }
  if (withPage) {
    const [sample] = (
      await engine.window(EVERYTHING, { offset: Math.floor(description.eventCount / 2), limit: 1 })
    ).events;
    if (sample !== undefined) {
      const heap = await pageHeap(engine, sample.id, description.eventCount);
      console.log(`  page heap ${heap.toFixed(1)} MB (after a deep link, a range and a search)`);
    }
  }
  engine.close();
}
// The page's server and browser are closed; DuckDB's threads may still hold the process open.
process.exit(0);
