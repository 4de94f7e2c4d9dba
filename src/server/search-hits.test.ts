import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { HELD_CHECK_MS, SearchHits, duckDbHitTables } from './search-hits.ts';

/**
 * A database that only notes the statements it is sent; a search finds 10 of its 100 events, or
 * `broad` finds 60.
 */
function recorder() {
  const statements: string[] = [];
  const hits = new SearchHits(
    duckDbHitTables(
      async (sql, values) => {
        statements.push(
          sql.replace(/\s+/g, ' ').trim() + (values?.includes('broad') ? ' broad' : ''),
        );
      },
      async (table) =>
        table === 'events'
          ? 100
          : statements.some((sql) => sql.includes(`${table} `) && sql.endsWith('broad'))
            ? 60
            : 10,
    ),
  );
  const created = () => statements.filter((sql) => sql.startsWith('CREATE TEMP TABLE')).length;
  const dropped = () =>
    statements.filter((sql) => sql.startsWith('DROP')).map((sql) => sql.split(' ').at(-1));
  return { hits, statements, created, dropped };
}

describe('the searches kept as tables', () => {
  it('matches a search once, however many questions ask it', async () => {
    const { hits, created } = recorder();
    for (let question = 0; question < 5; question += 1)
      (await hits.scope(['strike', 'north']))?.release();
    // The hits and their counts by day: two tables, made once.
    expect(created()).toBe(2);
  });

  it('keeps the six searches used last, and drops the one used longest ago', async () => {
    const { hits, dropped } = recorder();
    (await hits.scope(['a']))?.release();
    for (const term of ['b', 'c', 'd', 'e', 'f']) (await hits.scope([term]))?.release();
    // "a" used again: now "b" is the oldest.
    (await hits.scope(['a']))?.release();
    (await hits.scope(['g']))?.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dropped()).toEqual(['search_hits_2', 'search_hits_2_days']);
  });

  it('does not drop a search a question is still reading', async () => {
    const { hits, dropped } = recorder();
    const reading = await hits.scope(['a']);
    expect(reading).not.toBeNull();
    for (const term of ['b', 'c', 'd', 'e', 'f', 'g']) (await hits.scope([term]))?.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dropped()).toEqual([]);
    reading?.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dropped()).toEqual(['search_hits_1', 'search_hits_1_days']);
  });

  it('does not keep a search that finds most of the events, nor make it again', async () => {
    const { hits, created, dropped } = recorder();
    expect(await hits.scope(['broad'])).toBeNull();
    expect(await hits.scope(['broad'])).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(created()).toBe(1);
    expect(dropped()).toEqual(['search_hits_1', 'search_hits_1_days']);
  });

  it('passes the words as values, never in the SQL', async () => {
    const { hits, statements } = recorder();
    (await hits.scope(["o'brien; DROP TABLE events"]))?.release();
    expect(statements.join('\n')).not.toContain('brien');
  });

  it('answers from every event when a search’s tables cannot be made, and tries again later', async () => {
    let tries = 0;
    const hits = new SearchHits({
      make: async () => {
        tries += 1;
        throw new Error('no room');
      },
      drop: async () => undefined,
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(await hits.scope(['a'])).toBeNull();
      expect(await hits.scope(['a'])).toBeNull();
    } finally {
      console.warn = warn;
    }
    expect(tries).toBe(2);
  });

  it('drops every kept search when cleared, the one being read too', async () => {
    const { hits, dropped } = recorder();
    const reading = await hits.scope(['a']);
    (await hits.scope(['b']))?.release();
    await hits.clear();
    expect(dropped().sort()).toEqual([
      'search_hits_1',
      'search_hits_1_days',
      'search_hits_2',
      'search_hits_2_days',
    ]);
    // A release after the clear drops nothing twice.
    reading?.release();
    reading?.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dropped()).toHaveLength(4);
  });
  /** Tables whose `held` answers what `answer` says of each table at the time. */
  function heldTables(answer: (table: string) => Promise<boolean>) {
    const made: string[] = [];
    const dropped: string[] = [];
    let checks = 0;
    const hits = new SearchHits({
      make: async (table) => {
        made.push(table);
        return true;
      },
      drop: async (table) => {
        dropped.push(table);
      },
      held: (table) => {
        checks += 1;
        return answer(table);
      },
    });
    return { hits, made, dropped, checks: () => checks };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  describe('tables that may lose their hits (a ClickHouse server that restarts)', () => {
    let now: MockInstance<() => number>;
    beforeEach(() => {
      now = vi.spyOn(Date, 'now').mockReturnValue(0);
    });
    afterEach(() => {
      now.mockRestore();
    });

    it('are made again when they no longer hold their hits, checked once per view', async () => {
      let emptied = false;
      const { hits, made, dropped, checks } = heldTables(
        async (table) => !(emptied && table === 'search_hits_1'),
      );
      (await hits.scope(['a']))?.release();
      // A later view's three questions: one check, the tables trusted.
      now.mockReturnValue(5 * HELD_CHECK_MS);
      const view = await Promise.all([hits.scope(['a']), hits.scope(['a']), hits.scope(['a'])]);
      expect(view.map((scope) => scope?.hits)).toEqual(Array(3).fill('search_hits_1'));
      for (const scope of view) scope?.release();
      expect(checks()).toBe(1);
      emptied = true;
      // A check is trusted for a moment; after it, the emptied tables are found out.
      now.mockReturnValue(5.5 * HELD_CHECK_MS);
      const reading = await hits.scope(['a']);
      expect(reading?.hits).toBe('search_hits_1');
      now.mockReturnValue(7 * HELD_CHECK_MS);
      const again = await hits.scope(['a']);
      expect(again?.hits).toBe('search_hits_2');
      again?.release();
      expect(made).toEqual(['search_hits_1', 'search_hits_2']);
      // The emptied tables are dropped once the question still reading them is answered.
      await settled();
      expect(dropped).toEqual([]);
      reading?.release();
      await settled();
      expect(dropped).toEqual(['search_hits_1']);
    });

    it('are made again once for a whole view that finds them emptied, and dropped once', async () => {
      let emptied = false;
      const { hits, made, dropped, checks } = heldTables(
        async (table) => !(emptied && table === 'search_hits_1'),
      );
      (await hits.scope(['a']))?.release();
      emptied = true;
      now.mockReturnValue(5 * HELD_CHECK_MS);
      const view = await Promise.all([hits.scope(['a']), hits.scope(['a']), hits.scope(['a'])]);
      expect(view.map((scope) => scope?.hits)).toEqual(Array(3).fill('search_hits_2'));
      for (const scope of view) scope?.release();
      await settled();
      expect(checks()).toBe(1);
      expect(made).toEqual(['search_hits_1', 'search_hits_2']);
      expect(dropped).toEqual(['search_hits_1']);
    });

    it('fail the question when they cannot be counted, and stay kept for the next view', async () => {
      let down = false;
      const { hits, made, dropped } = heldTables(async () => {
        if (down) throw new Error('ClickHouse: Connection refused');
        return true;
      });
      (await hits.scope(['a']))?.release();
      down = true;
      now.mockReturnValue(5 * HELD_CHECK_MS);
      await expect(hits.scope(['a'])).rejects.toThrow('Connection refused');
      down = false;
      now.mockReturnValue(7 * HELD_CHECK_MS);
      const later = await hits.scope(['a']);
      expect(later?.hits).toBe('search_hits_1');
      later?.release();
      await settled();
      expect(made).toEqual(['search_hits_1']);
      expect(dropped).toEqual([]);
    });

    it('are not made again by a question that finds them gone while the server stops', async () => {
      let answerCheck: (held: boolean) => void = () => undefined;
      const { hits, made, dropped } = heldTables(
        () => new Promise<boolean>((resolve) => (answerCheck = resolve)),
      );
      (await hits.scope(['a']))?.release();
      now.mockReturnValue(5 * HELD_CHECK_MS);
      const asking = hits.scope(['a']);
      await settled();
      // The server stops while the count is asked: its tables are dropped, so they count short.
      await hits.clear();
      answerCheck(false);
      expect(await asking).toBeNull();
      await settled();
      expect(made).toEqual(['search_hits_1']);
      expect(dropped).toEqual(['search_hits_1']);
    });
  });
});
