/**
 * The data server's engine for many machines: ClickHouse, over its HTTP interface, with the events
 * in a MergeTree table on every shard and a Distributed table over them. It answers exactly as
 * the DuckDB engine (duckdb-engine.ts) does, and keeps to SQL that ClickHouse 18.16 (Debian's
 * package) and current releases both run: no query parameters, so every value from a request
 * travels as external data (a one-row temporary table `p`, sent beside the query) and the SQL
 * reads it with `(SELECT name FROM p)`; no `radians`; only equality joins; days as Int32 day
 * numbers, since its `Date` starts in 1970.
 */
import { formatIsoDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { closestEvents, words } from '../data/query/closest.ts';
import { translationLanguages } from '../data/export/export.ts';
import { eventSearchText } from '../data/query/filter.ts';
import {
  binEnd,
  binIndexOf,
  buildBins,
  chooseBinUnit,
  type BinUnit,
} from '../data/query/histogram.ts';
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
import { BadRequest, boundsTest, LIMITS, type MapView } from './view-query.ts';
import { SearchHits, worthKeeping } from './search-hits.ts';
import { MAX_LATITUDE } from './mercator-sql.ts';
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
  type ViewEdge,
  type ViewLongitudes,
} from './cell-rollup.ts';

/** The first issues a description lists in full: the rest are counted. */
const ISSUE_EXAMPLES = 20;
/** Events read for a streamed export at a time. */
const EXPORT_PAGE = 2_000;
/** Clusters in one answer, at most: a view at a sane zoom has far fewer cells. */
const MAX_CLUSTERS = 4_000;
/**
 * The most events a kept search holds, over every shard: its tables are in the shards' memory
 * (fast to make, as a disk table is not), so six of them stay within a few hundred MB.
 */
const MAX_HITS_KEPT = 3_000_000;
/** Events sent to ClickHouse in one INSERT while loading. */
const INSERT_BATCH = 50_000;

export interface ClickHouseOptions {
  /** HTTP addresses of the shards; the first one answers the queries. */
  urls: string[];
  /** The cluster, as the servers' `remote_servers` name it. */
  cluster: string;
  /** The Distributed table; each shard keeps its part in `<table>_local`. */
  table: string;
  /** The most events a kept search may hold (MAX_HITS_KEPT unless given). */
  maxHitsKept?: number;
  /** The most rows per event the cell rollup may have to be kept (CELL_ROLLUP_SHARE unless given). */
  cellRollupShare?: number;
}

/** A value from a request, with the ClickHouse type it is read as. */
type Param =
  | { type: 'Int32' | 'UInt32' | 'Float64'; value: number }
  | { type: 'String'; value: string }
  | { type: 'Array(String)'; value: string[] }
  | { type: 'Array(UInt32)'; value: number[] };
type Params = Record<string, Param>;

/** A WHERE clause over the events, and the values it reads from `p`. */
interface Condition {
  sql: string;
  params: Params;
}

/**
 * The columns of the events every question but an event's own text reads: what a search's hits
 * keep (search-hits.ts). `mercator_y` is materialized in the events' table, a plain column here.
 */
const HIT_COLUMNS =
  'ord, id, category, longitude, latitude, start_day, end_day, languages, has_story, mercator_y';

/** Where a question reads its events, and the rest of its filter. */
interface Source {
  /** The Distributed table of every event, or of a search's hits. */
  table: string;
  /**
   * The same events counted by first day, last day and category (`<table>_days`), when there is
   * no search; null when the question counts `table`'s rows.
   */
  counted: string | null;
  /** The filter, but for the search words when the table holds the search's hits already. */
  condition: Condition;
  release: () => void;
}

/** The smallest normal double (a subnormal is smaller). */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** Names that go into SQL text (the table and the cluster, from the command line): a plain identifier. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The search words as SQL: one value per word. */
function searchCondition(terms: readonly string[]): Condition {
  const params: Params = {};
  const parts = terms.map((term, index) => {
    params[`term_${index}`] = { type: 'String', value: term };
    return `position(search, (SELECT term_${index} FROM p)) > 0`;
  });
  return { sql: parts.join(' AND '), params };
}

