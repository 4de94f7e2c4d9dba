/**
 * The data server's descriptor (`/dateline.json`, docs/server.md): what `?data=` may point the
 * explorer at instead of a file. Read and checked here, without React, so the loading path needs
 * one small branch: a small JSON answer naming `"dateline": "query-server"` opens server mode.
 */
import { parseIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import type { DataIssue, DatasetMetadata } from '../model/schema.ts';

/** The version of the answers' shapes this client reads. */
const SERVER_API_VERSION = 1;

const MARKER = '"query-server"';
/** A descriptor is a few kilobytes; a file this large is a dataset, not a descriptor. */
const MAX_DESCRIPTOR_BYTES = 1_000_000;

export interface QueryServer {
  /** The descriptor's own address: every endpoint is relative to it. */
  base: string;
  metadata: DatasetMetadata;
  recordCount: number;
  eventCount: number;
  extent: { first: CalendarDay; last: CalendarDay } | null;
  /** Every category with its number of events, most first. */
  categories: { name: string; count: number }[];
  issues: { count: number; examples: DataIssue[] };
  endpoints: {
    histogram: string;
    clusters: string;
    window: string;
    event: string;
    closest: string;
    export: string;
  };
  /** The most rows one window may ask for. */
  windowRows: number;
}

/** The descriptor is not one this client can read: said to the reader as a load error. */
export class DescriptorError extends Error {
  override name = 'DescriptorError';
}

/** Whether downloaded bytes could be a descriptor: told without parsing a large file. */
function mightBeDescriptor(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_DESCRIPTOR_BYTES) return false;
  const text = new TextDecoder().decode(bytes);
  return text.trimStart().startsWith('{') && text.includes(MARKER);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new DescriptorError(`the descriptor's "${name}" is not a count of events`);
  return value;
}

function endpoint(endpoints: Record<string, unknown>, name: string): string {
  const path = endpoints[name];
  if (typeof path !== 'string' || path === '')
    throw new DescriptorError(`the descriptor names no "${name}" endpoint`);
  return path;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The file's metadata, every field text (a server's answer is read as untrusted as a file). */
function readMetadata(raw: Record<string, unknown>): DatasetMetadata {
  return {
    title: text(raw.title),
    description: text(raw.description),
    license: text(raw.license),
    source: text(raw.source),
    updated: text(raw.updated),
    ...(typeof raw.language === 'string' ? { language: raw.language } : {}),
  };
}

/**
 * The descriptor in `bytes`, or null when they are not one (a dataset file). Throws a
 * DescriptorError naming what is wrong for a descriptor this client cannot use.
 */
export function readDescriptor(bytes: Uint8Array, url: string): QueryServer | null {
  if (!mightBeDescriptor(bytes)) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (!isRecord(json) || json.dateline !== 'query-server') return null;
  if (json.version !== SERVER_API_VERSION)
    throw new DescriptorError(
      `the data server speaks version ${String(json.version)} of its answers; this page reads version ${SERVER_API_VERSION}`,
    );
  const { dataset, endpoints, limits } = json;
  if (!isRecord(dataset) || !isRecord(endpoints))
    throw new DescriptorError('the descriptor has no "dataset" or no "endpoints"');
  const metadata = isRecord(dataset.metadata) ? dataset.metadata : {};
  if (typeof metadata.title !== 'string')
    throw new DescriptorError('the descriptor\'s dataset has no "metadata.title"');
  let extent: QueryServer['extent'] = null;
  if (dataset.extent !== null) {
    const raw = isRecord(dataset.extent) ? dataset.extent : {};
    const first = typeof raw.first === 'string' ? parseIsoDay(raw.first) : null;
    const last = typeof raw.last === 'string' ? parseIsoDay(raw.last) : null;
    if (first === null || last === null || last < first)
      throw new DescriptorError('the descriptor\'s "extent" is not two days, first to last');
    extent = { first, last };
  }
  const categories = Array.isArray(dataset.categories) ? dataset.categories : [];
  const issues = isRecord(dataset.issues) ? dataset.issues : {};
  const windowRows = isRecord(limits) ? limits.windowRows : undefined;
  return {
    base: url,
    metadata: readMetadata(metadata),
    recordCount: count(dataset.recordCount, 'recordCount'),
    eventCount: count(dataset.eventCount, 'eventCount'),
    extent,
    categories: categories.flatMap((entry: unknown) =>
      isRecord(entry) && typeof entry.name === 'string' && typeof entry.count === 'number'
        ? [{ name: entry.name, count: entry.count }]
        : [],
    ),
    issues: {
      count: typeof issues.count === 'number' ? issues.count : 0,
      examples: Array.isArray(issues.examples) ? (issues.examples as DataIssue[]) : [],
    },
    endpoints: {
      histogram: endpoint(endpoints, 'histogram'),
      clusters: endpoint(endpoints, 'clusters'),
      window: endpoint(endpoints, 'window'),
      event: endpoint(endpoints, 'event'),
      closest: endpoint(endpoints, 'closest'),
      export: endpoint(endpoints, 'export'),
    },
    windowRows: typeof windowRows === 'number' && windowRows > 0 ? Math.floor(windowRows) : 100,
  };
}
