/**
 * A plain table's row is made into its event directly (tableRowReader `eventOf`), not through a
 * GeoJSON feature read by readRecord. The two must give the same event, field for field, for any
 * row the row checks pass; where eventOf is unsure it must say so (null), never differ.
 */
import { describe, expect, it } from 'vitest';
import { tableRowReader, urlsIn } from './table-to-dataset.ts';
import { isHttpUrl } from '../model/dataset-error.ts';
import {
  MAPPED_FIELDS,
  type ColumnMapping,
  type ImportTable,
  type MappedField,
} from './column-mapping.ts';
import type { DayOrder } from './date-cells.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { readRecord } from '../model/read-record.ts';
import { MAX_TEXT_LENGTH, RecordProblem } from '../model/record-fields.ts';
import { DateMemo } from '../model/date-memo.ts';
import { importDataset } from './import-dataset.ts';
import { MAX_ID_LENGTH, slugify } from '../model/derive-id.ts';
import { cleanCategory } from './category-cells.ts';

const COLUMNS: Record<MappedField, string> = {
  date: 'date',
  endDate: 'end_date',
  latitude: 'lat',
  longitude: 'lon',
  title: 'title',
  summary: 'notes',
  place: 'location',
  link: 'link',
  publisher: 'outlet',
  category: 'type',
  id: 'event_id',
  country: 'iso',
  locationPrecision: 'precision',
};
const mapping = Object.fromEntries(
  MAPPED_FIELDS.map((field) => [field, COLUMNS[field]]),
) as ColumnMapping;
const columns = MAPPED_FIELDS.map((field) => COLUMNS[field]);

type Row = Partial<Record<MappedField, string>>;
const base: Row = {
  date: '2024-06-19',
  latitude: '39.03',
  longitude: '125.75',
  title: 'Putin and Kim meet in Pyongyang',
  link: 'https://example.org/a',
};
const cellsOf = (row: Row) => MAPPED_FIELDS.map((field) => row[field] ?? '');

