/**
 * A plain table's row is made into its event directly (tableRowReader `eventOf`), not through a
 * GeoJSON feature read by readRecord. The two must give the same event, field for field, for any
 * row the row checks pass; where eventOf is unsure it must say so (null), never differ.
 */
import { describe, expect, it } from 'vitest';
import { tableRowReader, urlsIn } from './table-to-dataset.ts';
import { isHttpUrl } from '../model/dataset-error.ts';
import { MAPPED_FIELDS, type ColumnMapping, type MappedField } from './column-mapping.ts';
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

describe('a plain table row made into its event directly', () => {
  it('is the event readRecord makes of the row’s feature, or null where it is unsure', () => {
    const table = { columns, rows: ROWS.map(cellsOf) };
    const reader = tableRowReader(
      table,
      { mapping, dayOrder: 'day-first' },
      { title: 'table.csv', sourceUrl: 'https://example.org/table.csv' },
    );
    let direct = 0;
    table.rows.forEach((row, index) => {
      const core = reader.readCore(row);
      // The id and category as tableRows settles them.
      const slug = slugify(reader.cell(row, 'id'), 20);
      const id = slug.length > MAX_ID_LENGTH ? '' : slug;
      const category = cleanCategory(reader.cell(row, 'category'));
      const event = reader.eventOf(row, index, core, id, category, new DateMemo());
      let expected: unknown;
      try {
        expected = readRecord(
          reader.featureOf(row, index, core, id, category),
          index,
          new DateMemo(),
        );
      } catch (error) {
        if (!(error instanceof RecordProblem)) throw error;
        expected = null;
      }
      if (event === null) return;
      direct += 1;
      expect(event, `row ${index + 1}`).toEqual(expected);
      // The same keys in the same order: one object shape whichever way an event was made.
      expect(Object.keys(event)).toEqual(Object.keys(expected as object));
    });
    // Not a test that passes by saying null: the plain rows are made directly.
    expect(direct).toBeGreaterThanOrEqual(ROWS.length - 6);
  });

  it('leaves a row with text past the contract’s length to readRecord, which says why', () => {
    const csv = [
      columns.join(','),
      cellsOf(base).join(','),
      cellsOf({ ...base, summary: 'x'.repeat(MAX_TEXT_LENGTH + 1) }).join(','),
    ].join('\n');
    const outcome = importDataset(
      [{ name: 'long.csv', bytes: new TextEncoder().encode(csv) }],
      { mapping, dayOrder: 'day-first' },
      { sourceUrl: null },
    );
    if (outcome.kind !== 'dataset') throw new Error(outcome.kind);
    expect(outcome.dataset.events).toHaveLength(1);
    expect(outcome.dataset.issues).toMatchObject([
      { position: 1, field: 'notes', reason: expect.stringContaining('longer than') },
    ]);
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
    expect(reader.eventOf(row, 0, reader.readCore(row), '', '', new DateMemo())).toBeNull();
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
