/**
 * The events a search finds, kept as tables of their own while the search is in use
 * (docs/server.md, "Searches"). A reader who searches goes on to pan, zoom and brush with the
 * search in force: each of those views asks three questions with the same words. Matching the
 * words means reading every event's text; the matches kept in a table make each later question
 * read only the events found. Each engine makes its own tables (HitTables): DuckDB temporary
 * tables, ClickHouse a table on every shard behind a Distributed one.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { BOUNDS_OF_EVENTS } from './engine.ts';

/** Searches kept at once: a few readers' current ones, without holding many copies of events. */
const KEPT_SEARCHES = 6;

/**
 * A search that finds more than this share of the events is not kept: its table would be most of
 * the events again, and reading it would save little.
 */
const MOST_HITS_KEPT = 0.25;

/** Whether a search finding `hits` of `events` events is worth a table of its own. */
export function worthKeeping(hits: number, events: number): boolean {
  return hits <= MOST_HITS_KEPT * events;
}

/** How an engine makes and drops the tables of one search's hits. */
export interface HitTables {
  /**
   * Makes the tables named after `table` holding the events with every term, and says whether
   * the search is kept: false for a search too broad to keep, whose tables are dropped again.
   * A make that fails leaves nothing behind.
   */
  make(table: string, terms: readonly string[]): Promise<boolean>;
  /** Drops the tables `make` made (those that exist). */
  drop(table: string): Promise<void>;
  /**
   * Whether the tables still hold every hit `make` put in them. ClickHouse keeps them in memory,
   * so a server that restarts brings them back empty. Without it, tables are trusted.
   */
  held?(table: string): Promise<boolean>;
}

/**
 * How long a check that a search's tables are still held (HitTables.held) is trusted: the
 * questions of one view come together and share one check, and a later view checks again.
 */
export const HELD_CHECK_MS = 100;

interface Entry {
  /** Null for a search too broad to keep. */
  table: Promise<string | null>;
  /** Questions reading the table now: it is dropped only when none is. */
  readers: number;
  evicted: boolean;
  /** Dropped by `clear` already: its last reader has nothing left to drop. */
  cleared: boolean;
  /** The last check that the tables are still held, and when it was asked. */
  held: Promise<boolean>;
  heldAt: number;
}

export interface SearchScope {
  /** The table of the events the search finds. */
  hits: string;
  release: () => void;
}

export class SearchHits {
  private readonly entries = new Map<string, Entry>();
  private made = 0;

  constructor(
    private readonly tables: HitTables,
    /** The start of every table's name: `<prefix>_1`, `<prefix>_2`… */
    private readonly prefix = 'search_hits',
  ) {}