/** Rows a table may hold: plain ones, and every edge the two readers could judge differently. */
const ROWS: Row[] = [
  base,
  { ...base, id: 'summit-2024', summary: 'A summit.', place: 'Pyongyang', category: 'Diplomacy' },
  { ...base, id: 'Summit 2024 Pyongyang', country: 'kp', locationPrecision: 'city' },
  { ...base, country: 'KPR', locationPrecision: 'somewhere' },
  { ...base, title: '  padded title  ', summary: '  padded summary ', place: ' padded ' },
  { ...base, title: '', summary: 'The leaders met. They signed a pact.' },
  { ...base, title: "'=SUM(A1)", summary: "'+1 guarded" },
  { ...base, date: 'June 2024' },
  { ...base, date: '2024-06', endDate: '2024-07-02' },
  { ...base, date: '2024-06-19 10:30', endDate: '2024-06-19' },
  { ...base, date: '19/06/2024' },
  { ...base, link: '' },
  { ...base, link: '', publisher: 'Yonhap' },
  { ...base, link: 'see https://a.example/x). and https://b.example/y', publisher: 'A; B' },
  { ...base, link: 'https://a.example/x https://b.example/y', publisher: 'A' },
  { ...base, link: 'https://a.example/x | | https://c.example/z', publisher: 'A |  | C' },
  { ...base, link: ' | https://b.example/y', publisher: ' | B' },
  { ...base, link: 'ftp://example.org/file', publisher: '' },
  { ...base, link: 'https://user:pw@example.org/', publisher: 'X' },
  { ...base, link: 'https://xn--80ak6aa92e.com/', publisher: 'Punycode' },
  { ...base, link: 'https://www.example.org:8080/path?q=1#h' },
  { ...base, category: 'military, activity' },
  { ...base, category: '   ' },
  { ...base, summary: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
  { ...base, place: ` ${'p'.repeat(MAX_TEXT_LENGTH)}` },
  { ...base, title: 't'.repeat(MAX_TEXT_LENGTH + 1) },
  { ...base, latitude: '-0', longitude: '180' },
  { ...base, latitude: '40,85', longitude: '-73,9' },
  { ...base, id: `long-${'a'.repeat(200)}` },
  { ...base, id: 'Ünïcödé ïd' },
  { ...base, id: '!!!' },
  { ...base, title: '위치: 평양', summary: '정상회담.', place: '평양' },
];

/** The rows eventOf leaves to readRecord: text past the contract's length. */
const LEFT_TO_READ_RECORD = new Set([23, 25]);

/**
 * For each row the checks pass: eventOf's event, and readRecord's of featureOf's feature (null
 * when readRecord refuses it).
 */
function bothWays(
  table: ImportTable,
  options: { sourceUrl: string | null; dayOrder: DayOrder; mapping?: ColumnMapping },
) {
  const reader = tableRowReader(
    table,
    { mapping: options.mapping ?? mapping, dayOrder: options.dayOrder },
    { title: 'table.csv', sourceUrl: options.sourceUrl },
  );
  return table.rows.map((row, index) => {
    const core = reader.readCore(row);
    // The id and category as tableRows settles them.
    const slug = slugify(reader.cell(row, 'id'), 20);
    const id = slug.length > MAX_ID_LENGTH ? '' : slug;
    const category = cleanCategory(reader.cell(row, 'category'));
    const direct = reader.eventOf(row, index, core, id, category);
    let read: DatasetEvent | null;
    try {
      read = readRecord(reader.featureOf(row, index, core, id, category), index, new DateMemo());
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      read = null;
    }
    return { direct, read };
  });
}

/** The rows as a CSV file through the whole-file importer, with the columns above. */
function importRows(rows: Row[]) {
  const csv = [columns, ...rows.map(cellsOf)].map((cells) => cells.join(',')).join('\n');
  const outcome = importDataset(
    [{ name: 'rows.csv', bytes: new TextEncoder().encode(csv) }],
    { mapping, dayOrder: 'day-first' },
    { sourceUrl: null },
  );
  if (outcome.kind !== 'dataset') throw new Error(outcome.kind);
  return outcome.dataset;
}

describe('a plain table row made into its event directly', () => {
  it('is the event readRecord makes of the row’s feature, key for key and in the same order', () => {
    const results = bothWays(
      { columns, rows: ROWS.map(cellsOf) },
      { sourceUrl: 'https://example.org/table.csv', dayOrder: 'day-first' },
    );
    results.forEach(({ direct, read }, index) => {
      if (LEFT_TO_READ_RECORD.has(index)) {
        expect(direct, `row ${index + 1}`).toBeNull();
        return;
      }
      expect(direct, `row ${index + 1}`).not.toBeNull();
      expect(direct, `row ${index + 1}`).toStrictEqual(read);
      // The same keys in the same order, sources too: one object shape whichever way it was made.
      expect(JSON.stringify(direct)).toBe(JSON.stringify(read));
    });
  });

  it('is the same without the file’s address, with a number for a title, month first', () => {
    const numericColumns = columns.map((name) => (name === 'title' ? 'magnitude' : name));
    const rows = ROWS.slice(0, 22).map((row, index) =>
      cellsOf({
        ...row,
        title: String(4 + index / 10),
        date: '03/04/2024',
        link: index % 2 ? '' : row.link,
      }),
    );
    const results = bothWays(
      { columns: numericColumns, rows },
      { sourceUrl: null, dayOrder: 'month-first', mapping: { ...mapping, title: 'magnitude' } },
    );
    results.forEach(({ direct, read }, index) => {
      expect(direct, `row ${index + 1}`).not.toBeNull();
      expect(JSON.stringify(direct), `row ${index + 1}`).toBe(JSON.stringify(read));
    });
    expect(results[0]?.direct?.title).toBe('Magnitude 4');
  });

  it('leaves a row with text past the contract’s length to readRecord, which says why', () => {
    const dataset = importRows([base, { ...base, summary: 'x'.repeat(MAX_TEXT_LENGTH + 1) }]);
    expect(dataset.events).toHaveLength(1);
    expect(dataset.events[0]?.position).toBe(0);
    expect(dataset.issues).toMatchObject([
      { position: 1, field: 'notes', reason: expect.stringContaining('longer than') },
    ]);
  });

  it('shares one date object among events on one date, whatever the cell’s spelling', () => {
    const { events } = importRows([
      { ...base, date: '19/06/2024' },
      { ...base, date: '2024-06-19' },
      { ...base, date: '2024-06-19', summary: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      { ...base, date: '2024-06-19', summary: 'y'.repeat(MAX_TEXT_LENGTH) },
    ]);
    const [first, second, third] = events;
    expect(events).toHaveLength(3);
    // The packer sends a date object once: the same object, not an equal one.
    expect(second?.date).toBe(first?.date);
    expect(third?.date).toBe(first?.date);
  });

  it('is not used for a table with columns of our own export, whose rows carry more', () => {
    const ownColumns = [
      ...columns,
      'source_publisher',
      'source_url',
      'source_title',
      'source_quote',
    ];
    const row = [...cellsOf(base), 'Yonhap', 'https://example.org/a', 'Report', 'a quote'];
    const reader = tableRowReader(
      { columns: ownColumns, rows: [row] },
      { mapping, dayOrder: 'day-first' },
      { title: 'export.csv', sourceUrl: null },
    );
    expect(reader.eventOf(row, 0, reader.readCore(row), '', '')).toBeNull();
  });
});

describe('the addresses in a link cell', () => {
  /** The general rule, as urlsIn applies it to any cell that is not one plain address. */
  const general = (text: string) =>
    [
      ...new Set(
        (text.match(/https?:\/\/.+?(?=https?:\/\/|[\s<>"|;]|$)/gi) ?? []).map((url) =>
          url.replace(/[.,;:)\]]+$/, ''),
        ),
      ),
    ].filter(isHttpUrl);

  it('are found in a cell of one plain address as the general rule finds them', () => {
    const cells = [
      'https://example.org/report/0',
      'http://a.example:8080/x?q=1#h',
      'HTTPS://A.EXAMPLE/PATH',
      'https://a.example/x.',
      'https://a.example/x)',
      'https://a.example/(x)',
      'https://a.example/x,',
      'https://a.example/x:',
      'https://a.example/x;y',
      'https://a.example/xhttps://b.example/y',
      'https://a.example/x?next=http://b.example',
      'https://a.example/http-guide',
      'https://xn--80ak6aa92e.com/',
      'https://user:pw@a.example/',
      'https://a.example/x y',
      'https://a.example/x|https://b.example/',
      'ftp://a.example/',
      'https://',
      'https://a.example/x\nhttps://b.example/',
    ];
    for (const cell of cells) expect(urlsIn(cell), cell).toEqual(general(cell));
  });
});
