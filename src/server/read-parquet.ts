/**
 * A Parquet file as a table of text cells, for the importer to read as it reads a CSV file's
 * (import-dataset.ts `importTable`): DuckDB reads the file; dates, times and numbers become the
 * text they would be in a CSV export. A GeoParquet geometry column of points (WKB) becomes
 * `longitude` and `latitude` columns.
 */
import { DuckDBBlobValue, DuckDBInstance } from '@duckdb/node-api';
import type { ImportTable } from '../data/import/column-mapping.ts';

/** A WKB point's coordinates (ISO or extended WKB, any byte order); null for any other shape. */
export function wkbPoint(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 21) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint8(0) === 1;
  const type = view.getUint32(1, little);
  const hasSrid = (type & 0x20000000) !== 0;
  // Z, M and ZM points (ISO 1001…3001, or extended flags) still start with x and y.
  if ((type & 0xffff) % 1000 !== 1) return null;
  const at = hasSrid ? 9 : 5;
  if (bytes.length < at + 16) return null;
  const x = view.getFloat64(at, little);
  const y = view.getFloat64(at + 8, little);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

export async function readParquetTable(path: string): Promise<ImportTable> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet(?)', [path]);
    const names = reader.columnNames();
    const rows = reader.getRows();
    const blobColumns = names
      .map((_, column) => column)
      .filter((column) => rows.some((row) => row[column] instanceof DuckDBBlobValue));
    // A column of WKB points is the events' places; other binary columns are not text to import.
    const pointColumn = blobColumns.find((column) =>
      rows.every((row) => {
        const value = row[column];
        return (
          value === null || (value instanceof DuckDBBlobValue && wkbPoint(value.bytes) !== null)
        );
      }),
    );
    const kept = names.map((_, column) => column).filter((column) => !blobColumns.includes(column));
    const addPoint =
      pointColumn !== undefined && !names.includes('longitude') && !names.includes('latitude');
    return {
      columns: [
        ...kept.map((column) => names[column] ?? ''),
        ...(addPoint ? ['longitude', 'latitude'] : []),
      ],
      rows: rows.map((row) => {
        const cells = kept.map((column) => cellText(row[column]));
        if (addPoint) {
          const value = row[pointColumn];
          const point = value instanceof DuckDBBlobValue ? wkbPoint(value.bytes) : null;
          cells.push(point ? String(point[0]) : '', point ? String(point[1]) : '');
        }
        return cells;
      }),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
