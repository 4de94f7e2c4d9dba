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
import type { Dataset, DatasetEvent } from '../data/model/schema.ts';
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
  WindowAnswer,
  WindowRequest,
} from './engine.ts';
import {
  BOUNDS_OF_COUNTS,
  BOUNDS_OF_EVENTS,
  clusterCell,
  describedFrom,
  frameFrom,
  rowNumber,
} from './engine.ts';
import { BadRequest, boundsTest, LIMITS, type MapView } from './view-query.ts';
import { SearchHits, worthKeeping } from './search-hits.ts';

/** The first issues a description lists in full: the rest are counted. */
const ISSUE_EXAMPLES = 20;
/** A cluster's cell on the map, in screen pixels at the view's zoom (256-pixel tiles). */
const CELL_PIXELS = 64;
/** Events read for a streamed export at a time. */
const EXPORT_PAGE = 2_000;
/** Clusters in one answer, at most: a view at a sane zoom has far fewer cells. */
const MAX_CLUSTERS = 4_000;
/** The latitude Web Mercator stops at: events beyond are drawn at its edge, as the browser does. */
const MAX_LATITUDE = 85.0511287798;
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

  private constructor(
    private readonly options: ClickHouseOptions,
    private readonly dataset: Omit<Dataset, 'events'>,
  ) {
    this.url = options.urls[0] ?? '';
    this.table = options.table;
    // A name of this server's own: two servers on one cluster never drop each other's searches.
    const server = Math.random().toString(36).slice(2, 8);
    this.searches = new SearchHits(
      { make: (hits, terms) => this.makeHits(hits, terms), drop: (hits) => this.dropHits(hits) },
      `${options.table}_hits_${server}`,
    );
  }

  /**
   * Creates `<table>_local` on every shard and the Distributed `<table>` over them (dropping any
   * earlier ones), then sends the dataset's events in batches.
   */
  static async load(dataset: Dataset, options: ClickHouseOptions): Promise<ClickHouseEngine> {
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
  static connect(dataset: Omit<Dataset, 'events'>, options: ClickHouseOptions): ClickHouseEngine {
    if (options.urls.length === 0) throw new Error('ClickHouse: at least one --url is needed');
    for (const url of options.urls) {
      if (!/^https?:\/\//.test(url))
        throw new Error(`ClickHouse: "${url}" is not an http(s) address`);
    }
    if (!IDENTIFIER.test(options.table))
      throw new Error(`ClickHouse: the table "${options.table}" must be letters, digits and _`);
    if (!IDENTIFIER.test(options.cluster))
      throw new Error(`ClickHouse: the cluster "${options.cluster}" must be letters, digits and _`);
    const { metadata, issues, recordCount } = dataset;
    return new ClickHouseEngine(options, { metadata, issues, recordCount });
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
        await this.send(url, `DROP TABLE IF EXISTS ${name}`);
    }
    for (const url of urls) {
      await this.send(url, `DROP TABLE IF EXISTS ${table}`);
      await this.send(url, `DROP TABLE IF EXISTS ${table}_local`);
      await this.send(
        url,
        `CREATE TABLE ${table}_local (
           ord UInt32, id String, category String, longitude Float64, latitude Float64,
           start_day Int32, end_day Int32, title String, search String, slug_words String,
           languages String, has_story UInt8, body String,
           mercator_y Float64 MATERIALIZED (1 - log(tan((least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}) * pi() / 180) AS phi) + 1 / cos(phi)) / pi()) / 2
         ) ENGINE = MergeTree() ORDER BY ord`,
      );
      await this.send(
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
   * count or the description without a search reads a few thousand counts, not every event. Made
   * once the events are in (by `load`, or by the bench's generator).
   */
  async countDays(): Promise<void> {
    const { table, cluster, urls } = this.options;
    await Promise.all(
      urls.map(async (url) => {
        await this.request(url, `DROP TABLE IF EXISTS ${table}_days`);
        await this.request(url, `DROP TABLE IF EXISTS ${table}_days_local`);
        await this.request(
          url,
          `CREATE TABLE ${table}_days_local ENGINE = MergeTree() ORDER BY (start_day, end_day, category) AS
           SELECT start_day, end_day, category, count() AS n, ${BOUNDS_OF_EVENTS} FROM ${table}_local
           GROUP BY start_day, end_day, category`,
        );
        await this.request(
          url,
          `CREATE TABLE ${table}_days AS ${table}_days_local ENGINE = Distributed(${cluster}, currentDatabase(), ${table}_days_local, rand())`,
        );
      }),
    );
  }

  /** Rows in JSONEachRow into one shard's local table. */
  async insert(url: string, rows: string): Promise<void> {
    const query = `INSERT INTO ${this.table}_local FORMAT JSONEachRow`;
    const response = await fetch(`${url}/?${new URLSearchParams({ query })}`, {
      method: 'POST',
      body: rows,
    });
    if (!response.ok) throw new Error(`ClickHouse: ${(await response.text()).trim()}`);
  }

  /** A statement without values or answer rows (tables). */
  async send(url: string, sql: string): Promise<void> {
    const response = await fetch(`${url}/`, { method: 'POST', body: sql });
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
      const row = Object.fromEntries(names.map((name) => [name, params[name]?.value]));
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
      return true;
    } catch (error) {
      // Nothing half made is left behind.
      this.dropHits(hits).catch(() => undefined);
      throw error;
    }
  }

  /** Every server's part dropped, whichever fails: one shard's failure leaves no other's table. */
  private async dropHits(hits: string): Promise<void> {
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
      `SELECT category AS name, sum(n) AS count FROM ${this.table}_days GROUP BY category ORDER BY count DESC, name`,
    );
    const { metadata, recordCount, issues } = this.dataset;
    return describedFrom(summary, categories, {
      metadata,
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
    return this.over(filter, (source) => this.clustersOf(source, view));
  }

  private async clustersOf({ table, condition }: Source, view: MapView): Promise<ClustersAnswer> {
    // Cells across the world at this zoom, written into the SQL: 18.16 loses a subquery's value
    // in a Distributed GROUP BY key. The zoom is a whole number from 0 to 22 (view-query.ts), so
    // this is a whole number too, checked again here.
    const cells = (256 * 2 ** view.zoom) / CELL_PIXELS;
    if (!Number.isSafeInteger(cells))
      throw new BadRequest('zoom', 'the zoom must be a whole number');
    // Longitudes past ±180 wrap, and a west beyond the east crosses the antimeridian: either way
    // the view is one or two ranges of real longitudes.
    const west = ((((view.west + 180) % 360) + 360) % 360) - 180;
    const width = Math.min(
      360,
      view.east >= view.west ? view.east - view.west : view.east - view.west + 360,
    );
    const east = west + width;
    const longitudeSql =
      width >= 360
        ? '1'
        : east <= 180
          ? 'longitude >= (SELECT west FROM p) AND longitude <= (SELECT east FROM p)'
          : '(longitude >= (SELECT west FROM p) OR longitude <= (SELECT east FROM p))';
    const params: Params = {
      ...condition.params,
      south: { type: 'Float64', value: view.south },
      north: { type: 'Float64', value: view.north },
      west: { type: 'Float64', value: west },
      east: { type: 'Float64', value: east <= 180 ? east : east - 360 },
    };
    // Latitudes beyond Web Mercator's are drawn at its edge, as the browser's clustering does.
    const rows = await this.rows(
      // Counted by cell and category first, then by cell: 18.16's sumMap takes no String keys.
      `SELECT sum(in_category) AS n, sum(longitude_sum) / n AS mean_longitude,
              sum(latitude_sum) / n AS mean_latitude,
              groupArray(category) AS names, groupArray(in_category) AS counts,
              min(category_ord) AS first_ord
       FROM (
         -- Grouped straight from the Distributed table, so each shard counts its own part: a
         -- subquery in between would bring every event in sight to this server first.
         SELECT floor((longitude + 180) / 360 * ${cells}) AS cell_x,
                floor(mercator_y * ${cells}) AS cell_y,
                category, count() AS in_category,
                sum(longitude) AS longitude_sum, sum(latitude) AS latitude_sum,
                min(ord) AS category_ord
         FROM ${table}
         WHERE (least(greatest(latitude, -${MAX_LATITUDE}), ${MAX_LATITUDE}) AS clamped) >= (SELECT south FROM p)
           AND clamped <= (SELECT north FROM p)
           AND ${longitudeSql} AND ${condition.sql}
         GROUP BY cell_x, cell_y, category)
       GROUP BY cell_x, cell_y
       ORDER BY n DESC
       LIMIT ${MAX_CLUSTERS + 1}`,
      params,
    );
    if (rows.length > MAX_CLUSTERS) {
      throw new BadRequest('zoom', `more than ${MAX_CLUSTERS} clusters in this view: zoom out`);
    }
    // A lone event's id and title only for the cells that hold one: reading them for every event
    // in sight took most of the time at 10 million events.
    const lone = rows
      .filter((row) => rowNumber(row.n) === 1)
      .map((row) => rowNumber(row.first_ord));
    const named = new Map<number, Record<string, unknown>>();
    if (lone.length > 0) {
      const events = await this.rows(
        `SELECT ord, id, title, category FROM ${this.table} WHERE ord IN (SELECT arrayJoin(ords) FROM p)`,
        { ords: { type: 'Array(UInt32)', value: lone } },
      );
      for (const event of events) named.set(rowNumber(event.ord), event);
    }
    let total = 0;
    const clusters = rows.map((row) => {
      const count = rowNumber(row.n);
      const event = named.get(rowNumber(row.first_ord));
      total += count;
      const names = row.names as string[];
      const counts = row.counts as number[];
      return clusterCell(
        { longitude: row.mean_longitude, latitude: row.mean_latitude },
        count,
        Object.fromEntries(names.map((name, index) => [name, rowNumber(counts[index])])),
        event,
      );
    });
    return { clusters, total };
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