  /**
   * The table of the events holding every term, `release`d once the question is answered; null
   * for a search that finds too many events to keep, or whose tables could not be made (the
   * question then reads every event, as it would without kept searches; a later question tries
   * to make them again).
   */
  async scope(terms: readonly string[]): Promise<SearchScope | null> {
    const key = terms.join('\u0000');
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = {
        table: this.make(terms),
        readers: 0,
        evicted: false,
        cleared: false,
        held: Promise.resolve(true),
        heldAt: Date.now(),
      };
      this.entries.set(key, entry);
      const made = entry;
      made.table.then(
        // Just made: trusted for the questions that come with this one.
        () => {
          made.heldAt = Date.now();
        },
        () => {
          if (this.entries.get(key) === made) this.entries.delete(key);
        },
      );
      this.evict();
    }
    entry.readers += 1;
    const held = entry;
    let table: string | null;
    try {
      table = await held.table;
    } catch (error) {
      held.readers -= 1;
      console.warn(`A search's tables could not be made; answered from every event: ${error}`);
      return null;
    }
    if (table === null) {
      held.readers -= 1;
      return null;
    }
    let stillHeld: boolean;
    try {
      stillHeld = await this.stillHeld(held, table);
    } catch (error) {
      // The count could not be had (a shard down): the question fails with the server's error,
      // and the search stays kept for a later one.
      this.leave(held, table);
      throw error;
    }
    if (!stillHeld) {
      // Emptied under us (a ClickHouse server restarted): forgotten, and made again, unless the
      // server is stopping and has dropped it already.
      if (this.entries.get(key) === held) this.entries.delete(key);
      held.evicted = true;
      this.leave(held, table);
      return held.cleared ? null : this.scope(terms);
    }
    let released = false;
    return {
      hits: table,
      release: () => {
        if (released) return;
        released = true;
        this.leave(held, table);
      },
    };
  }

  /** A question done with an entry's tables: the last one drops them if they were evicted. */
  private leave(entry: Entry, table: string): void {
    entry.readers -= 1;
    if (entry.evicted && entry.readers === 0 && !entry.cleared) this.drop(table);
  }

  /**
   * Drops every kept search's tables, for a server that is stopping: a table in a shared
   * database (ClickHouse) would otherwise outlive it.
   */
  async clear(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      entries.map(async (entry) => {
        entry.evicted = true;
        entry.cleared = true;
        const table = await entry.table.catch(() => null);
        if (table !== null) await this.tables.drop(table).catch(() => undefined);
      }),
    );
  }

  /** Whether the entry's tables still hold its hits, asked at most every HELD_CHECK_MS. */
  private stillHeld(entry: Entry, table: string): Promise<boolean> {
    const { held } = this.tables;
    if (held === undefined) return entry.held;
    const now = Date.now();
    if (now - entry.heldAt > HELD_CHECK_MS) {
      entry.heldAt = now;
      entry.held = held(table);
    }
    return entry.held;
  }

  private async make(terms: readonly string[]): Promise<string | null> {
    this.made += 1;
    const table = `${this.prefix}_${this.made}`;
    return (await this.tables.make(table, terms)) ? table : null;
  }

  private evict(): void {
    while (this.entries.size > KEPT_SEARCHES) {
      const [key, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(key);
      entry.evicted = true;
      if (entry.readers === 0)
        entry.table.then(
          (table) => {
            if (table !== null) this.drop(table);
          },
          () => undefined,
        );
    }
  }

  /** Dropped in the background: a drop that fails leaves a table until the server stops. */
  private drop(table: string): void {
    this.tables.drop(table).catch(() => undefined);
  }
}

/** The columns of `events` every DuckDB question but the event's own text reads. */
const DUCKDB_HIT_COLUMNS = 'ord, start_day, end_day, category, longitude, latitude, mercator_y';

/**
 * DuckDB's tables of a search: the hits, in the events' own order, and `<table>_days`, the same
 * events counted by first day, last day and category, as `day_counts` for the whole file.
 */
export function duckDbHitTables(
  run: (sql: string, values?: DuckDBValue[]) => Promise<unknown>,
  /** How many rows a table has. */
  countRows: (table: string) => Promise<number>,
): HitTables {
  const drop = async (table: string) => {
    await run(`DROP TABLE IF EXISTS ${table}`);
    await run(`DROP TABLE IF EXISTS ${table}_days`);
  };
  return {
    drop,
    async make(table, terms) {
      try {
        // In the events' own order (`ord`), as DuckDB keeps a scan's order: no sort needed.
        await run(
          `CREATE TEMP TABLE ${table} AS SELECT ${DUCKDB_HIT_COLUMNS} FROM events
           WHERE ${terms.map(() => 'contains(search, ?)').join(' AND ')}`,
          [...terms],
        );
        if (!worthKeeping(await countRows(table), await countRows('events'))) {
          drop(table).catch(() => undefined);
          return false;
        }
        await run(
          `CREATE TEMP TABLE ${table}_days AS
           SELECT start_day, end_day, category, count(*) AS n, ${BOUNDS_OF_EVENTS} FROM ${table}
           GROUP BY start_day, end_day, category ORDER BY start_day, end_day, category`,
        );
        return true;
      } catch (error) {
        // Nothing half made is left behind.
        drop(table).catch(() => undefined);
        throw error;
      }
    },
  };
}
