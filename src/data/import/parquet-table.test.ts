import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importParquet } from './parquet-import.ts';
import { looksLikeParquet } from './parquet-magic.ts';
import { readParquetBytes } from './parquet-table.ts';

// Made with DuckDB by scripts/make-parquet-fixtures.ts.
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

async function imported(name: string) {
  const outcome = await importParquet({ name, bytes: fixture(name) }, null, { sourceUrl: null });
  if (outcome.kind !== 'dataset') throw new Error(`expected a dataset, got ${outcome.kind}`);
  expect(outcome.report.format).toBe('parquet');
  return outcome.dataset;
}

describe('readParquetBytes', () => {
  it.each(['events-zstd.parquet', 'events-snappy.parquet', 'events-gzip.parquet'])(
    'reads %s as the cells a CSV export would hold: dates, timestamps, numbers, nulls',
    async (name) => {
      const table = await readParquetBytes(fixture(name), name);
      expect(table.columns).toEqual([
        'id',
        'title',
        'day',
        'happened_at',
        'edtf',
        'longitude',
        'latitude',
        'category',
      ]);
      expect(table.rows).toEqual([
        [
          'a1',
          'Protest in Kyiv',
          '2024-03-01',
          '2024-03-01 12:30:00',
          '2024-03',
          '30.52',
          '50.45',
          'protest',
        ],
        ['a2', 'Flood in Dhaka', '2024-07-15', '2024-07-15 00:00:00', '2024', '90.41', '23.81', ''],
        ['a3', 'No place', '2024-08-01', '', '', '', '', 'other'],
      ]);
    },
  );

  it('imports under the same rules as CSV: events placed and dated, a row without a place a Data issue', async () => {
    const dataset = await imported('events-zstd.parquet');
    expect(dataset.events.map((event) => [event.id, event.longitude, event.latitude])).toEqual([
      ['a1', 30.52, 50.45],
      ['a2', 90.41, 23.81],
    ]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]?.id).toBe('a3');
    expect(dataset.recordCount).toBe(3);
  });

  it('turns a GeoParquet point into longitude and latitude; a line is a Data issue for its row', async () => {
    const table = await readParquetBytes(fixture('events.geoparquet'), 'events.geoparquet');
    expect(table.columns).toEqual(['id', 'title', 'date', 'longitude', 'latitude']);
    expect(table.rows).toEqual([
      ['g1', 'Strike in Nairobi', '2023-05-02', '36.82', '-1.29'],
      ['g2', 'Border line', '2023-06-01', '', ''],
    ]);
    const dataset = await imported('events.geoparquet');
    expect(dataset.events.map((event) => event.id)).toEqual(['g1']);
    expect(dataset.issues.map((issue) => issue.id)).toEqual(['g2']);
  });

  it('reads text that is not plain ASCII, and long text, exactly', async () => {
    const table = await readParquetBytes(fixture('events-text.parquet'), 'events-text.parquet');
    expect(table.rows.map((row) => row[1])).toEqual([
      '신포 잠수함 발사',
      'Страйк у Києві — café ✓ 🚀',
      'Long title '.repeat(60),
    ]);
    const dataset = await imported('events-text.parquet');
    expect(dataset.events.map((event) => event.title).sort()).toEqual(
      ['신포 잠수함 발사', 'Страйк у Києві — café ✓ 🚀', 'Long title '.repeat(60).trim()].sort(),
    );
  });

  // ASCII values are cut from their page's bytes read as one string (parquet-table.ts): over
  // many pages, with values long enough that their length prefixes hold bytes from 0x80 up, and
  // plain ASCII beside UTF-8 and broken UTF-8 in the same page, whether or not the column chunk
  // is compressed. With Parquet's version 2 pages DuckDB writes text as DELTA_LENGTH_BYTE_ARRAY:
  // the values are views into the page after a block of lengths, not after each value's own.
  it.each([
    ['uncompressed', 'V1'],
    ['snappy', 'V1'],
    ['snappy', 'V2'],
  ])(
    'reads every text cell of a %s file of many pages (Parquet %s) exactly as it was written',
    async (codec, version) => {
      const folder = mkdtempSync(join(tmpdir(), 'dateline-parquet-'));
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        const path = join(folder, `pages-${codec}.parquet`);
        await connection.run(
          `COPY (SELECT 'e' || i AS id,
              CASE WHEN i % 7 = 0 THEN 'Café n° ' || i
                   WHEN i % 11 = 0 THEN '신포 ' || i
                   ELSE 'Event ' || i || ' ' || repeat('x', (i * 37) % 300) END AS title,
              CASE WHEN i % 13 = 0 THEN from_hex('4f6b20ff20') ELSE from_hex('4f6b') END AS note
            FROM range(6000) t(i))
            TO '${path.replaceAll("'", "''")}'
            (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 2048, PARQUET_VERSION ${version})`,
        );
        const table = await readParquetBytes(new Uint8Array(readFileSync(path)), 'pages.parquet');
        const expected = Array.from({ length: 6000 }, (_, i) => [
          `e${i}`,
          i % 7 === 0
            ? `Café n° ${i}`
            : i % 11 === 0
              ? `신포 ${i}`
              : `Event ${i} ${'x'.repeat((i * 37) % 300)}`,
          // The bytes "Ok \xff ": broken UTF-8, replaced as TextDecoder replaces it.
          i % 13 === 0 ? 'Ok \uFFFD ' : 'Ok',
        ]);
        expect(table.rows).toEqual(expected);
      } finally {
        connection.closeSync();
        instance.closeSync();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );

  it('names the file and the reason when it is not readable Parquet', async () => {
    const bytes = fixture('corrupt.parquet');
    expect(looksLikeParquet(bytes)).toBe(true);
    await expect(readParquetBytes(bytes, 'corrupt.parquet')).rejects.toThrow(
      /^corrupt\.parquet is not a readable Parquet file \(.+\)\.$/,
    );
    expect(looksLikeParquet(new TextEncoder().encode('id,title\n'))).toBe(false);
  });
});
