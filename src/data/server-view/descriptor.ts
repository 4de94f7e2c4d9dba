/**
 * The data server's descriptor (`/dateline.json`, docs/server.md): what `?data=` may point the
 * explorer at instead of a file. Read and checked here, without React, so the loading path needs
 * one small branch: a small JSON answer naming `"dateline": "query-server"` opens server mode.
 */
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { parseIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import { readCategoryStyles } from '../model/category-styles.ts';
import type { DataIssue, DatasetMetadata } from '../model/schema.ts';
import { mightBeDescriptor } from './descriptor-check.ts';
import { readColumnsRead, type ColumnsRead } from './columns-read.ts';

/** The version of the answers' shapes this client reads. */
const SERVER_API_VERSION = 1;

export interface QueryServer {
  /** The descriptor's own address: every endpoint is relative to it. */
  base: string;
  metadata: DatasetMetadata;
  recordCount: number;
  eventCount: number;
  extent: { first: CalendarDay; last: CalendarDay } | null;
  /** Every category with its number of events, most first. */
  categories: { name: string; count: number }[];
  /** The table's column the categories came from, which names them as it does in a file. */
  categoryColumn: string | null;
  /** Which column became each field (About this file); null for GeoJSON or an older server. */
  columns: ColumnsRead | null;
  issues: { count: number; examples: DataIssue[] };
  endpoints: {
    histogram: string;
    clusters: string;
    /** Per-category counts under a filter; null from a server older than that endpoint. */
    categories: string | null;
    /** Where the filter's events are, for the map's first view; null from an older server. */
    frame: string | null;
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
  constructor(
    /** What is wrong, as the interface says it in the reader's language (lib/i18n/message.ts). */
    readonly said: Message,
  ) {
    super(inEnglish(said));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new DescriptorError(
      /*i18n*/ { id: 'the descriptor’s "{name}" is not a count of events', values: { name } },
    );
  return value;
}

function endpoint(endpoints: Record<string, unknown>, name: string): string {
  const path = endpoints[name];
  if (typeof path !== 'string' || path === '')
    throw new DescriptorError(
      /*i18n*/ { id: 'the descriptor names no "{name}" endpoint', values: { name } },
    );
  return path;
}

/** An endpoint added after the first servers: null when this server does not name it. */
function optionalEndpoint(endpoints: Record<string, unknown>, name: string): string | null {
  const path = endpoints[name];
  return typeof path === 'string' && path !== '' ? path : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The file's metadata, every field text (a server's answer is read as untrusted as a file), and
 * its categories' labels and colours read as a file's are: a dataset looks the same served.
 */
function readMetadata(raw: Record<string, unknown>): DatasetMetadata {
  const categories = readCategoryStyles(raw.categories);
  return {
    title: text(raw.title),
    description: text(raw.description),
    license: text(raw.license),
    source: text(raw.source),
    updated: text(raw.updated),
    ...(typeof raw.language === 'string' ? { language: raw.language } : {}),
    ...(categories ? { categories } : {}),
  };
}

function isMessageValue(value: unknown, depth: number): boolean {
  return (
    typeof value === 'string' || typeof value === 'number' || isWellFormedMessage(value, depth + 1)
  );
}

/** A message as the importer makes them (lib/i18n/message.ts), its values text, numbers or one. */
function isWellFormedMessage(value: unknown, depth = 0): value is Message {
  if (depth > 3 || !isRecord(value) || typeof value.id !== 'string') return false;
  const { values } = value;
  return (
    values === undefined ||
    (isRecord(values) && Object.values(values).every((entry) => isMessageValue(entry, depth)))
  );
}

/**
 * One of the issues the server lists, or null: read as untrusted as the file itself, since the
 * Data issues list reads every field (a position that is not a number would say "Row NaN").
 */
function readIssue(raw: unknown): DataIssue | null {
  if (!isRecord(raw)) return null;
  const { position, id, field, reason, message, line, shown } = raw;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) return null;
  if (typeof reason !== 'string' || typeof field !== 'string') return null;
  return {
    position,
    id: typeof id === 'string' ? id : null,
    field,
    reason,
    ...(isWellFormedMessage(message) ? { message } : {}),
    ...(typeof line === 'number' && Number.isInteger(line) && line > 0 ? { line } : {}),
    ...(shown === true ? { shown } : {}),
  };
}

/** The issues counted and the first ones listed; never fewer counted than listed. */
function readIssues(raw: Record<string, unknown>): QueryServer['issues'] {
  const examples = Array.isArray(raw.examples)
    ? raw.examples.flatMap((entry: unknown) => readIssue(entry) ?? [])
    : [];
  const counted =
    typeof raw.count === 'number' && Number.isInteger(raw.count) && raw.count > 0 ? raw.count : 0;
  return { count: Math.max(counted, examples.length), examples };
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
      /*i18n*/ {
        id: 'the data server speaks version {version} of its answers; this page reads version {supported}',
        values: { version: String(json.version), supported: SERVER_API_VERSION },
      },
    );
  const { dataset, endpoints, limits } = json;
  if (!isRecord(dataset) || !isRecord(endpoints))
    throw new DescriptorError(/*i18n*/ { id: 'the descriptor has no "dataset" or no "endpoints"' });
  const metadata = isRecord(dataset.metadata) ? dataset.metadata : {};
  if (typeof metadata.title !== 'string')
    throw new DescriptorError(/*i18n*/ { id: 'the descriptor’s dataset has no "metadata.title"' });
  let extent: QueryServer['extent'] = null;
  if (dataset.extent !== null) {
    const raw = isRecord(dataset.extent) ? dataset.extent : {};
    const first = typeof raw.first === 'string' ? parseIsoDay(raw.first) : null;
    const last = typeof raw.last === 'string' ? parseIsoDay(raw.last) : null;
    if (first === null || last === null || last < first)
      throw new DescriptorError(
        /*i18n*/ { id: 'the descriptor’s "extent" is not two days, first to last' },
      );
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
    // Absent from a server older than it; a column with no name names nothing.
    categoryColumn:
      typeof dataset.categoryColumn === 'string' && dataset.categoryColumn.trim() !== ''
        ? dataset.categoryColumn
        : null,
    columns: readColumnsRead(dataset.columns),
    issues: readIssues(issues),
    endpoints: {
      histogram: endpoint(endpoints, 'histogram'),
      clusters: endpoint(endpoints, 'clusters'),
      categories: optionalEndpoint(endpoints, 'categories'),
      frame: optionalEndpoint(endpoints, 'frame'),
      window: endpoint(endpoints, 'window'),
      event: endpoint(endpoints, 'event'),
      closest: endpoint(endpoints, 'closest'),
      export: endpoint(endpoints, 'export'),
    },
    windowRows: typeof windowRows === 'number' && windowRows > 0 ? Math.floor(windowRows) : 100,
  };
}
