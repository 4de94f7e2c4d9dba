/**
 * What the data server answers (docs/server.md), whatever engine holds the events: one adapter per
 * engine implements this (duckdb-engine.ts), so the routes (app.ts) never see SQL.
 */
import { formatIsoDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import type { DataIssue, Dataset, DatasetEvent, DatasetMetadata } from '../data/model/schema.ts';
import type { BinUnit } from '../data/query/histogram.ts';
import type { ColumnsRead } from '../data/server-view/columns-read.ts';
import type { MapView } from './view-query.ts';

export interface DatasetDescription {
  /** The file's own metadata: title, description, licence, source, language, category styles. */
  metadata: DatasetMetadata;
  /** Records in the file: events plus the records not shown. */
  recordCount: number;
  eventCount: number;
  /** The first and last calendar day any event may cover, as YYYY-MM-DD; null without events. */
  extent: { first: string; last: string } | null;
  /** Every category with its number of events, most first. */
  categories: { name: string; count: number }[];
  /** The records not shown and the warnings: how many, and the first ones in full. */
  issues: { count: number; examples: DataIssue[] };
  /**
   * The table's column the categories came from ("type_of_violence"), which the explorer names
   * them by, as it does for the file; null for GeoJSON, whose categories are the contract's own.
   */
  categoryColumn: string | null;
  /** Which column of the file's table became each field, and who chose; null for GeoJSON. */
  columns: ColumnsRead | null;
}

/** A dataset as a server loads it: its events, the column its categories came from, its columns. */
export type ServedDataset = Dataset & {
  categoryColumn?: string | null;
  columns?: ColumnsRead | null;
};

/** A number in an engine's answer: DuckDB gives counts as bigint, ClickHouse's JSON as text. */
export function rowNumber(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
}

/**
 * The description from the two questions every engine asks of its table: the summary row (`n`
 * events, the `first` start day and the `last` end day) and the category rows (`name`, `count`,
 * most first); what the file says beyond its table comes from the load.
 */
export function describedFrom(
  summary: Record<string, unknown> | undefined,
  categories: readonly Record<string, unknown>[],
  file: Pick<
    DatasetDescription,
    'metadata' | 'recordCount' | 'issues' | 'categoryColumn' | 'columns'
  >,
): DatasetDescription {
  const count = rowNumber(summary?.n);
  return {
    ...file,
    eventCount: count,
    extent:
      count === 0
        ? null
        : {
            first: formatIsoDay(rowNumber(summary?.first)),
            last: formatIsoDay(rowNumber(summary?.last)),
          },
    categories: categories.map((row) => ({ name: String(row.name), count: rowNumber(row.count) })),
  };
}

export interface HistogramAnswer {
  unit: BinUnit;
  /** Each bin's first day, YYYY-MM-DD; a bin ends the day before the next one starts. */
  starts: string[];
  /** The day after the last bin. */
  end: string;
  /** Events per bin, an interval's weight spread over the days it may cover. */
  weights: number[];
  /** Events passing the filter, in the bins or not. */
  total: number;
}

interface Cluster {
  longitude: number;
  latitude: number;
  count: number;
  /** Events per category in the cluster. */
  categories: Record<string, number>;
  /** The event itself, when the cluster is one event. */
  event?: { id: string; title: string; category: string };
  /**
   * The box its events fill, `[west, south, east, north]` in degrees, when it holds more than one
   * event: a click on the cluster zooms to it.
   */
  box?: [west: number, south: number, east: number, north: number];
}

export interface ClustersAnswer {
  clusters: Cluster[];
  /** Events passing the filter inside the view. */
  total: number;
}

/**
 * One cluster of the answer from a cell of the view: its mean place, its count and category mix;
 * when it holds one event, that event's row (`id`, `title`, `category`), which a click on it
 * selects; else the box its events fill, which a click zooms to.
 */
export function clusterCell(
  {
    longitude,
    latitude,
    count,
    categories,
    box,
  }: Pick<Cluster, 'longitude' | 'latitude' | 'count' | 'categories'> & { box: Corners },
  lone: Record<string, unknown> | undefined,
): ClustersAnswer['clusters'][number] {
  return {
    longitude,
    latitude,
    count,
    categories,
    ...(count === 1 && lone !== undefined
      ? {
          event: {
            id: String(lone.id),
            title: String(lone.title),
            category: String(lone.category),
          },
        }
      : {}),
    ...(count > 1 ? { box: [box.west, box.south, box.east, box.north] } : {}),
  };
}

export interface WindowAnswer {
  /** Events passing the filter, in all. */
  total: number;
  /** The position, in the filtered chronology, of the first event of `events`. */
  offset: number;
  events: DatasetEvent[];
  /** With `around`: the position of that event in the filtered chronology, or null if filtered out. */
  position?: number | null;
}

export interface CategoryCountsAnswer {
  /** Events passing the filter. */
  total: number;
  /** Every category with events passing the filter, with how many, most first. */
  categories: { name: string; count: number }[];
}

export interface FrameAnswer {
  /** Events passing the filter. */
  total: number;
  /** The smallest box holding every event passing the filter, in degrees; null when none does. */
  bounds: Corners | null;
}

/** The box some events fill, in degrees: their least and greatest latitudes and longitudes. */
export interface Corners {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** The columns of an event's corners (its place), and of a row's that keeps its events' box. */
export const EVENT_CORNERS = ['latitude', 'longitude', 'latitude', 'longitude'] as const;
export const ROW_CORNERS = ['south', 'west', 'north', 'east'] as const;

/**
 * The box of a group's rows in SQL (either engine's), from the columns of their `[south, west,
 * north, east]` corners, named `south` and so on, or `<prefix>_south` with a prefix: ClickHouse
 * reads an alias into the WHERE clause, so a box over rows with a `south` of their own that the
 * WHERE tests is named otherwise.
 */
export function boxSql(
  [south, west, north, east]: readonly [string, string, string, string],
  prefix = '',
): string {
  const as = (name: string) => (prefix ? `${prefix}_${name}` : name);
  return `min(${south}) AS ${as('south')}, min(${west}) AS ${as('west')}, max(${north}) AS ${as('north')}, max(${east}) AS ${as('east')}`;
}

/**
 * Corners are given to a billionth of a degree (a tenth of a millimetre): ClickHouse 18.16 reads
 * some decimal coordinates one unit in the last place off (3.04213 as 3.0421300000000002), and
 * both engines must give the same box.
 */
const CORNER_SCALE = 1e9;

/** The corners of a row of boxSql's with that prefix. */
export function cornersOf(row: Record<string, unknown>, prefix = ''): Corners {
  const at = (name: string) =>
    Math.round(Number(row[prefix ? `${prefix}_${name}` : name]) * CORNER_SCALE) / CORNER_SCALE;
  return { south: at('south'), west: at('west'), north: at('north'), east: at('east') };
}

/**
 * The corners of a set of events, as the columns every engine's counts by day keep beside the
 * count (DuckDB's `day_counts`, ClickHouse's `<table>_days`), so that a frame without a search
 * reads those few thousand rows, not every event.
 */
export const BOUNDS_OF_EVENTS = boxSql(EVENT_CORNERS);
/** The same corners over rows that already hold them (counts by day). */
export const BOUNDS_OF_COUNTS = boxSql(ROW_CORNERS);

/** The frame from an engine's row of `n` and the corners (an engine with no events may say 0s). */
export function frameFrom(row: Record<string, unknown> | undefined): FrameAnswer {
  const total = rowNumber(row?.n);
  return {
    total,
    bounds: total === 0 || row === undefined ? null : cornersOf(row),
  };
}

/**
 * A window of the chronology: from a place, or around an event. `bounds` keeps the events in a box
 * on the map ("Only events in map view"), for the count, the places and the window alike.
 */
export type WindowRequest = (
  { offset: number; limit: number } | { around: string; limit: number }
) & { bounds?: Omit<MapView, 'zoom'> };

export interface QueryEngine {
  describe(): Promise<DatasetDescription>;
  histogram(filter: EventFilter, unit: BinUnit | null): Promise<HistogramAnswer>;
  clusters(filter: EventFilter, view: MapView): Promise<ClustersAnswer>;
  /** How many events of each category pass the filter: the legend's counts. */
  categoryCounts(filter: EventFilter): Promise<CategoryCountsAnswer>;
  /** Where the events passing the filter are: what the map fits its first view to. */
  frame(filter: EventFilter): Promise<FrameAnswer>;
  window(filter: EventFilter, request: WindowRequest): Promise<WindowAnswer>;
  event(id: string): Promise<DatasetEvent | null>;
  /** The events whose ids or titles share the most words with an unknown id, best first. */
  closest(id: string): Promise<DatasetEvent[]>;
  /** What a CSV export of the filtered events needs before its first line: its columns' makings. */
  exportShape(filter: EventFilter): Promise<{ withStory: boolean; languages: string[] }>;
  /** The filtered events in chronological order, a page at a time, for a streamed export. */
  exportPages(filter: EventFilter): AsyncIterable<DatasetEvent[]>;
  /** Lets go of the engine's resources; a server awaits it before it exits. */
  close(): void | Promise<void>;
}
