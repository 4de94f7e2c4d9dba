/**
 * Asking the data server (docs/server.md) for one view: the address of each question, built from
 * the explorer's own filter, and its answer read and checked. Pure apart from `fetchAnswer`, which
 * takes the caller's AbortSignal so that a view the reader has left is not waited for.
 */
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { formatIsoDay, parseIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import type { EventFilter } from '../model/event-filter.ts';
import type { DatasetEvent } from '../model/schema.ts';
import type { BinUnit } from '../query/histogram.ts';
import type { QueryServer } from './descriptor.ts';

/**
 * No view came from the server: what went wrong, made here without Lingui and said in the
 * reader's language by the page (lib/i18n/message.ts), the HTTP status, and the server's own
 * message for a person, which is the server's text and is shown as it came.
 */
export class ServerAnswerError extends Error {
  override name = 'ServerAnswerError';
  constructor(
    readonly said: Message,
    /** The HTTP status; 0 when no answer came at all. */
    readonly status: number,
    /** The server's `error.message` (docs/server.md, "Errors"); null when it sent none. */
    readonly serverMessage: string | null = null,
  ) {
    super(serverMessage === null ? inEnglish(said) : `${inEnglish(said)}: ${serverMessage}`);
  }
}

/** The filter as the server reads it: the explorer's own parameters (docs/server.md). */
export function filterParams(filter: EventFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from !== null) params.set('from', formatIsoDay(filter.from));
  if (filter.to !== null) params.set('to', formatIsoDay(filter.to));
  if (filter.query !== '') params.set('q', filter.query);
  for (const category of filter.categories) params.append('cat', category);
  return params;
}

/** An endpoint's address, relative to the descriptor's, with its parameters. */
export function endpointUrl(
  server: QueryServer,
  endpoint: keyof QueryServer['endpoints'],
  params: URLSearchParams,
  id?: string,
): string {
  const template = server.endpoints[endpoint];
  if (template === null) throw new Error(`the data server has no "${endpoint}" endpoint`);
  const path = template.replace('{id}', encodeURIComponent(id ?? ''));
  const url = new URL(path, server.base);
  url.search = params.toString();
  return url.href;
}

/** The longest server message shown: a reason, not a page of text. */
const SERVER_MESSAGE_LIMIT = 300;

/** The server's own message for a failed answer (`{ error: { message } }`), or null. */
function serverMessageOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'message' in error) {
      const message = (error as { message: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '')
        return message.trim().slice(0, SERVER_MESSAGE_LIMIT);
    }
  }
  return null;
}

/** Fetches one answer as JSON; a failed request or status is a ServerAnswerError. */
export async function fetchAnswer(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ServerAnswerError(/*i18n*/ { id: 'the data server could not be reached' }, 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok)
    throw new ServerAnswerError(
      /*i18n*/ {
        id: 'the data server answered with status {status}',
        values: { status: String(response.status) },
      },
      response.status,
      serverMessageOf(body),
    );
  if (body === null)
    throw new ServerAnswerError(
      /*i18n*/ { id: 'the data server sent an answer that is not JSON' },
      response.status,
    );
  return body;
}

/** What each answer is, in the sentence that says it came in the wrong shape. */
const WRONG_SHAPE = {
  histogram: /*i18n*/ { id: 'the data server’s histogram is not in the expected shape' },
  clusters: /*i18n*/ { id: 'the data server’s map view is not in the expected shape' },
  categories: /*i18n*/ { id: 'the data server’s category counts are not in the expected shape' },
  event: /*i18n*/ { id: 'the data server’s event is not in the expected shape' },
  window: /*i18n*/ { id: 'the data server’s list is not in the expected shape' },
  closest: /*i18n*/ { id: 'the data server’s list of close matches is not in the expected shape' },
} satisfies Record<string, Message>;

function invalid(what: keyof typeof WRONG_SHAPE): never {
  throw new ServerAnswerError(WRONG_SHAPE[what], 200);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export interface ServerHistogram {
  unit: BinUnit;
  starts: CalendarDay[];
  end: CalendarDay;
  weights: number[];
  total: number;
}

const UNITS: readonly string[] = ['day', 'week', 'month', 'year'];

export function readHistogram(body: unknown): ServerHistogram {
  if (!isRecord(body)) invalid('histogram');
  const { unit, starts, end, weights, total } = body;
  if (typeof unit !== 'string' || !UNITS.includes(unit)) invalid('histogram');
  if (!Array.isArray(starts) || !Array.isArray(weights) || starts.length !== weights.length)
    invalid('histogram');
  const days = starts.map((start) => (typeof start === 'string' ? parseIsoDay(start) : null));
  const endDay = typeof end === 'string' ? parseIsoDay(end) : null;
  if (endDay === null || days.some((day) => day === null)) invalid('histogram');
  if (!weights.every((weight) => typeof weight === 'number' && weight >= 0)) invalid('histogram');
  if (!isCount(total)) invalid('histogram');
  return {
    unit: unit as BinUnit,
    starts: days as CalendarDay[],
    end: endDay,
    weights: weights as number[],
    total,
  };
}

export interface ServerCategoryCounts {
  total: number;
  /** Events per category under the filter; a category with none is left out. */
  counts: Map<string, number>;
}

export function readCategoryCounts(body: unknown): ServerCategoryCounts {
  if (!isRecord(body)) invalid('categories');
  const { total, categories } = body;
  if (!isCount(total) || !Array.isArray(categories)) invalid('categories');
  const counts = new Map<string, number>();
  for (const entry of categories as unknown[]) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !isCount(entry.count))
      invalid('categories');
    counts.set(entry.name, entry.count);
  }
  return { total, counts };
}