/** The explorer's filter as SQL: the same overlap rule, every search word, the categories. */
function filterCondition(filter: EventFilter): Condition {
  const parts: string[] = [];
  const params: Params = {};
  if (filter.from !== null) {
    parts.push('end_day >= (SELECT from_day FROM p)');
    params.from_day = { type: 'Int32', value: filter.from };
  }
  if (filter.to !== null) {
    parts.push('start_day <= (SELECT to_day FROM p)');
    params.to_day = { type: 'Int32', value: filter.to };
  }
  // One value per word: `position` is a byte search, as DuckDB's `contains` (the search text is
  // normalized already). Not a lambda over an array: 18.16 cannot send one that reads a column
  // through a Distributed table.
  const terms = queryTerms(filter.query);
  if (terms.length > 0) {
    const search = searchCondition(terms);
    parts.push(search.sql);
    Object.assign(params, search.params);
  }
  if (filter.categories.length > 0) {
    parts.push('has((SELECT categories FROM p), category)');
    params.categories = { type: 'Array(String)', value: [...filter.categories] };
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/** The filter, and the events in a box on the map, as the browser's `isInBounds` keeps them. */
function withinBounds(condition: Condition, bounds: Omit<MapView, 'zoom'>): Condition {
  const { south, north, longitudes } = boundsTest(bounds);
  const parts = [
    condition.sql,
    'latitude >= (SELECT b_south FROM p) AND latitude <= (SELECT b_north FROM p)',
  ];
  const params: Params = {
    ...condition.params,
    b_south: { type: 'Float64', value: south },
    b_north: { type: 'Float64', value: north },
  };
  if (longitudes !== null) {
    const longitude = 'if(longitude = 180, -180, longitude)';
    parts.push(
      longitudes.west <= longitudes.east
        ? `${longitude} >= (SELECT b_west FROM p) AND ${longitude} <= (SELECT b_east FROM p)`
        : `(${longitude} >= (SELECT b_west FROM p) OR ${longitude} <= (SELECT b_east FROM p))`,
    );
    params.b_west = { type: 'Float64', value: longitudes.west };
    params.b_east = { type: 'Float64', value: longitudes.east };
  }
  return { sql: parts.join(' AND '), params };
}

/** One event as a row of the table, in JSONEachRow. */
function eventRow(event: DatasetEvent, ord: number): string {
  return JSON.stringify({
    ord,
    id: event.id,
    category: event.category,
    longitude: event.longitude,
    latitude: event.latitude,
    start_day: event.date.start,
    end_day: event.date.end,
    title: event.title,
    search: eventSearchText(event),
    slug_words: ` ${[...words(event.id), ...words(event.title)].join(' ')} `,
    languages: translationLanguages([event]).join(','),
    has_story: event.story !== undefined ? 1 : 0,
    body: JSON.stringify(event),
  });
}

export class ClickHouseEngine implements QueryEngine {
  private readonly url: string;
  private readonly table: string;
  private readonly searches: SearchHits;
  /** Whether `<table>_cells` holds the cell rollup (made by countDays when it pays). */
  private cellRollup = false;
  /**
   * The most days between an event's first and last, when `<table>_by_day` holds the events'
   * places in the order of their first days (made by countDays); null when it does not.
   */
  private longestSpan: number | null = null;

  /** How many hits each kept search's tables were made with (holdsHits). */
  private readonly hitCounts = new Map<string, number>();

  private constructor(
    private readonly options: ClickHouseOptions,
    private readonly dataset: Omit<ServedDataset, 'events'>,
  ) {
    this.url = options.urls[0] ?? '';
    this.table = options.table;
    // A name of this server's own: two servers on one cluster never drop each other's searches.
    const server = Math.random().toString(36).slice(2, 8);
    this.searches = new SearchHits(
      {
        make: (hits, terms) => this.makeHits(hits, terms),
        drop: (hits) => this.dropHits(hits),
        held: (hits) => this.holdsHits(hits),
      },
      `${options.table}_hits_${server}`,
    );
  }

  /**
   * Creates `<table>_local` on every shard and the Distributed `<table>` over them (dropping any
   * earlier ones), then sends the dataset's events in batches.
   */
  static async load(dataset: ServedDataset, options: ClickHouseOptions): Promise<ClickHouseEngine> {
    const engine = ClickHouseEngine.connect(dataset, options);
    await engine.createTables();
    // Each shard's part straight into its local table, event by event in turn: the local table
    // computes its materialized column itself, which an insert through the Distributed one refuses.
    const shards = options.urls.length;
    for (let first = 0; first < dataset.events.length; first += INSERT_BATCH) {
      const parts: string[][] = options.urls.map(() => []);
      dataset.events.slice(first, first + INSERT_BATCH).forEach((event, index) => {
        parts[(first + index) % shards]?.push(eventRow(event, first + index));
      });
      for (const [shard, rows] of parts.entries()) {
        if (rows.length > 0) await engine.insert(options.urls[shard] ?? '', `${rows.join('\n')}\n`);
      }
    }
    await engine.countDays();
    return engine;
  }

  /** An engine over tables already loaded (by `load`, or by the bench's generator). */
  static connect(
    dataset: Omit<ServedDataset, 'events'>,
    options: ClickHouseOptions,
  ): ClickHouseEngine {
    if (options.urls.length === 0) throw new Error('ClickHouse: at least one --url is needed');
    for (const url of options.urls) {
      if (!/^https?:\/\//.test(url))
        throw new Error(`ClickHouse: "${url}" is not an http(s) address`);
    }
    if (!IDENTIFIER.test(options.table))
      throw new Error(`ClickHouse: the table "${options.table}" must be letters, digits and _`);
    if (!IDENTIFIER.test(options.cluster))
      throw new Error(`ClickHouse: the cluster "${options.cluster}" must be letters, digits and _`);
    const { metadata, issues, recordCount, categoryColumn = null, columns = null } = dataset;
    return new ClickHouseEngine(options, {
      metadata,
      issues,
      recordCount,
      categoryColumn,
      columns,
    });
  }

  /**
   * Fresh tables: the same local table on every shard, the Distributed one on every shard too.
   * Searches kept over the table's earlier events (by a server that stopped without dropping
   * them) are dropped: they hold events that are no longer there.
   */
  async createTables(): Promise<void> {
    const { table, cluster, urls } = this.options;
    const prefix = `${table}_hits_`;
    for (const url of urls) {
      const stale = await this.request(
        url,
        // substring, not startsWith or LIKE: 18.16 has no startsWith, and _ is a LIKE wildcard.
        `SELECT name FROM system.tables WHERE database = currentDatabase()
         AND substring(name, 1, ${prefix.length}) = '${prefix}' FORMAT TSV`,
      );
      for (const name of stale.split('\n').filter((line) => IDENTIFIER.test(line)))
        await this.request(url, `DROP TABLE IF EXISTS ${name}`);
    }
    // The counts and copies made from the earlier events go with them (countDays makes them
    // again), so that a load failing half-way leaves nothing that says otherwise.
    this.cellRollup = false;
    this.longestSpan = null;
    for (const url of urls) {
      for (const made of ['', '_days', '_cells', '_by_cell', '_by_day']) {
        await this.request(url, `DROP TABLE IF EXISTS ${table}${made}`);
        await this.request(url, `DROP TABLE IF EXISTS ${table}${made}_local`);
      }
      await this.request(
        url,
        `CREATE TABLE ${table}_local (
           ord UInt32, id String, category String, longitude Float64, latitude Float64,
           start_day Int32, end_day Int32, title String, search String, slug_words String,
           languages String, has_story UInt8, body String,
           mercator_y Float64 MATERIALIZED (1 - log(tan((least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}) * pi() / 180) AS phi) + 1 / cos(phi)) / pi()) / 2,
           fine_cell UInt32 MATERIALIZED toUInt32(${FINE_CELL_ARITHMETIC})
         ) ENGINE = MergeTree() ORDER BY ord`,
      );
      await this.request(
        url,
        // Each event's Web Mercator y, worked out once as it is stored, as the browser's clustering
        // does once per dataset: the clusters' query then does no trigonometry.
        `CREATE TABLE ${table} AS ${table}_local ENGINE = Distributed(${cluster}, currentDatabase(), ${table}_local, rand())`,
      );
    }
  }

  /**
   * Every shard's events counted by first day, last day and category (`<table>_days_local`), and
   * the Distributed `<table>_days` over them, as DuckDB's `day_counts`: a histogram, a category
   * count or the description without a search reads a few thousand counts, not every event. Then
   * the same by fine cell of the map too (`<table>_cells_local`, cell-rollup.ts), kept when it
   * has at most CELL_ROLLUP_SHARE rows per event: the clusters of a view without a search read
   * it. Made once the events are in (by `load`, or by the bench's generator), before any question:
   * the tables are made again in place, so a question asked meanwhile could read them half made.
   */
  async countDays(): Promise<void> {
    const { table, cluster, urls, cellRollupShare = CELL_ROLLUP_SHARE } = this.options;
    this.cellRollup = false;
    this.longestSpan = null;
    const counted = {
      days: `SELECT start_day, end_day, category, count() AS n, min(ord) AS first_ord,
                    ${BOUNDS_OF_EVENTS} FROM ${table}_local
             GROUP BY start_day, end_day, category`,
      cells: `SELECT fine_cell AS cell, category, count() AS n,
                     sum(longitude) AS longitude_sum, sum(latitude) AS latitude_sum,
                     min(ord) AS first_ord, ${BOUNDS_OF_EVENTS}
              FROM ${table}_local GROUP BY cell, category`,
    };
    const order = {
      days: 'start_day, end_day, category',
      cells: 'cell, category',
    };
    await Promise.all(
      urls.map(async (url) => {
        for (const kind of ['days', 'cells'] as const) {
          await this.request(url, `DROP TABLE IF EXISTS ${table}_${kind}`);
          await this.request(url, `DROP TABLE IF EXISTS ${table}_${kind}_local`);
          await this.request(
            url,
            `CREATE TABLE ${table}_${kind}_local ENGINE = MergeTree() ORDER BY (${order[kind]}) AS ${counted[kind]}`,
          );
          await this.request(
            url,
            `CREATE TABLE ${table}_${kind} AS ${table}_${kind}_local ENGINE = Distributed(${cluster}, currentDatabase(), ${table}_${kind}_local, rand())`,
          );
        }
      }),
    );
    const [sizes] = await this.rows(
      `SELECT (SELECT count() FROM ${table}_cells) AS cells, (SELECT count() FROM ${table}) AS events`,
    );
    const kept = rowNumber(sizes?.cells) <= rowNumber(sizes?.events) * cellRollupShare;
    await Promise.all(
      urls.map(async (url) => {
        for (const name of [`${table}_by_cell`, `${table}_by_cell_local`])
          await this.request(url, `DROP TABLE IF EXISTS ${name}`);
        if (!kept) {
          for (const name of [`${table}_cells`, `${table}_cells_local`])
            await this.request(url, `DROP TABLE IF EXISTS ${name}`);
          return;
        }
        // The events' places again, in the order of their fine cells: the events of the few
        // cells a view's edge cuts are then read by the primary key, not by a scan.
        await this.request(
          url,
          `CREATE TABLE ${table}_by_cell_local ENGINE = MergeTree() ORDER BY fine_cell AS
           SELECT fine_cell, category, longitude, latitude, ord FROM ${table}_local`,
        );
        await this.request(
          url,
          `CREATE TABLE ${table}_by_cell AS ${table}_by_cell_local ENGINE = Distributed(${cluster}, currentDatabase(), ${table}_by_cell_local, rand())`,
        );
      }),
    );
    this.cellRollup = kept;
    await Promise.all(
      urls.map(async (url) => {
        for (const name of [`${table}_by_day`, `${table}_by_day_local`])
          await this.request(url, `DROP TABLE IF EXISTS ${name}`);
        // The events' places again, in the order of their first days: the clusters of a view
        // with a date range and no search then read the days the range can reach, by the
        // primary key, not every event.
        await this.request(
          url,
          `CREATE TABLE ${table}_by_day_local ENGINE = MergeTree() ORDER BY start_day AS
           SELECT start_day, end_day, category, longitude, latitude, mercator_y, ord FROM ${table}_local`,
        );
        await this.request(
          url,
          `CREATE TABLE ${table}_by_day AS ${table}_by_day_local ENGINE = Distributed(${cluster}, currentDatabase(), ${table}_by_day_local, rand())`,
        );
      }),
    );
    const [span] = await this.rows(`SELECT max(end_day - start_day) AS longest FROM ${table}_days`);
    this.longestSpan = rowNumber(span?.longest);
  }

  /** Rows in JSONEachRow into one shard's local table. */
  private async insert(url: string, rows: string): Promise<void> {
    const query = `INSERT INTO ${this.table}_local FORMAT JSONEachRow`;
    const response = await fetch(`${url}/?${new URLSearchParams({ query })}`, {
      method: 'POST',
      body: rows,
    });
    if (!response.ok) throw new Error(`ClickHouse: ${(await response.text()).trim()}`);
  }

  /** A query's rows; `params` go as the one-row external table `p`, never into the SQL text. */
  private async rows(sql: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    const text = await this.request(this.url, `${sql} FORMAT JSONEachRow`, params);
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** A statement to one server, with `params` as the external table `p`; its answer's text. */
  private async request(url: string, sql: string, params: Params = {}): Promise<string> {
    const search = new URLSearchParams({
      query: sql,
      output_format_json_quote_64bit_integers: '0',
    });
    let body: FormData | undefined;
    const names = Object.keys(params);
    if (names.length > 0) {
      search.set('p_structure', names.map((name) => `${name} ${params[name]?.type}`).join(', '));
      search.set('p_format', 'JSONEachRow');
      const row = Object.fromEntries(
        names.map((name) => {
          const param = params[name];
          // A subnormal number (below 2.2e-308) is written into the query a Distributed table
          // sends its shards, where 18.16 cannot read it back: it is as good as zero.
          return [
            name,
            param?.type === 'Float64' && Math.abs(param.value) < SMALLEST_NORMAL ? 0 : param?.value,
          ];
        }),
      );
      body = new FormData();
      body.append('p', new Blob([`${JSON.stringify(row)}\n`]), 'p.json');
    }
    const response = await fetch(`${url}/?${search}`, { method: 'POST', body });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text.trim()}`);
    return text;
  }

  /**
   * A search's hits: on every shard, its events holding every term, copied from its part of the
   * events into `<hits>_local` (in memory); then the Distributed `<hits>` over them on the server
   * that answers. Each shard matches its own part, as a question with the search would. A shard
   * stops copying past MAX_HITS_KEPT: such a search is not kept.
   */
  private async makeHits(hits: string, terms: readonly string[]): Promise<boolean> {
    const { urls, cluster, table, maxHitsKept: most = MAX_HITS_KEPT } = this.options;
    if (!Number.isSafeInteger(most) || most < 0)
      throw new Error('ClickHouse: the most hits kept must be a whole number');
    const search = searchCondition(terms);
    try {
      // Every shard at once: each scans its own part, as a question through the Distributed
      // table would have them do.
      const settled = await Promise.allSettled(
        urls.map(async (url) => {
          await this.request(url, `DROP TABLE IF EXISTS ${hits}_local`);
          await this.request(
            url,
            `CREATE TABLE ${hits}_local ENGINE = Memory AS
             SELECT ${HIT_COLUMNS} FROM ${table}_local WHERE ${search.sql} LIMIT ${most + 1}`,
            search.params,
          );
          return Number(await this.request(url, `SELECT count() FROM ${hits}_local`));
        }),
      );
      // Every shard done before any failure is acted on: dropping while another shard is still
      // creating would leave its table behind.
      let found = 0;
      for (const result of settled) {
        if (result.status === 'rejected') throw result.reason;
        found += result.value;
      }
      const events = Number(await this.request(this.url, `SELECT count() FROM ${table}`));
      if (found > most || !worthKeeping(found, events)) {
        this.dropHits(hits).catch(() => undefined);
        return false;
      }
      await this.request(
        this.url,
        `CREATE TABLE ${hits} AS ${hits}_local ENGINE = Distributed(${cluster}, currentDatabase(), ${hits}_local, rand())`,
      );
      this.hitCounts.set(hits, found);
      return true;
    } catch (error) {
      // Nothing half made is left behind.
      this.dropHits(hits).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Whether a search's hits are all still there: its tables are in memory, and a shard whose
   * server restarts brings its part back empty, which would answer the search with fewer events.
   */
  private async holdsHits(hits: string): Promise<boolean> {
    const found = Number(await this.request(this.url, `SELECT count() FROM ${hits}`));
    return found === this.hitCounts.get(hits);
  }

  /** Every server's part dropped, whichever fails: one shard's failure leaves no other's table. */
  private async dropHits(hits: string): Promise<void> {
    this.hitCounts.delete(hits);
    const results = await Promise.allSettled([
      this.request(this.url, `DROP TABLE IF EXISTS ${hits}`),
      ...this.options.urls.map((url) => this.request(url, `DROP TABLE IF EXISTS ${hits}_local`)),
    ]);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  }

  /** Every event, or the hits of the filter's search, kept while the search is in use. */
  private async source(filter: EventFilter): Promise<Source> {
    const everything = {
      table: this.table,
      counted: null,
      condition: filterCondition(filter),
      release: () => undefined,
    };
    const terms = queryTerms(filter.query);
    if (terms.length === 0) return { ...everything, counted: `${this.table}_days` };
    const kept = await this.searches.scope(terms);
    if (kept === null) return everything;
    return {
      table: kept.hits,
      counted: null,
      condition: filterCondition({ ...filter, query: '' }),
      release: kept.release,
    };
  }

  /** `answer` over the filter's source, released once it is answered. */
  private async over<T>(filter: EventFilter, answer: (source: Source) => Promise<T>): Promise<T> {
    const source = await this.source(filter);
    try {
      return await answer(source);
    } finally {
      source.release();
    }
  }

  async describe(): Promise<DatasetDescription> {
    const [summary] = await this.rows(
      `SELECT sum(n) AS n, min(start_day) AS first, max(end_day) AS last FROM ${this.table}_days`,
    );
    const categories = await this.rows(
      // Ties in the chronology's order (the rows' first `ord`), as DuckDB's describe.
      `SELECT category AS name, sum(n) AS count, min(first_ord) AS first FROM ${this.table}_days
       GROUP BY category ORDER BY count DESC, first`,
    );
    const { metadata, recordCount, issues, categoryColumn = null, columns = null } = this.dataset;
    return describedFrom(summary, categories, {
      metadata,
      categoryColumn,
      columns,
      recordCount,
      issues: { count: issues.length, examples: issues.slice(0, ISSUE_EXAMPLES) },
    });
  }

  async categoryCounts(filter: EventFilter): Promise<CategoryCountsAnswer> {
    return this.over(filter, (source) => this.categoryCountsOf(source));
  }

  private async categoryCountsOf({
    table,
    counted,
    condition,
  }: Source): Promise<CategoryCountsAnswer> {
    const rows = await this.rows(
      `SELECT category AS name, ${counted ? 'sum(n)' : 'count()'} AS n FROM ${counted ?? table} WHERE ${condition.sql}
       GROUP BY category ORDER BY n DESC, name`,
      condition.params,
    );
    const categories = rows.map((row) => ({ name: String(row.name), count: rowNumber(row.n) }));
    return { total: categories.reduce((sum, entry) => sum + entry.count, 0), categories };
  }

  async frame(filter: EventFilter): Promise<FrameAnswer> {
    const [row] = await this.over(filter, ({ table, counted, condition }) =>
      this.rows(
        `SELECT ${counted ? `sum(n) AS n, ${BOUNDS_OF_COUNTS}` : `count() AS n, ${BOUNDS_OF_EVENTS}`}
         FROM ${counted ?? table} WHERE ${condition.sql}`,
        condition.params,
      ),
    );
    return frameFrom(row);
  }

  async histogram(filter: EventFilter, unit: BinUnit | null): Promise<HistogramAnswer> {
    // The events that pass, counted by their first and last day: few rows (days × lengths), which
    // are spread over the bins here, as the browser's binWeights spreads each event.
    const spans = await this.over(filter, ({ table, counted, condition }) =>
      this.rows(
        `SELECT start_day, end_day, ${counted ? 'sum(n)' : 'count()'} AS n FROM ${counted ?? table}
         WHERE ${condition.sql} GROUP BY start_day, end_day`,
        condition.params,
      ),
    );
    let total = 0;
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const span of spans) {
      total += rowNumber(span.n);
      firstDay = Math.min(firstDay, rowNumber(span.start_day));
      lastDay = Math.max(lastDay, rowNumber(span.end_day));
    }
    // The bins cover the filter's range where it has one, else the events that pass it.
    const first = filter.from ?? (total > 0 ? firstDay : null);
    const last = filter.to ?? (total > 0 ? lastDay : null);
    if (first === null || last === null) {
      return { unit: unit ?? 'day', starts: [], end: '', weights: [], total };
    }
    const chosen = unit ?? chooseBinUnit(last - first + 1);
    const bins = buildBins(first, last, chosen);
    if (bins.starts.length > LIMITS.bins) {
      throw new BadRequest(
        'unit',
        `${bins.starts.length} bins of a ${chosen}: at most ${LIMITS.bins}`,
      );
    }
    const weights = new Float64Array(bins.starts.length);
    const binsStart = bins.starts[0] ?? 0;
    for (const span of spans) {
      const start = rowNumber(span.start_day);
      const end = rowNumber(span.end_day);
      const count = rowNumber(span.n);
      if (end < binsStart || start >= bins.end) continue;
      const days = end - start + 1;
      const firstBin = binIndexOf(bins, Math.max(start, binsStart));
      const lastBin = binIndexOf(bins, Math.min(end, bins.end - 1));
      for (let index = firstBin; index <= lastBin; index += 1) {
        const overlap =
          Math.min(end, binEnd(bins, index)) - Math.max(start, bins.starts[index] ?? 0) + 1;
        if (overlap > 0) weights[index] = (weights[index] ?? 0) + (count * overlap) / days;
      }
    }
    return {
      unit: chosen,
      starts: Array.from(bins.starts, formatIsoDay),
      end: formatIsoDay(bins.end),
      weights: Array.from(weights),
      total,
    };
  }

  async clusters(filter: EventFilter, view: MapView): Promise<ClustersAnswer> {
    return this.over(filter, (source) => this.clustersOf(source, filter, view));
  }

  private async clustersOf(
    source: Source,
    filter: EventFilter,
    view: MapView,
  ): Promise<ClustersAnswer> {
    // The zoom is a whole number from 0 to 22 (view-query.ts), checked again here: the cells
    // across the world at that zoom go into the SQL text.
    const cells = (256 * 2 ** view.zoom) / CELL_PIXELS;
    if (!Number.isSafeInteger(cells))
      throw new BadRequest('zoom', 'the zoom must be a whole number');
    const longitudes = viewLongitudes(view);
    const inView: Condition = {
      // Latitudes beyond Web Mercator's are drawn at its edge, as the browser's clustering does.
      sql: `(least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}) AS clamped) >= (SELECT south FROM p)
            AND clamped <= (SELECT north FROM p) AND ${
              longitudes === null
                ? '1'
                : longitudes.acrossAntimeridian
                  ? '(longitude >= (SELECT west FROM p) OR longitude <= (SELECT east FROM p))'
                  : 'longitude >= (SELECT west FROM p) AND longitude <= (SELECT east FROM p)'
            } AND ${source.condition.sql}`,
      params: {
        ...source.condition.params,
        south: { type: 'Float64', value: view.south },
        north: { type: 'Float64', value: view.north },
        west: { type: 'Float64', value: longitudes?.west ?? -180 },
        east: { type: 'Float64', value: longitudes?.east ?? 180 },
      },
    };
    const found =
      this.cellRollup && readsRollup(filter, view)
        ? await this.viewCellsFromRollup(source.condition, inView, view, longitudes)
        : await this.viewCellsOfEvents(...this.eventsByDay(source, filter, inView), cells);
    if (found.length > MAX_CLUSTERS) {
      throw new BadRequest('zoom', `more than ${MAX_CLUSTERS} clusters in this view: zoom out`);
    }
    // A lone event's id and title only for the cells that hold one: reading them for every event
    // in sight took most of the time at 10 million events.
    const lone = found.filter((cell) => cell.count === 1).map((cell) => cell.firstOrd);
    const named = new Map<number, Record<string, unknown>>();
    if (lone.length > 0) {
      const events = await this.rows(
        `SELECT ord, id, title, category FROM ${this.table} WHERE ord IN (SELECT arrayJoin(ords) FROM p)`,
        { ords: { type: 'Array(UInt32)', value: lone } },
      );
      for (const event of events) named.set(rowNumber(event.ord), event);
    }
    let total = 0;
    const clusters = found.map((cell) => {
      total += cell.count;
      return clusterCell(cell, named.get(cell.firstOrd));
    });
    return { clusters, total };
  }

  /**
   * Where the clusters of a view count its events: a view with a date range and no search reads
   * `<table>_by_day`, ordered by first day, from the first day an event still in the range may
   * have (its `from` less the longest span): the primary key skips the rest. Any other view
   * reads its source's events.
   */
  private eventsByDay(
    source: Source,
    filter: EventFilter,
    inView: Condition,
  ): [table: string, inView: Condition] {
    const { longestSpan } = this;
    if (
      source.counted === null ||
      longestSpan === null ||
      (filter.from === null && filter.to === null)
    )
      return [source.table, inView];
    if (filter.from === null) return [`${this.table}_by_day`, inView];
    return [
      `${this.table}_by_day`,
      {
        sql: `start_day >= (SELECT earliest_start FROM p) AND ${inView.sql}`,
        params: {
          ...inView.params,
          earliest_start: { type: 'Int32', value: filter.from - longestSpan },
        },
      },
    ];
  }

  /** The view's clusters counted over its events (`inView`), at most one past MAX_CLUSTERS. */
  private async viewCellsOfEvents(
    table: string,
    inView: Condition,
    cells: number,
  ): Promise<ViewCell[]> {
    const rows = await this.rows(
      // Counted by cell and category first, then by cell: 18.16's sumMap takes no String keys.
      `SELECT sum(in_category) AS n, sum(longitude_sum) / n AS mean_longitude,
              sum(latitude_sum) / n AS mean_latitude,
              groupArray(category) AS names, groupArray(in_category) AS counts,
              min(category_ord) AS first_ord,
              ${boxSql(['part_south', 'part_west', 'part_north', 'part_east'], 'box')}
       FROM (
         -- Grouped straight from the Distributed table, so each shard counts its own part: a
         -- subquery in between would bring every event in sight to this server first. The cells
         -- across the world are written into the SQL: 18.16 loses a subquery's value in a
         -- Distributed GROUP BY key.
         SELECT floor((longitude + 180) / 360 * ${cells}) AS cell_x,
                floor(mercator_y * ${cells}) AS cell_y,
                category, count() AS in_category,
                sum(longitude) AS longitude_sum, sum(latitude) AS latitude_sum,
                min(ord) AS category_ord, ${boxSql(EVENT_CORNERS, 'part')}
         FROM ${table}
         WHERE ${inView.sql}
         GROUP BY cell_x, cell_y, category)
       GROUP BY cell_x, cell_y
       ORDER BY n DESC
       LIMIT ${MAX_CLUSTERS + 1}`,
      inView.params,
    );
    return rows.map((row) => {
      const names = row.names as string[];
      const counts = row.counts as number[];
      return {
        count: rowNumber(row.n),
        longitude: Number(row.mean_longitude),
        latitude: Number(row.mean_latitude),
        categories: Object.fromEntries(
          names.map((name, index) => [name, rowNumber(counts[index])]),
        ),
        firstOrd: rowNumber(row.first_ord),
        box: cornersOf(row, 'box'),
      };
    });
  }

  /**
   * The view's clusters from the cell rollup (cell-rollup.ts), for a filter of categories alone
   * (readsRollup). First the fine cells the view's edge cuts through: those with a row whose box
   * of events touches the view but is not inside it. Then the rows of every other cell inside the
   * view, gathered into the view's cells. Then the events of the cut cells in the view, counted
   * one by one: so each fine cell is counted once, from its rows or from its events.
   */
  private async viewCellsFromRollup(
    filter: Condition,
    inView: Condition,
    view: MapView,
    longitudes: ViewLongitudes,
  ): Promise<ViewCell[]> {
    const { table } = this;
    const parameter = (edge: ViewEdge) => `(SELECT ${edge} FROM p)`;
    const touching = boxTest('touching', longitudes, parameter);
    const inside = boxTest('inside', longitudes, parameter);
    const cut = await this.rows(
      `SELECT DISTINCT cell FROM ${table}_cells
       WHERE ${filter.sql} AND ${touching} AND NOT (${inside})`,
      inView.params,
    );
    const params: Params = {
      ...inView.params,
      cut: { type: 'Array(UInt32)', value: cut.map((row) => rowNumber(row.cell)) },
    };
    // The view's cells, each named by its first fine cell (viewCells finds it again), so that the
    // rows need not come back one per fine cell: a world view touches tens of thousands.
    const counts = (
      await this.rows(
        `SELECT ${firstFineCellSql('cell', view.zoom, (a, b) => `intDiv(${a}, ${b})`)} AS first_cell,
                category, sum(n) AS in_cell, sum(longitude_sum) AS longitude_total,
                sum(latitude_sum) AS latitude_total, min(first_ord) AS first, ${boxSql(ROW_CORNERS, 'box')}
         FROM ${table}_cells
         WHERE ${filter.sql} AND ${inside} AND NOT has((SELECT cut FROM p), cell)
         GROUP BY first_cell, category`,
        params,
      )
    ).map((row) => cellCountOf({ ...row, cell: row.first_cell }));
    if (cut.length > 0) {
      const events = await this.rows(
        `SELECT fine_cell AS cell, category, count() AS in_cell,
                sum(longitude) AS longitude_total, sum(latitude) AS latitude_total, min(ord) AS first,
                ${boxSql(EVENT_CORNERS, 'box')}
         FROM ${table}_by_cell
         WHERE fine_cell IN (SELECT arrayJoin(cut) FROM p) AND ${inView.sql}
         GROUP BY cell, category`,
        params,
      );
      counts.push(...events.map(cellCountOf));
    }
    return viewCells(counts, view.zoom);
  }

  async window(filter: EventFilter, request: WindowRequest): Promise<WindowAnswer> {
    return this.over(filter, (source) => this.windowOf(source, request));
  }

  private async windowOf(
    { table, condition: filtered }: Source,
    request: WindowRequest,
  ): Promise<WindowAnswer> {
    const condition = request.bounds ? withinBounds(filtered, request.bounds) : filtered;
    const [counted] = await this.rows(
      `SELECT count() AS n FROM ${table} WHERE ${condition.sql}`,
      condition.params,
    );
    const total = rowNumber(counted?.n);
    let offset: number;
    let position: number | null | undefined;
    if ('around' in request) {
      // Its place in the filtered chronology: the events before it that pass the filter.
      const [target] = await this.rows(
        `SELECT ord FROM ${table} WHERE id = (SELECT around FROM p) AND ${condition.sql}`,
        { ...condition.params, around: { type: 'String', value: request.around } },
      );
      if (target) {
        const [before] = await this.rows(
          `SELECT count() AS n FROM ${table} WHERE ord < (SELECT target FROM p) AND ${condition.sql}`,
          { ...condition.params, target: { type: 'UInt32', value: rowNumber(target.ord) } },
        );
        position = rowNumber(before?.n);
      } else {
        position = null;
      }
      offset = Math.max(0, (position ?? 0) - Math.floor(request.limit / 2));
    } else {
      offset = request.offset;
    }
    // LIMIT takes no subquery on 18.16: offset and limit are whole numbers that view-query.ts
    // checked (or that were counted above), so they are written into the SQL as numbers.
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(request.limit))
      throw new BadRequest('offset', 'offset and limit must be whole numbers');
    // The window's places first, then only their bodies: sorting the bodies of every passing event
    // would read them all.
    const places = await this.rows(
      `SELECT ord FROM ${table} WHERE ${condition.sql} ORDER BY ord LIMIT ${offset}, ${request.limit}`,
      condition.params,
    );
    return {
      total,
      offset,
      events: await this.bodies(places.map((row) => rowNumber(row.ord))),
      ...(position !== undefined ? { position } : {}),
    };
  }

  /** The events at these places in the chronology, in that order. */
  private async bodies(ords: number[]): Promise<DatasetEvent[]> {
    if (ords.length === 0) return [];
    const rows = await this.rows(
      `SELECT body FROM ${this.table} WHERE ord IN (SELECT arrayJoin(ords) FROM p) ORDER BY ord`,
      { ords: { type: 'Array(UInt32)', value: ords } },
    );
    return rows.map((row) => JSON.parse(String(row.body)) as DatasetEvent);
  }

  async event(id: string): Promise<DatasetEvent | null> {
    const [row] = await this.rows(`SELECT body FROM ${this.table} WHERE id = (SELECT id FROM p)`, {
      id: { type: 'String', value: id },
    });
    return row ? (JSON.parse(String(row.body)) as DatasetEvent) : null;
  }

  async closest(id: string): Promise<DatasetEvent[]> {
    const wanted = [...words(id)];
    if (wanted.length === 0) return [];
    // Every event the app's ranking could score: one of its id's or title's words starts as a
    // wanted word does (an equal word, one that starts with it, or one it starts with).
    const prefixes = [...new Set(wanted.map((word) => ` ${word.slice(0, 2)}`))];
    const params: Params = {};
    prefixes.forEach((prefix, index) => {
      params[`prefix_${index}`] = { type: 'String', value: prefix };
    });
    const rows = await this.rows(
      `SELECT body FROM ${this.table}
       WHERE ${prefixes.map((_prefix, index) => `position(slug_words, (SELECT prefix_${index} FROM p)) > 0`).join(' OR ')}`,
      params,
    );
    return closestEvents(
      id,
      rows.map((row) => JSON.parse(String(row.body)) as DatasetEvent),
    );
  }

  async exportShape(filter: EventFilter): Promise<{ withStory: boolean; languages: string[] }> {
    return this.over(filter, (source) => this.exportShapeOf(source));
  }

  private async exportShapeOf({
    table,
    condition,
  }: Source): Promise<{ withStory: boolean; languages: string[] }> {
    const [story] = await this.rows(
      `SELECT max(has_story) AS with_story FROM ${table} WHERE ${condition.sql}`,
      condition.params,
    );
    // The languages in the order an export meets them, as the browser's export orders its columns:
    // each set of languages by the first event that has it.
    const rows = await this.rows(
      `SELECT languages, min(ord) AS first FROM ${table} WHERE languages != '' AND ${condition.sql}
       GROUP BY languages ORDER BY first`,
      condition.params,
    );
    const languages = new Set<string>();
    for (const row of rows)
      for (const language of String(row.languages).split(',')) languages.add(language);
    return { withStory: rowNumber(story?.with_story) > 0, languages: [...languages] };
  }

  async *exportPages(filter: EventFilter): AsyncIterable<DatasetEvent[]> {
    // The search's hits are held for the whole download: its pages read them one after another.
    const { table, condition, release } = await this.source(filter);
    try {
      // Page by page after the last event sent: no OFFSET to count again on every page; the
      // page's places first, then their bodies, as for a window.
      let after = -1;
      for (;;) {
        const places = await this.rows(
          `SELECT ord FROM ${table} WHERE toInt64(ord) > (SELECT after FROM p) AND ${condition.sql}
           ORDER BY ord LIMIT ${EXPORT_PAGE}`,
          { ...condition.params, after: { type: 'Int32', value: after } },
        );
        if (places.length === 0) return;
        after = rowNumber(places[places.length - 1]?.ord);
        yield await this.bodies(places.map((row) => rowNumber(row.ord)));
      }
    } finally {
      release();
    }
  }

  /** The kept searches' tables dropped; the events' tables stay (HTTP holds no connection). */
  async close(): Promise<void> {
    await this.searches.clear();
  }
}
