/**
 * Writes the small Parquet files the browser's Parquet import is tested on
 * (src/data/import/fixtures/, parquet-table.test.ts), with DuckDB. Run again after changing it:
 * `npx tsx scripts/make-parquet-fixtures.ts`. The GeoParquet file's geometry is written as WKB
 * bytes with the GeoParquet `geo` metadata by hand, so no DuckDB extension (and no network) is needed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../src/data/import/fixtures/', import.meta.url));

/** A little-endian WKB point. */
function wkbPointHex(x: number, y: number): string {
  const view = new DataView(new ArrayBuffer(21));
  view.setUint8(0, 1);
  view.setUint32(1, 1, true);
  view.setFloat64(5, x, true);
  view.setFloat64(13, y, true);
  return Buffer.from(view.buffer).toString('hex');
}
/** A little-endian WKB line from (0 0) to (1 1): a shape with no single place. */
const LINE_HEX = Buffer.concat([
  Buffer.from([1, 2, 0, 0, 0, 2, 0, 0, 0]),
  Buffer.from(new Float64Array([0, 0, 1, 1]).buffer),
]).toString('hex');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const events = `SELECT * FROM (VALUES
  ('a1', 'Protest in Kyiv', DATE '2024-03-01', TIMESTAMP '2024-03-01 12:30:00', '2024-03', 30.52, 50.45, 'protest'),
  ('a2', 'Flood in Dhaka', DATE '2024-07-15', TIMESTAMP '2024-07-15 00:00:00', '2024', 90.41, 23.81, NULL),
  ('a3', 'No place', DATE '2024-08-01', NULL, NULL, NULL, NULL, 'other')
) t(id, title, day, happened_at, edtf, longitude, latitude, category)`;
for (const codec of ['zstd', 'snappy', 'gzip']) {
  await connection.run(
    `COPY (${events}) TO '${dir}events-${codec}.parquet' (FORMAT parquet, COMPRESSION ${codec})`,
  );
}
const geo = JSON.stringify({
  version: '1.0.0',
  primary_column: 'geometry',
  columns: { geometry: { encoding: 'WKB', geometry_types: ['Point', 'LineString'] } },
});
await connection.run(
  `COPY (SELECT * FROM (VALUES
    ('g1', 'Strike in Nairobi', '2023-05-02', unhex('${wkbPointHex(36.82, -1.29)}')),
    ('g2', 'Border line', '2023-06-01', unhex('${LINE_HEX}'))
  ) t(id, title, date, geometry)) TO '${dir}events.geoparquet'
  (FORMAT parquet, KV_METADATA {geo: '${geo}'})`,
);
// Text that is not plain ASCII, and ASCII too long for the reader's quick way (parquet-table.ts).
await connection.run(
  `COPY (SELECT * FROM (VALUES
    ('k1', '신포 잠수함 발사', '2024-01-02', 129.1, 40.0),
    ('k2', 'Страйк у Києві — café ✓ 🚀', '2024-01-03', 30.5, 50.4),
    ('k3', '${'Long title '.repeat(60)}', '2024-01-04', 1.5, 2.5)
  ) t(id, title, date, longitude, latitude)) TO '${dir}events-text.parquet' (FORMAT parquet)`,
);
connection.closeSync();
instance.closeSync();
