/**
 * A table whose events are sent to the page as they are checked (importTableStreamed, as the import
 * worker reads a Parquet file) must give the very dataset the whole-table importer gives: the same
 * events in the same order with the same ids, the same Data issues, the same report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatasetEvent } from '../model/schema.ts';
import { emptyMapping, type ImportTable } from './column-mapping.ts';
import { blankReport } from './contract-sample.ts';
import { EventPacker } from './event-packer.ts';
import { EventUnpacker } from './event-unpacker.ts';
import { importTable, importTableStreamed, type TableToImport } from './import-dataset.ts';
import type { ImportChoices, ImportOutcome } from './import-types.ts';
import { importParquet, importParquetStreamed } from './parquet-import.ts';
import { settleRecords, type RecordSettlement } from './record-settlement.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

type Streamed = { outcome: ImportOutcome; settlement: RecordSettlement | null };

/** What the page ends with: the records sent, rebuilt from their packs and settled (run-import.ts). */
async function received(
  run: (send: (records: DatasetEvent[]) => void) => Streamed | Promise<Streamed>,
): Promise<{ outcome: ImportOutcome; batches: number }> {
  const packer = new EventPacker();
  const unpacker = new EventUnpacker();
  const records: DatasetEvent[] = [];
  let batches = 0;
  const { outcome, settlement } = await run((fresh) => {
    if (fresh.length === 0) return;
    batches += 1;
    unpacker.unpack(packer.pack(fresh), records);
  });
  if (outcome.kind !== 'dataset' || settlement === null) return { outcome, batches };
  const events = settleRecords(records, settlement);
  return { outcome: { ...outcome, dataset: { ...outcome.dataset, events } }, batches };
}

const toImport = (table: ImportTable): TableToImport => ({
  name: 'rows.csv',
  table: { columns: [...table.columns], rows: table.rows.map((row) => [...row]) },
  rowLines: table.rows.map((_, index) => index + 2),
  report: blankReport('rows.csv', 'utf-8'),
});

/** Links to a few sites: each row's source is named by the site's host. */
const LINKS = [
  'https://WWW.News.Example:8080/a/1',
  'https://www.news.example/a/2?b#c',
  'http://a.example\\b/c',
  'https://b.example:99999/x',
  'https://xn--caf-dma.example/menu',
  '',
];

/** Rows that try every rule that looks across rows: repeats, derived ids, categories, steps. */
function awkwardTable(count: number): ImportTable {
  const rows: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    const day = String((index % 28) + 1).padStart(2, '0');
    rows.push([
      // Every 50th row repeats an earlier id; every 5th gives none; long ids are no ids.
      index % 5 === 0
        ? ''
        : index % 50 === 2
          ? `e${index - 1}`
          : index === 3
            ? 'x'.repeat(90)
            : `e${index}`,
      // Hangul titles get readable derived ids; some titles are empty with a summary to borrow.
      index % 11 === 0 ? '신포 잠수함 발사' : index % 13 === 0 ? '' : `Event ${index % 40}`,
      index % 13 === 0 ? 'Borrowed title. And more.' : '',
      index % 17 === 0 ? '2024-13-45' : `2024-03-${day}`,
      index % 19 === 0 ? '' : String((index % 170) - 85),
      index % 23 === 0 ? '999' : String((index % 340) - 170),
      ['Protest', 'protest', 'PROTEST', 'Riot', ''][index % 5] ?? '',
      index % 29 === 0
        ? 'see https://a.example/x). and http://b.example/y'
        : (LINKS[index % 6] ?? ''),
      index % 31 === 0 ? '1' : index % 37 === 0 ? 'two' : '',
      index % 31 === 0 ? 'A step' : '',
    ]);
  }
  return {
    columns: [
      'id',
      'title',
      'summary',
      'date',
      'latitude',
      'longitude',
      'category',
      'source',
      'story_step',
      'story_text',
    ],
    rows,
  };
}

/** awkwardTable's columns as a reader would confirm them (the 1-in-5 empty ids leave the id column unsure). */
const AWKWARD_CHOICES: ImportChoices = {
  mapping: {
    ...emptyMapping(),
    id: 'id',
    title: 'title',
    summary: 'summary',
    date: 'date',
    latitude: 'latitude',
    longitude: 'longitude',
    category: 'category',
    link: 'source',
  },
  dayOrder: 'day-first',
};

