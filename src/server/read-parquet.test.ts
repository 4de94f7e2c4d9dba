import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadDataset } from './load-dataset.ts';
import { wkbPoint } from './read-parquet.ts';

const folder = mkdtempSync(join(tmpdir(), 'dateline-parquet-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function wkb(x: number, y: number, { little = true, srid = false, type = 1 } = {}): Uint8Array {
  const bytes = new Uint8Array(srid ? 25 : 21);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, little ? 1 : 0);
  view.setUint32(1, srid ? type | 0x20000000 : type, little);
  let at = 5;
  if (srid) {
    view.setUint32(at, 4326, little);
    at += 4;
  }
  view.setFloat64(at, x, little);
  view.setFloat64(at + 8, y, little);
  return bytes;
}

describe('GeoParquet points', () => {
  it('reads a WKB point in either byte order, with or without an SRID, and nothing else', () => {
    expect(wkbPoint(wkb(127.5, 39.9))).toEqual([127.5, 39.9]);
    expect(wkbPoint(wkb(127.5, 39.9, { little: false }))).toEqual([127.5, 39.9]);
    expect(wkbPoint(wkb(-0.1, 51.5, { srid: true }))).toEqual([-0.1, 51.5]);
    expect(wkbPoint(wkb(1, 2, { type: 1001 }))).toEqual([1, 2]);
    expect(wkbPoint(wkb(1, 2, { type: 2 }))).toBeNull();
    expect(wkbPoint(new Uint8Array(5))).toBeNull();
  });
});

describe('a Parquet file on the data server', () => {
  it('is imported as the same table in a CSV file would be: columns found, dates at their precision, bad rows reported', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE events (event_id VARCHAR, headline VARCHAR, event_date VARCHAR, day DATE, kind VARCHAR, geometry BLOB)',
    );
    const appender = await connection.createAppender('events');
    const rows: [string, string, string, string, number, number][] = [
      ['summit', 'Putin and Kim meet in Pyongyang', '2024-06', 'diplomacy', 125.75, 39.03],
      ['strike', 'Missile strike near Donetsk', '2024-10-03/2024-10-04', 'strike', 37.8, 48.02],
      ['test', 'Cruise missiles fired near Sinpo', '2024-01', 'missile-test', 128.18, 40.03],
      ['bad', 'A date nobody can read', 'sometime', 'strike', 10, 10],
    ];
    for (const [id, title, date, kind, x, y] of rows) {
      appender.appendVarchar(id);
      appender.appendVarchar(title);
      appender.appendVarchar(date);
      appender.appendNull();
      appender.appendVarchar(kind);
      appender.appendBlob(wkb(x, y));
      appender.endRow();
    }
    appender.closeSync();
    const file = join(folder, 'events.parquet');
    await connection.run(`COPY events TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();

    const dataset = await loadDataset(file);
    expect(dataset.metadata.title).toBe('events.parquet');
    expect(
      dataset.events.map((event) => [event.id, event.date.edtf, event.longitude, event.latitude]),
    ).toEqual([
      ['test', '2024-01', 128.18, 40.03],
      ['summit', '2024-06', 125.75, 39.03],
      ['strike', '2024-10-03/2024-10-04', 37.8, 48.02],
    ]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]).toMatchObject({ position: 3, field: 'event_date' });
  });
});
