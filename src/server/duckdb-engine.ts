/**
 * The data server's engine for one machine: DuckDB, embedded. The events, read and checked by the
 * app's own importer (load-dataset.ts), go into one table with their calendar days, their place
 * in the chronology and their search text; each answer is one parameterized query over it.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  DuckDBInstance,
  listValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { formatIsoDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import type { DataIssue, Dataset, DatasetEvent, DatasetMetadata } from '../data/model/schema.ts';
import type { ColumnsRead } from '../data/server-view/columns-read.ts';
import { closestEvents, words } from '../data/query/closest.ts';
import { translationLanguages } from '../data/export/export.ts';
import { eventSearchText } from '../data/query/filter.ts';
import { buildBins, chooseBinUnit, type BinUnit } from '../data/query/histogram.ts';
import { queryTerms } from '../data/query/search-text.ts';
import type {
  ClustersAnswer,
  DatasetDescription,
  CategoryCountsAnswer,
  FrameAnswer,
  HistogramAnswer,
  QueryEngine,
  ServedDataset,
  WindowAnswer,
  WindowRequest,
} from './engine.ts';
import type { DatasetSettings, SayNote } from './dataset-settings.ts';
import {
  BOUNDS_OF_COUNTS,
  BOUNDS_OF_EVENTS,
  boxSql,
  cornersOf,
  EVENT_CORNERS,
  ROW_CORNERS,
  clusterCell,
  describedFrom,
  frameFrom,
  rowNumber,
} from './engine.ts';
import {
  ISSUE_EXAMPLES,
  loadNative,
  NATIVE_EVENT_COLUMNS,
  NATIVE_SLUG_WORDS,
} from './native-load.ts';
import { MAX_LATITUDE, MERCATOR_Y_SQL } from './mercator-sql.ts';
import {
  boxTest,
  CELL_PIXELS,
  CELL_ROLLUP_SHARE,
  cellCountOf,
  FINE_CELL_ARITHMETIC,
  firstFineCellSql,
  readsRollup,
  viewCells,
  viewLongitudes,
  type ViewCell,
  type ViewLongitudes,
} from './cell-rollup.ts';
import { SearchHits, duckDbHitTables } from './search-hits.ts';
import { BadRequest, boundsTest, LIMITS, type MapView } from './view-query.ts';

/** Events read for a streamed export at a time. */
const EXPORT_PAGE = 2_000;
/** Clusters in one answer, at most: a view at a sane zoom has far fewer cells. */
const MAX_CLUSTERS = 4_000;
/** The most days one bin of each unit can hold. */
const LONGEST_BIN_DAYS: Record<BinUnit, number> = { day: 1, week: 7, month: 31, year: 366 };

const CREATE_EVENTS = `CREATE TABLE events (
  ord INTEGER NOT NULL,
  id VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  longitude DOUBLE NOT NULL,
  latitude DOUBLE NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER NOT NULL,
  title VARCHAR NOT NULL,
  search VARCHAR NOT NULL,
  slug_words VARCHAR NOT NULL,
  languages VARCHAR NOT NULL,
  has_story BOOLEAN NOT NULL,
  body VARCHAR NOT NULL
)`;

/** A WHERE clause and its parameters, in the order of their `?`. */
interface Condition {
  sql: string;
  values: DuckDBValue[];
}