describe('importTableStreamed', () => {
  it('gives the events, ids, order, Data issues and report importTable gives, over many batches', async () => {
    const table = awkwardTable(9000);
    const choices = AWKWARD_CHOICES;
    const whole = importTable(toImport(table), choices, {
      sourceUrl: 'https://data.example/rows.csv',
    });
    const { outcome, batches } = await received((send) =>
      importTableStreamed(
        toImport(table),
        choices,
        { sourceUrl: 'https://data.example/rows.csv' },
        send,
      ),
    );
    expect(whole.kind).toBe('dataset');
    expect(batches).toBeGreaterThan(1);
    if (whole.kind !== 'dataset' || outcome.kind !== 'dataset') throw new Error('no dataset');
    // The rules were all at work: repeated and derived ids, readable ones, issues, merges.
    expect(whole.report.repeatedIds).toBeGreaterThan(0);
    expect(whole.report.categoryMerges.length).toBeGreaterThan(0);
    expect(whole.dataset.events.some((event) => event.id.startsWith('sinpo-jamsuham'))).toBe(true);
    expect(new Set(whole.dataset.issues.map((issue) => issue.field)).size).toBeGreaterThan(3);
    expect(outcome.dataset).toEqual(whole.dataset);
    expect(outcome.report).toEqual(whole.report);
    // Every source of a link is published by the link's host, as the URL parser names it.
    const linked = whole.dataset.events.flatMap((event) =>
      event.sources.filter(
        (source) => source.url !== undefined && source.url !== 'https://data.example/rows.csv',
      ),
    );
    expect(new Set(linked.map((source) => source.publisher)).size).toBeGreaterThan(3);
    for (const { url, publisher } of linked)
      expect(publisher).toBe(new URL(url ?? '').hostname.replace(/^www\./, ''));
    // Twice over 9,000 rows, on a machine shared with others.
  }, 30_000);

  it('gives the same dataset for a plain table, some rows left to readRecord among the rest', async () => {
    // No story columns: most rows become their events directly (table-to-dataset.ts eventOf);
    // a few summaries past the contract's length go through readRecord, which refuses them.
    const awkward = awkwardTable(9000);
    const table: ImportTable = {
      columns: awkward.columns.slice(0, 8),
      rows: awkward.rows.map((row, index) => {
        const cells = row.slice(0, 8);
        if (index % 997 === 4) cells[2] = 'x'.repeat(100_001);
        return cells;
      }),
    };
    const choices = AWKWARD_CHOICES;
    const whole = importTable(toImport(table), choices, { sourceUrl: null });
    const { outcome } = await received((send) =>
      importTableStreamed(toImport(table), choices, { sourceUrl: null }, send),
    );
    if (whole.kind !== 'dataset' || outcome.kind !== 'dataset') throw new Error('no dataset');
    expect(outcome.dataset).toEqual(whole.dataset);
    const tooLong = whole.dataset.issues.filter((issue) => issue.reason.includes('longer than'));
    expect(tooLong.map((issue) => issue.position)).toEqual(
      // Less the rows whose date or coordinates fail first (every 17th, 19th and 23rd).
      Array.from({ length: 10 }, (_, n) => n * 997 + 4).filter(
        (row) => row % 17 !== 0 && row % 19 !== 0 && row % 23 !== 0,
      ),
    );
    // Each event keeps its own row, before and after the rows left to readRecord.
    for (const event of whole.dataset.events) {
      // (Every 50th row repeats the row before's id, which is its own when that row failed;
      // row 3's id is 90 x's.)
      const own = event.position % 50 === 2 ? `e${event.position - 1}` : `e${event.position}`;
      if (!event.idDerived && event.position !== 3) expect(event.id).toBe(own);
    }
  }, 30_000);

  it('asks for the columns, as importTable does, when it is not sure of them', () => {
    const table: ImportTable = {
      columns: ['a', 'b', 'c'],
      rows: [['x', '2024-01-01', '1']],
    };
    const sent: DatasetEvent[][] = [];
    const streamed = importTableStreamed(toImport(table), null, { sourceUrl: null }, (records) =>
      sent.push(records),
    );
    expect(streamed.settlement).toBeNull();
    expect(streamed.outcome).toEqual(importTable(toImport(table), null, { sourceUrl: null }));
    expect(sent).toEqual([]);
  });
});

describe('importParquetStreamed', () => {
  it.each([
    'events-zstd.parquet',
    'events-snappy.parquet',
    'events-gzip.parquet',
    'events.geoparquet',
  ])(
    'gives %s the dataset importParquet gives, its broken rows the same Data issues',
    async (name) => {
      const input = () => ({ name, bytes: fixture(name) });
      const whole = await importParquet(input(), null, { sourceUrl: null });
      const { outcome } = await received((send) =>
        importParquetStreamed(input(), null, { sourceUrl: null }, send),
      );
      if (whole.kind !== 'dataset' || outcome.kind !== 'dataset') throw new Error('no dataset');
      expect(whole.dataset.events.length).toBeGreaterThan(0);
      expect(whole.dataset.issues.length).toBeGreaterThan(0);
      expect(outcome.dataset).toEqual(whole.dataset);
      expect(outcome.report).toEqual(whole.report);
    },
  );
});