export interface ServerFrame {
  total: number;
  /** The box holding every event that passes the filter; null when none does. */
  bounds: { west: number; south: number; east: number; north: number } | null;
}

/**
 * Whether `[west, south, east, north]` is a box on the map: longitudes from −180 to 180 west to
 * east, latitudes from −90 to 90 south to north.
 */
function isBox(corners: readonly unknown[]): corners is ClusterBox {
  if (corners.length !== 4) return false;
  const [west, south, east, north] = corners;
  const longitude = (value: unknown): value is number =>
    typeof value === 'number' && value >= -180 && value <= 180;
  const latitude = (value: unknown): value is number =>
    typeof value === 'number' && value >= -90 && value <= 90;
  return (
    longitude(west) &&
    longitude(east) &&
    latitude(south) &&
    latitude(north) &&
    west <= east &&
    south <= north
  );
}

/** Where the filter's events are (`/api/frame`): part of the map's view, checked as its clusters. */

export function readFrame(body: unknown): ServerFrame {
  if (!isRecord(body)) invalid('clusters');
  const { total, bounds } = body;
  if (!isCount(total)) invalid('clusters');
  if (bounds === null || total === 0) return { total, bounds: null };
  if (!isRecord(bounds)) invalid('clusters');
  const corners = [bounds.west, bounds.south, bounds.east, bounds.north];
  if (!isBox(corners)) invalid('clusters');
  const [west, south, east, north] = corners;
  return { total, bounds: { west, south, east, north } };
}

export interface ServerCluster {
  longitude: number;
  latitude: number;
  count: number;
  categories: { category: string; count: number }[];
  /** The one event of a cluster of one. */
  event: { id: string; title: string; category: string } | null;
  /**
   * The box a cluster's events fill, `[west, south, east, north]`; null for one event, or from a
   * server that does not say (a click then zooms in a fixed step).
   */
  box: ClusterBox | null;
}

export type ClusterBox = [west: number, south: number, east: number, north: number];

/** A cluster's `box` if it is a box on the map (isBox); else null, as from a server without. */
function readBox(raw: unknown): ClusterBox | null {
  return Array.isArray(raw) && isBox(raw) ? raw : null;
}

export interface ServerClusters {
  clusters: ServerCluster[];
  total: number;
}

function readCluster(raw: unknown): ServerCluster {
  if (!isRecord(raw)) invalid('clusters');
  const { longitude, latitude, count, categories, event, box } = raw;
  if (typeof longitude !== 'number' || typeof latitude !== 'number' || !isCount(count))
    invalid('clusters');
  if (!isRecord(categories)) invalid('clusters');
  const mix = Object.entries(categories)
    .filter((entry): entry is [string, number] => isCount(entry[1]))
    .map(([category, counted]) => ({ category, count: counted }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  let one: ServerCluster['event'] = null;
  if (isRecord(event)) {
    if (
      typeof event.id !== 'string' ||
      typeof event.title !== 'string' ||
      typeof event.category !== 'string'
    )
      invalid('clusters');
    one = { id: event.id, title: event.title, category: event.category };
  }
  return { longitude, latitude, count, categories: mix, event: one, box: readBox(box) };
}

export function readClusters(body: unknown): ServerClusters {
  if (!isRecord(body) || !Array.isArray(body.clusters) || !isCount(body.total)) invalid('clusters');
  return { clusters: body.clusters.map(readCluster), total: body.total };
}

/** An event as the server sends it: the app's own DatasetEvent, checked for what the page reads. */
export function readEvent(raw: unknown): DatasetEvent {
  if (!isRecord(raw)) invalid('event');
  const { id, title, date, longitude, latitude, category, sources } = raw;
  if (
    typeof id !== 'string' ||
    typeof title !== 'string' ||
    typeof category !== 'string' ||
    typeof longitude !== 'number' ||
    typeof latitude !== 'number' ||
    !isRecord(date) ||
    typeof date.start !== 'number' ||
    typeof date.end !== 'number' ||
    !Array.isArray(sources)
  )
    invalid('event');
  return raw as unknown as DatasetEvent;
}

export interface ServerWindow {
  total: number;
  offset: number;
  events: DatasetEvent[];
  /** With `around`: the event's place in the filtered chronology, null when the filter hides it. */
  position: number | null;
}

export function readWindow(body: unknown): ServerWindow {
  if (
    !isRecord(body) ||
    !isCount(body.total) ||
    !isCount(body.offset) ||
    !Array.isArray(body.events)
  )
    invalid('window');
  const position = body.position;
  return {
    total: body.total,
    offset: body.offset,
    events: body.events.map(readEvent),
    position: isCount(position) ? position : null,
  };
}

export function readClosest(body: unknown): DatasetEvent[] {
  if (!isRecord(body) || !Array.isArray(body.events)) invalid('closest');
  return body.events.map(readEvent);
}