/** The explorer's filter as SQL: the same overlap rule, every search word, the categories. */
function filterCondition(filter: EventFilter): Condition {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (filter.from !== null) {
    parts.push('end_day >= ?');
    values.push(filter.from);
  }
  if (filter.to !== null) {
    parts.push('start_day <= ?');
    values.push(filter.to);
  }
  for (const term of queryTerms(filter.query)) {
    parts.push('contains(search, ?)');
    values.push(term);
  }
  if (filter.categories.length > 0) {
    parts.push('list_contains(?, category)');
    values.push(listValue([...filter.categories]));
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', values };
}

/** Each event's Web Mercator y, for the JSON path's table (native-load.ts makes it in its own). */
const MERCATOR_Y = `ALTER TABLE events ADD COLUMN mercator_y DOUBLE DEFAULT 0;
  UPDATE events SET mercator_y = ${MERCATOR_Y_SQL}`;

/**
 * Ids by their hash, sorted: a lookup reads one row group. An ART index on a hundred million ids
 * needed more memory than this machine has (docs/decisions.md §21).
 */
const ID_LOOKUP = `CREATE TABLE id_lookup AS SELECT hash(id) AS h, id, ord FROM events ORDER BY h`;

/** The filter, and the events in a box on the map, as the browser's `isInBounds` keeps them. */
function withinBounds(condition: Condition, bounds: Omit<MapView, 'zoom'>): Condition {
  const { south, north, longitudes } = boundsTest(bounds);
  const parts = [condition.sql, 'latitude BETWEEN ? AND ?'];
  const values: DuckDBValue[] = [...condition.values, south, north];
  if (longitudes !== null) {
    const longitude = 'CASE WHEN longitude = 180 THEN -180 ELSE longitude END';
    parts.push(
      longitudes.west <= longitudes.east
        ? `${longitude} BETWEEN ? AND ?`
        : `(${longitude} >= ? OR ${longitude} <= ?)`,
    );
    values.push(longitudes.west, longitudes.east);
  }
  return { sql: parts.join(' AND '), values };
}

/**
 * Events counted by days and category (`day_counts`, made at load): what a histogram or a count
 * reads when there is no search, a few thousand rows instead of every event. A search reads its
 * own counts (search-hits.ts).
 */
const DAY_COUNTS = `CREATE TABLE day_counts AS
  SELECT start_day, end_day, category, count(*) AS n, ${BOUNDS_OF_EVENTS} FROM events
  GROUP BY start_day, end_day, category ORDER BY start_day, end_day, category`;

/**
 * The events counted by fine cell of the map and category, and their places ordered by fine cell
 * (cell-rollup.ts): the clusters of a view whose filter is of categories alone read these. Made at
 * load, and kept when the rollup has at most CELL_ROLLUP_SHARE rows per event.
 */
const CELL_COUNTS = `CREATE TABLE events_by_cell AS
    SELECT (${FINE_CELL_ARITHMETIC})::BIGINT AS cell, category, longitude, latitude, ord
    FROM events ORDER BY cell;
  CREATE TABLE cell_counts AS
    SELECT cell, category, count(*) AS n, sum(longitude) AS longitude_sum,
           sum(latitude) AS latitude_sum, min(ord) AS first_ord, ${BOUNDS_OF_EVENTS}
    FROM events_by_cell GROUP BY cell, category ORDER BY cell, category`;

/** How a load makes the cell rollup: `cellRollupShare`, as CELL_ROLLUP_SHARE. */
interface RollupOptions {
  cellRollupShare?: number;
}

/** How a file is read (dataset-settings.ts), and where its notes go. */
interface FileOptions extends RollupOptions {
  settings?: DatasetSettings;
  say?: SayNote;
}

/** What a description says of the file beyond its events' table. */
interface FileSummary {
  metadata: DatasetMetadata;
  categoryColumn: string | null;
  columns: ColumnsRead | null;
  recordCount: number;
  issueCount: number;
  issueExamples: DataIssue[];
  steps?: { step: string; seconds: number }[];
}

/**
 * How an event is read back from its row: the columns to select and the event they make, and the
 * words of its id and title (` word word `) for the closest titles to an unknown id.
 */
interface EventReading {
  columns: string;
  eventOf: (row: Record<string, unknown>) => DatasetEvent;
  slugWords: string;
}

const FROM_BODY: EventReading = {
  columns: 'body',
  slugWords: 'slug_words',
  eventOf: (row) => JSON.parse(String(row.body)) as DatasetEvent,
};

/** Every event counted once, for a search too broad to keep (search-hits.ts). */
const EVENTS_COUNTED = `(SELECT start_day, end_day, category, search, 1 AS n,
  latitude AS south, longitude AS west, latitude AS north, longitude AS east FROM events)`;

/** Where a question reads its events, and the rest of its filter. */
interface Scope {
  /** `events`, or a search's hits (search-hits.ts). */
  table: string;
  /** The same events counted by days and category. */
  counted: string;
  /** The filter but for the search words, which the table has applied already. */
  condition: Condition;
  release: () => void;
}

export class DuckDbEngine implements QueryEngine {
  private readonly searches = new SearchHits(
    duckDbHitTables(
      (sql, values) => this.connection.run(sql, values),
      async (table) => rowNumber((await this.rows(`SELECT count(*) AS n FROM ${table}`))[0]?.n),
    ),
  );

  /** Whether `cell_counts` and `events_by_cell` hold the cell rollup (made by countCells). */
  private cellRollup = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly summary: FileSummary,
    private readonly reading: EventReading,
    private readonly folder: string | null = null,
  ) {}

  /** Puts the dataset's events into a fresh in-memory database. */
  static async open(dataset: ServedDataset, options: RollupOptions = {}): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await DuckDbEngine.fill(connection, dataset);
    } catch (error) {
      // A failed load must not leave a database holding memory behind it.
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    const { metadata, issues, recordCount, categoryColumn = null, columns = null } = dataset;
    const engine = new DuckDbEngine(
      instance,
      connection,
      {
        metadata,
        categoryColumn,
        columns,
        recordCount,
        issueCount: issues.length,
        issueExamples: issues.slice(0, ISSUE_EXAMPLES),
      },
      FROM_BODY,
    );
    try {
      await engine.countCells(options);
    } catch (error) {
      engine.close();
      throw error;
    }
    return engine;
  }

  /**
   * The cell rollup (CELL_COUNTS), kept when it has at most `cellRollupShare` rows per event;
   * else dropped, and the clusters count the events.
   */
  private async countCells({ cellRollupShare = CELL_ROLLUP_SHARE }: RollupOptions): Promise<void> {
    await this.connection.run(CELL_COUNTS);
    const [sizes] = await this.rows(
      'SELECT (SELECT count(*) FROM cell_counts) AS cells, (SELECT count(*) FROM events) AS events',
    );
    this.cellRollup = rowNumber(sizes?.cells) <= rowNumber(sizes?.events) * cellRollupShare;
    if (!this.cellRollup)
      await this.connection.run('DROP TABLE cell_counts; DROP TABLE events_by_cell');
  }

  /**
   * A Parquet or CSV file read by DuckDB itself (native-load.ts); null for a file only the
   * importer reads. The database is in memory when it fits easily, else on disk (a scratch folder
   * removed on close), so that a hundred million events need not fit in memory: on disk, the load
   * takes about three times as long (docs/decisions.md §21).
   */
  static async openFile(path: string, options: FileOptions = {}): Promise<DuckDbEngine | null> {
    const { size } = statSync(path);
    // A database takes about 9 bytes for a byte of Parquet (zstd), 1 for a byte of CSV.
    const expected = /\.(geo)?parquet$/i.test(path) ? size * 9 : size;
    const folder =
      expected < totalmem() / 4 ? null : mkdtempSync(join(tmpdir(), 'dateline-duckdb-'));
    const instance = await DuckDBInstance.create(
      folder === null ? ':memory:' : join(folder, 'events.duckdb'),
      // On disk, half the machine's memory at most: the rest stays for the server and the system.
      folder === null
        ? {}
        : {
            temp_directory: join(folder, 'spill'),
            memory_limit: `${Math.max(1, Math.floor(totalmem() / 2 / 2 ** 30))}GB`,
          },
    );
    const connection = await instance.connect();
    const forget = () => {
      connection.closeSync();
      instance.closeSync();
      if (folder !== null) rmSync(folder, { recursive: true, force: true });
    };
    try {
      const loaded = await loadNative(connection, path, options.settings, options.say);
      if (loaded === null) {
        forget();
        return null;
      }
      for (const [step, sql] of [
        ['day counts', DAY_COUNTS],
        ['id lookup', ID_LOOKUP],
      ] as const) {
        const started = performance.now();
        await connection.run(sql);
        loaded.steps.push({ step, seconds: (performance.now() - started) / 1000 });
      }
      const engine = new DuckDbEngine(
        instance,
        connection,
        loaded,
        { columns: NATIVE_EVENT_COLUMNS, slugWords: NATIVE_SLUG_WORDS, eventOf: loaded.eventOf },
        folder,
      );
      const started = performance.now();
      await engine.countCells(options);
      loaded.steps.push({ step: 'cell counts', seconds: (performance.now() - started) / 1000 });
      return engine;
    } catch (error) {
      forget();
      throw error;
    }
  }

  private static async fill(connection: DuckDBConnection, dataset: Dataset): Promise<void> {
    await connection.run(CREATE_EVENTS);
    const appender = await connection.createAppender('events');
    dataset.events.forEach((event, ord) => {
      appender.appendInteger(ord);
      appender.appendVarchar(event.id);
      appender.appendVarchar(event.category);
      appender.appendDouble(event.longitude);
      appender.appendDouble(event.latitude);
      appender.appendInteger(event.date.start);
      appender.appendInteger(event.date.end);
      appender.appendVarchar(event.title);
      appender.appendVarchar(eventSearchText(event));
      appender.appendVarchar(` ${[...words(event.id), ...words(event.title)].join(' ')} `);
      appender.appendVarchar(translationLanguages([event]).join(','));
      appender.appendBoolean(event.story !== undefined);
      appender.appendVarchar(JSON.stringify(event));
      appender.endRow();
    });
    appender.closeSync();
    await connection.run(MERCATOR_Y);
    await connection.run(ID_LOOKUP);
    await connection.run(DAY_COUNTS);
  }

  /** Every event, or the hits of the filter's search, kept while the search is in use. */
  private async scope(filter: EventFilter): Promise<Scope> {
    const terms = queryTerms(filter.query);
    if (terms.length === 0)
      return {
        table: 'events',
        counted: 'day_counts',
        condition: filterCondition(filter),
        release: () => undefined,
      };
    const kept = await this.searches.scope(terms);
    if (kept === null)
      return {
        table: 'events',
        counted: EVENTS_COUNTED,
        condition: filterCondition(filter),
        release: () => undefined,
      };
    const { hits, release } = kept;
    return {
      table: hits,
      counted: `${hits}_days`,
      condition: filterCondition({ ...filter, query: '' }),
      release,
    };
  }

  private async rows(sql: string, values: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  /** For the benchmark: how long each step of a file's load took, and the database's size. */
  loadReport(): { engineSteps: { step: string; seconds: number }[]; databaseBytes: number } {
    const folder = this.folder;
    return {
      engineSteps: this.summary.steps ?? [],
      databaseBytes:
        folder === null
          ? 0
          : readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0),
    };
  }

  async describe(): Promise<DatasetDescription> {
    const [summary] = await this.rows(
      'SELECT count(*) AS n, min(start_day) AS first, max(end_day) AS last FROM events',
    );
    const categories = await this.rows(
      // Ties in the chronology's order (`ord`), as the explorer counts a loaded file's sorted
      // events: the palette hands out
      // its colours in this order, so a file and its server colour alike.
      'SELECT category AS name, count(*) AS count FROM events GROUP BY category ORDER BY count DESC, min(ord)',
    );
    const { metadata, categoryColumn, columns, recordCount, issueCount, issueExamples } =
      this.summary;
    return describedFrom(summary, categories, {
      metadata,
      categoryColumn,
      columns,
      recordCount,
      issues: { count: issueCount, examples: issueExamples },
    });
  }

  async categoryCounts(filter: EventFilter): Promise<CategoryCountsAnswer> {
    const { counted, condition, release } = await this.scope(filter);
    try {
      const rows = await this.rows(
        `SELECT category AS name, sum(n) AS count FROM ${counted} WHERE ${condition.sql}
         GROUP BY category ORDER BY count DESC, name`,
        condition.values,
      );
      const categories = rows.map((row) => ({
        name: String(row.name),
        count: rowNumber(row.count),
      }));
      return { total: categories.reduce((sum, entry) => sum + entry.count, 0), categories };
    } finally {
      release();
    }
  }

  async frame(filter: EventFilter): Promise<FrameAnswer> {
    const { counted, condition, release } = await this.scope(filter);
    try {
      const [row] = await this.rows(
        `SELECT coalesce(sum(n), 0) AS n, ${BOUNDS_OF_COUNTS} FROM ${counted} WHERE ${condition.sql}`,
        condition.values,
      );
      return frameFrom(row);
    } finally {
      release();
    }
  }

  async histogram(filter: EventFilter, unit: BinUnit | null): Promise<HistogramAnswer> {
    const scope = await this.scope(filter);
    try {
      return await this.histogramIn(scope, filter, unit);
    } finally {
      scope.release();
    }
  }

  private async histogramIn(
    { counted, condition }: Scope,
    filter: EventFilter,
    unit: BinUnit | null,
  ): Promise<HistogramAnswer> {
    const [extent] = await this.rows(
      `SELECT coalesce(sum(n), 0) AS n, min(start_day) AS first, max(end_day) AS last FROM ${counted} WHERE ${condition.sql}`,
      condition.values,
    );
    const total = rowNumber(extent?.n);
    // The bins cover the filter's range where it has one, else the events that pass it.
    const first = filter.from ?? (total > 0 ? rowNumber(extent?.first) : null);
    const last = filter.to ?? (total > 0 ? rowNumber(extent?.last) : null);
    if (first === null || last === null) {
      return { unit: unit ?? 'day', starts: [], end: '', weights: [], total };
    }
    const chosen = unit ?? chooseBinUnit(last - first + 1);
    // At least this many bins, from the extent alone: a range far too long is refused before
    // any bin is built (a century of days would otherwise build millions first).
    const fewest = Math.floor((last - first + 1) / LONGEST_BIN_DAYS[chosen]);
    if (fewest > LIMITS.bins) {
      throw new BadRequest('unit', `${fewest} bins of a ${chosen} or more: at most ${LIMITS.bins}`);
    }
    const bins = buildBins(first, last, chosen);
    if (bins.starts.length > LIMITS.bins) {
      throw new BadRequest(
        'unit',
        `${bins.starts.length} bins of a ${chosen}: at most ${LIMITS.bins}`,
      );
    }
    const starts = Array.from(bins.starts);
    const ends = starts.map((_start, index) => (starts[index + 1] ?? bins.end) - 1);
    // Each event's weight spread over the days it may cover, in proportion, as the timeline does.
    // Most events are one day: each finds its one bin by an as-of join (a merge, not a range join);
    // only intervals are joined to every bin they overlap.
    const rows = await this.rows(
      `WITH bins AS (SELECT unnest(?) AS bin_start, unnest(?) AS bin_end),
            kept AS (SELECT start_day, end_day, n FROM ${counted} WHERE ${condition.sql}),
            days AS (
              SELECT bin_start, sum(n)::DOUBLE AS weight
              FROM (SELECT start_day, n FROM kept WHERE start_day = end_day) AS day
                ASOF JOIN bins ON day.start_day >= bins.bin_start
              WHERE day.start_day <= bins.bin_end
              GROUP BY bin_start),
            spans AS (
              SELECT bin_start,
                     sum(n * (least(end_day, bin_end) - greatest(start_day, bin_start) + 1)::DOUBLE
                         / (end_day - start_day + 1)) AS weight
              FROM (SELECT * FROM kept WHERE start_day < end_day) AS span
                JOIN bins ON span.start_day <= bins.bin_end AND span.end_day >= bins.bin_start
              GROUP BY bin_start)
       SELECT bin_start, sum(weight) AS weight
       FROM (SELECT * FROM days UNION ALL SELECT * FROM spans)
       GROUP BY bin_start`,
      [listValue(starts), listValue(ends), ...condition.values],
    );
    const weightByStart = new Map(
      rows.map((row) => [rowNumber(row.bin_start), Number(row.weight)]),
    );
    return {
      unit: chosen,
      starts: starts.map(formatIsoDay),
      end: formatIsoDay(bins.end),
      weights: starts.map((start) => weightByStart.get(start) ?? 0),
      total,
    };
  }

  async clusters(filter: EventFilter, view: MapView): Promise<ClustersAnswer> {
    const scope = await this.scope(filter);
    try {
      return await this.clustersIn(scope, filter, view);
    } finally {
      scope.release();
    }
  }

  private async clustersIn(
    { table, condition }: Scope,
    filter: EventFilter,
    view: MapView,
  ): Promise<ClustersAnswer> {
    const longitudes = viewLongitudes(view);
    // Pinned to the Mercator edge as the browser's clustering pins them, so polar events count.
    const inView: Condition = {
      sql: `least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}) BETWEEN ? AND ? AND ${
        longitudes === null
          ? 'TRUE'
          : longitudes.acrossAntimeridian
            ? '(longitude >= ? OR longitude <= ?)'
            : 'longitude BETWEEN ? AND ?'
      } AND ${condition.sql}`,
      values: [
        view.south,
        view.north,
        ...(longitudes === null ? [] : [longitudes.west, longitudes.east]),
        ...condition.values,
      ],
    };
    const found =
      this.cellRollup && readsRollup(filter, view)
        ? await this.viewCellsFromRollup(condition, inView, view, longitudes)
        : await this.viewCellsOfEvents(table, inView, view.zoom);
    if (found.length > MAX_CLUSTERS) {
      throw new BadRequest('zoom', `more than ${MAX_CLUSTERS} clusters in this view: zoom out`);
    }
    // A cell of one event is drawn as that event: its name, read for those cells alone.
    const lone = found.filter((cell) => cell.count === 1).map((cell) => cell.firstOrd);
    const named =
      lone.length === 0
        ? []
        : await this.rows(
            'SELECT ord, id, title, category FROM events WHERE ord IN (SELECT unnest(?))',
            [listValue(lone)],
          );
    const byOrd = new Map(named.map((row) => [rowNumber(row.ord), row]));
    let total = 0;
    const clusters = found.map((cell) => {
      total += cell.count;
      return clusterCell(cell, byOrd.get(cell.firstOrd));
    });
    return { clusters, total };
  }

  /** The view's clusters counted over its events (`inView`), at most one past MAX_CLUSTERS. */
  private async viewCellsOfEvents(
    table: string,
    inView: Condition,
    zoom: number,
  ): Promise<ViewCell[]> {
    const worldPixels = 256 * 2 ** zoom;
    const rows = await this.rows(
      `WITH kept AS (
         SELECT category, longitude, latitude, ord, mercator_y
         FROM ${table}
         WHERE ${inView.sql}),
       -- Cells of the Web Mercator map the reader sees, so clusters are as wide as they look.
       cells AS (
         SELECT *, floor((longitude + 180) / 360 * ? / ${CELL_PIXELS}) AS cell_x,
                floor(mercator_y * ? / ${CELL_PIXELS}) AS cell_y
         FROM kept)
       SELECT count(*) AS count, avg(longitude) AS longitude, avg(latitude) AS latitude,
              to_json(histogram(category)) AS categories, min(ord) AS first,
              ${boxSql(EVENT_CORNERS, 'box')}
       FROM cells GROUP BY cell_x, cell_y
       ORDER BY count DESC
       LIMIT ${MAX_CLUSTERS + 1}`,
      [...inView.values, worldPixels, worldPixels],
    );
    return rows.map((row) => ({
      count: rowNumber(row.count),
      longitude: Number(row.longitude),
      latitude: Number(row.latitude),
      categories: JSON.parse(String(row.categories)) as Record<string, number>,
      firstOrd: rowNumber(row.first),
      box: cornersOf(row, 'box'),
    }));
  }

  /**
   * The view's clusters from the cell rollup (cell-rollup.ts), for a filter of categories alone
   * (readsRollup): the fine cells the view's edge cuts (a row whose box of events touches the
   * view but is not inside it) are counted from their events in `events_by_cell`, every other
   * cell inside the view from its rows, gathered into the view's cells. Each fine cell is
   * counted once, from its rows or from its events.
   */
  private async viewCellsFromRollup(
    filter: Condition,
    inView: Condition,
    view: MapView,
    longitudes: ViewLongitudes,
  ): Promise<ViewCell[]> {
    const edges = {
      south: view.south,
      north: view.north,
      west: longitudes?.west ?? 0,
      east: longitudes?.east ?? 0,
    };
    // Each test with its values, in the order its SQL asks for them.
    const test = (kind: 'touching' | 'inside'): Condition => {
      const values: number[] = [];
      const sql = boxTest(kind, longitudes, (edge) => {
        values.push(edges[edge]);
        return '?';
      });
      return { sql, values };
    };
    const touching = test('touching');
    const inside = test('inside');
    const cut = (
      await this.rows(
        `SELECT DISTINCT cell FROM cell_counts
         WHERE ${filter.sql} AND ${touching.sql} AND NOT (${inside.sql})`,
        [...filter.values, ...touching.values, ...inside.values],
      )
    ).map((row) => rowNumber(row.cell));
    const counts = (
      await this.rows(
        `SELECT ${firstFineCellSql('cell', view.zoom, (a, b) => `(${a} // ${b})`)} AS first_cell,
                category, sum(n) AS in_cell, sum(longitude_sum) AS longitude_total,
                sum(latitude_sum) AS latitude_total, min(first_ord) AS first, ${boxSql(ROW_CORNERS, 'box')}
         FROM cell_counts
         WHERE ${filter.sql} AND ${inside.sql}
           ${cut.length > 0 ? 'AND cell NOT IN (SELECT unnest(?::BIGINT[]))' : ''}
         GROUP BY first_cell, category`,
        [...filter.values, ...inside.values, ...(cut.length > 0 ? [listValue(cut)] : [])],
      )
    ).map((row) => cellCountOf({ ...row, cell: row.first_cell }));
    if (cut.length > 0) {
      const events = await this.rows(
        `SELECT cell, category, count(*) AS in_cell, sum(longitude) AS longitude_total,
                sum(latitude) AS latitude_total, min(ord) AS first, ${boxSql(EVENT_CORNERS, 'box')}
         FROM events_by_cell
         WHERE cell IN (SELECT unnest(?::BIGINT[])) AND ${inView.sql}
         GROUP BY cell, category`,
        [listValue(cut), ...inView.values],
      );
      counts.push(...events.map(cellCountOf));
    }
    return viewCells(counts, view.zoom);
  }

  async window(filter: EventFilter, request: WindowRequest): Promise<WindowAnswer> {
    const scope = await this.scope(filter);
    try {
      return await this.windowIn(scope, request);
    } finally {
      scope.release();
    }
  }

  private async windowIn(
    { table, counted: countedTable, condition: filtered }: Scope,
    request: WindowRequest,
  ): Promise<WindowAnswer> {
    const condition = request.bounds ? withinBounds(filtered, request.bounds) : filtered;
    // Counted by days unless the box needs each event's place.
    const [counted] = await this.rows(
      request.bounds
        ? `SELECT count(*) AS n FROM ${table} WHERE ${condition.sql}`
        : `SELECT coalesce(sum(n), 0) AS n FROM ${countedTable} WHERE ${condition.sql}`,
      condition.values,
    );
    const total = rowNumber(counted?.n);
    let offset: number;
    let position: number | null | undefined;
    if ('around' in request) {
      // Its place in the filtered chronology: the events before it that pass the filter. The
      // event is found by its id first, so that the count reads a plain range of `ord`.
      const ord = await this.ordOf(request.around);
      const [target] =
        ord === null
          ? []
          : await this.rows(
              `SELECT count(*) AS n FROM ${table} WHERE ord = ? AND ${condition.sql}`,
              [ord, ...condition.values],
            );
      if (ord === null || rowNumber(target?.n) === 0) {
        position = null;
      } else {
        const [before] = await this.rows(
          `SELECT count(*) AS n FROM ${table} WHERE ord < ? AND ${condition.sql}`,
          [ord, ...condition.values],
        );
        position = rowNumber(before?.n);
      }
      offset = Math.max(0, (position ?? 0) - Math.floor(request.limit / 2));
    } else {
      offset = request.offset;
    }
    // The window's first and last places in `ord`: without a filter they are the offsets
    // themselves; with one, only the passing ords are sorted, not whole rows. The window is then
    // the passing events between them, a range of the stored order.
    let range: { first: number; last: number } | null;
    if (table === 'events' && condition.sql === 'TRUE') {
      range = offset < total ? { first: offset, last: offset + request.limit - 1 } : null;
    } else {
      const [bounds] = await this.rows(
        `SELECT min(ord) AS first, max(ord) AS last
         FROM (SELECT ord FROM ${table} WHERE ${condition.sql} ORDER BY ord LIMIT ? OFFSET ?)`,
        [...condition.values, request.limit, offset],
      );
      range =
        bounds?.first === null || bounds?.first === undefined
          ? null
          : { first: rowNumber(bounds.first), last: rowNumber(bounds.last) };
    }
    const rows =
      range === null
        ? []
        : await this.rows(
            // A range of the stored order, read from the events themselves; under a search, the
            // hits in that range say which.
            `SELECT ${this.reading.columns} FROM events WHERE ord BETWEEN ? AND ? AND ${
              table === 'events'
                ? condition.sql
                : `ord IN (SELECT ord FROM ${table} WHERE ord BETWEEN ? AND ? AND ${condition.sql})`
            } ORDER BY ord`,
            table === 'events'
              ? [range.first, range.last, ...condition.values]
              : [range.first, range.last, range.first, range.last, ...condition.values],
          );
    return {
      total,
      offset,
      events: rows.map(this.reading.eventOf),
      ...(position !== undefined ? { position } : {}),
    };
  }

  /**
   * An event's place in the chronology, from its id: `id_lookup` is sorted by the id's hash, so
   * the hash finds its one row group, as an index would, without an index's memory.
   */
  private async ordOf(id: string): Promise<number | null> {
    const [hashed] = await this.rows('SELECT hash(?::VARCHAR)::VARCHAR AS h', [id]);
    // The hash goes into the SQL as a literal: a parameter is not known when DuckDB plans which
    // row groups to read, so it read them all. It is DuckDB's own number, checked to be digits;
    // the id, the request's, stays a parameter.
    const hash = String(hashed?.h ?? '');
    if (!/^\d{1,20}$/.test(hash)) return null;
    const [found] = await this.rows(
      `SELECT ord FROM id_lookup WHERE h = ${hash}::UBIGINT AND id = ?`,
      [id],
    );
    return found === undefined ? null : rowNumber(found.ord);
  }

  async event(id: string): Promise<DatasetEvent | null> {
    const ord = await this.ordOf(id);
    if (ord === null) return null;
    const [row] = await this.rows(`SELECT ${this.reading.columns} FROM events WHERE ord = ?`, [
      ord,
    ]);
    return row ? this.reading.eventOf(row) : null;
  }

  async closest(id: string): Promise<DatasetEvent[]> {
    const wanted = [...words(id)];
    if (wanted.length === 0) return [];
    // Every event the app's ranking could score: one of its words starts as a wanted word does (an
    // equal word, one that starts with it, or one it starts with, of two letters or more).
    const prefixes = [...new Set(wanted.map((word) => ` ${word.slice(0, 2)}`))];
    // Ranked on ids and titles alone; only the winners' whole records are read and parsed.
    const candidates = await this.rows(
      `SELECT ord, id, title FROM events WHERE ${prefixes.map(() => `contains(${this.reading.slugWords}, ?)`).join(' OR ')}`,
      prefixes,
    );
    const winners = closestEvents(
      id,
      candidates.map((row) => ({
        ord: rowNumber(row.ord),
        id: String(row.id),
        title: String(row.title),
      })),
    );
    if (winners.length === 0) return [];
    const bodies = await this.rows(
      `SELECT ord, ${this.reading.columns} FROM events WHERE list_contains(?, ord)`,
      [listValue(winners.map((winner) => winner.ord))],
    );
    const byOrd = new Map(bodies.map((row) => [rowNumber(row.ord), this.reading.eventOf(row)]));
    return winners.flatMap((winner) => byOrd.get(winner.ord) ?? []);
  }

  async exportShape(filter: EventFilter): Promise<{ withStory: boolean; languages: string[] }> {
    const condition = filterCondition(filter);
    const [story] = await this.rows(
      `SELECT bool_or(has_story) AS with_story FROM events WHERE ${condition.sql}`,
      condition.values,
    );
    // The languages in the order an export meets them, as the browser's export orders its columns.
    // Each distinct set once, in the order of its first event: the same order as reading every row.
    const rows = await this.rows(
      `SELECT languages, min(ord) AS first FROM events WHERE languages <> '' AND ${condition.sql} GROUP BY languages ORDER BY first`,
      condition.values,
    );
    const languages = new Set<string>();
    for (const row of rows)
      for (const language of String(row.languages).split(',')) languages.add(language);
    return { withStory: story?.with_story === true, languages: [...languages] };
  }

  async *exportPages(filter: EventFilter): AsyncIterable<DatasetEvent[]> {
    const condition = filterCondition(filter);
    // Page by page after the last event sent: no OFFSET to count again on every page.
    let after = -1;
    for (;;) {
      const rows = await this.rows(
        `SELECT ord, ${this.reading.columns} FROM events WHERE ord > ? AND ${condition.sql} ORDER BY ord LIMIT ${EXPORT_PAGE}`,
        [after, ...condition.values],
      );
      if (rows.length === 0) return;
      after = rowNumber(rows[rows.length - 1]?.ord);
      yield rows.map(this.reading.eventOf);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
  }
}
