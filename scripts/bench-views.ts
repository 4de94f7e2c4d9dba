/**
 * The scripted session both data server benches ask (bench-data-server.ts for DuckDB,
 * bench-clickhouse.ts for ClickHouse), so their numbers compare, and how they time it.
 */
import type { EventFilter } from '../src/data/model/event-filter.ts';
import { NO_FILTER } from '../src/data/model/event-filter.ts';
import type { QueryEngine } from '../src/server/engine.ts';
import type { MapView } from '../src/server/view-query.ts';
import { seededRandom } from './synthetic-dataset.ts';

interface View {
  filter: EventFilter;
  map: MapView;
}

/** 50 views: pans and zooms over the synthetic hot spots, brushes over the years, searches. */
export function scriptedSession(first: number, last: number): View[] {
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
      // A search, or clearing it: each fifth view, in turn (the query stays for the views after).
      const queries = ['strike', 'protest', 'north', 'flood', ''];
      filter = { ...filter, query: queries[Math.floor(step / 5) % queries.length] ?? '' };
    }
    views.push({ filter, map });
  }
  return views;
}

export function percentile(times: number[], share: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0).toFixed(1);
}

export async function timed<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const answer = await run();
  times.push(performance.now() - started);
  return answer;
}

type SessionKind = 'histogram' | 'clusters' | 'window' | 'frame';

/** Each kind's times over the session, and apart the views with a search and those without. */
export type SessionTimes = Record<
  SessionKind,
  { all: number[]; searched: number[]; plain: number[] }
>;

/**
 * The scripted session asked of an engine: a histogram, the clusters, a window and the frame per
 * view (the page asks the frame only when the filter changes: its times are each question's).
 */
export async function timeSession(
  engine: Pick<QueryEngine, 'histogram' | 'clusters' | 'window' | 'frame'>,
  first: number,
  last: number,
): Promise<SessionTimes> {
  const times: SessionTimes = {
    histogram: { all: [], searched: [], plain: [] },
    clusters: { all: [], searched: [], plain: [] },
    window: { all: [], searched: [], plain: [] },
    frame: { all: [], searched: [], plain: [] },
  };
  for (const view of scriptedSession(first, last)) {
    const ask: Record<SessionKind, () => Promise<unknown>> = {
      histogram: () => engine.histogram(view.filter, null),
      clusters: () => engine.clusters(view.filter, view.map),
      window: () => engine.window(view.filter, { offset: 0, limit: 100 }),
      frame: () => engine.frame(view.filter),
    };
    for (const kind of ['histogram', 'clusters', 'window', 'frame'] as const) {
      const entry = times[kind];
      const started = performance.now();
      await ask[kind]();
      const took = performance.now() - started;
      entry.all.push(took);
      (view.filter.query === '' ? entry.plain : entry.searched).push(took);
    }
  }
  return times;
}

/** One line per kind: p50 and p95 over the session, then p95 with a search and without. */
export function sessionLines(times: SessionTimes): string[] {
  return Object.entries(times).map(
    ([kind, { all, searched, plain }]) =>
      `  ${kind.padEnd(10)} p50 ${percentile(all, 0.5)} ms  p95 ${percentile(all, 0.95)} ms  (${all.length} queries; p95 with a search ${percentile(searched, 0.95)} ms of ${searched.length}, without ${percentile(plain, 0.95)} ms of ${plain.length})`,
  );
}
