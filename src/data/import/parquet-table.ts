/**
 * A Parquet (or GeoParquet) file in the browser, as a table of text cells for the importer
 * (import-dataset.ts `importTable`): the same column detection, column dialog, row checks and Data
 * issues as a CSV file. Cells are the text a CSV export would hold, as the data server writes them
 * (src/server/read-parquet.ts): a DATE is `2024-03-01`, a TIMESTAMP `2024-03-01 12:30:00` (UTC).
 * A GeoParquet point geometry becomes `longitude` and `latitude` columns.
 *
 * Loaded only by the import worker, only when a Parquet file is opened (import-worker.ts): the
 * reader never weighs on the page's first load.
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { DatasetError } from '../model/dataset-error.ts';
import type { ImportTable } from './column-mapping.ts';
import { FOOTER_READ_BYTES } from './parquet-magic.ts';

const twoDigits = (value: number) => String(value).padStart(2, '0');

const utf8 = new TextDecoder();
/** A page's bytes larger than this are not read as one string (V8's strings stop at 512 MB). */
const PAGE_TEXT_LIMIT = 32 * 1024 * 1024;
/**
 * Without a page string (a value in a buffer of its own, or a page past that size), longer text is
 * left to TextDecoder, which is then quick for its length.
 */
const SHORT_TEXT = 512;

/** The last page's bytes read as one string: its ASCII values are pieces of it. */
let pageBuffer: ArrayBufferLike | null = null;
let pageText = '';

/**
 * A page's bytes as one string of one-byte characters, each byte its own character. Bytes from
 * 0x80 up lose their top bit first: a value holding one is decoded by itself, never cut from
 * here, and a page string with none stays one byte a character, which decodes about 2.4 times
 * faster in Chromium than Latin-1 (docs/performance.md).
 */
function textOfPage(buffer: ArrayBufferLike): string | null {
  if (buffer !== pageBuffer) {
    const { byteLength } = buffer;
    if (byteLength > PAGE_TEXT_LIMIT) return null;
    const words = new Uint32Array(Math.ceil(byteLength / 4));
    new Uint8Array(words.buffer).set(new Uint8Array(buffer));
    for (let index = 0; index < words.length; index += 1)
      words[index] = (words[index] ?? 0) & 0x7f7f7f7f;
    pageText = utf8.decode(new Uint8Array(words.buffer, 0, byteLength));
    pageBuffer = buffer;
  }
  return pageText;
}

/**
 * A text value's bytes as a string, as hyparquet's own `TextDecoder` would give it. hyparquet
 * hands over each value as a view into its page's bytes, and a browser's TextDecoder costs more
 * per call than a short cell does (docs/performance.md). So a page is decoded once, and each
 * ASCII value is its piece of that string; anything else goes to TextDecoder, which also
 * makes the same replacement characters of broken UTF-8.
 */
function textFromBytes(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return bytes;
  const { length } = bytes;
  if (length === 0) return '';
  for (let index = 0; index < length; index += 1) {
    if ((bytes[index] ?? 0) > 0x7f) return utf8.decode(bytes);
  }
  // Only a view into a page much larger than the value: DELTA_BYTE_ARRAY gives a value that
  // shares a start with the one before it a buffer of its own, between views into the page, and
  // reading each of those as a page would read the page again each time.
  const page = bytes.buffer.byteLength >= length * 4 ? textOfPage(bytes.buffer) : null;
  if (page !== null) return page.slice(bytes.byteOffset, bytes.byteOffset + length);
  return length > SHORT_TEXT
    ? utf8.decode(bytes)
    : String.fromCharCode.apply(null, bytes as unknown as number[]);
}

function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function timestampText(date: Date): string {
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
  return `${dayText(date)} ${time}`;
}

function cellText(value: unknown, isDate: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return isDate ? dayText(value) : timestampText(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Uint8Array) return '';
  return JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === 'bigint' ? String(inner) : inner,
  );
}

/** A GeoJSON geometry as hyparquet decodes a GeoParquet WKB column; a point's x and y, else null. */
function pointOf(value: unknown): [number, number] | null {
  if (typeof value !== 'object' || value === null) return null;
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
  const [x, y] = geometry.coordinates as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? [x, y]
    : null;
}

/** The geometry columns the file's GeoParquet `geo` metadata names. */
function geometryColumns(metadata: FileMetaData): Set<string> {
  const geo = metadata.key_value_metadata?.find(({ key }) => key === 'geo')?.value;
  if (!geo) return new Set();
  try {
    const parsed = JSON.parse(geo) as { columns?: Record<string, unknown> };
    return new Set(Object.keys(parsed.columns ?? {}));
  } catch {
    return new Set();
  }
}

function unreadable(name: string, error: unknown): DatasetError {
  const detail = error instanceof Error ? error.message : String(error);
  return new DatasetError(
    /*i18n*/ {
      id: '{name} is not a readable Parquet file ({detail}).',
      values: { name, detail },
    },
  );
}

/** A file already in memory, read as readParquetFile reads one still arriving. */
export function readParquetBytes(
  bytes: Uint8Array,
  name: string,
  onRows?: (rows: number) => void,
): Promise<ImportTable> {
  const file: AsyncBuffer = {
    byteLength: bytes.byteLength,
    slice: (start, end = bytes.byteLength) =>
      bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end) as ArrayBuffer,
  };
  return readParquetFile(file, name, onRows);
}

/**
 * Reads every row of the file. Snappy is built into the reader; other codecs (ZSTD, GZIP, Brotli,
 * LZ4) load their decoders only when the file uses them. The file may still be arriving
 * (arriving-file.ts): each column chunk is decoded as its bytes come in.
 */
export async function readParquetFile(
  file: AsyncBuffer,
  name: string,
  onRows?: (rows: number) => void,
): Promise<ImportTable> {
  let metadata: FileMetaData;
  try {
    // Said as the reader says it of a buffer: the footer alone is 8 bytes.
    if (file.byteLength < 8) throw new Error('parquet file is too short');
    metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_READ_BYTES });
  } catch (error) {
    throw unreadable(name, error);
  }
  const codecs = new Set(
    metadata.row_groups.flatMap((group) =>
      group.columns.map((column) => column.meta_data?.codec ?? 'UNCOMPRESSED'),
    ),
  );
  const needsCompressors = [...codecs].some(
    (codec) => codec !== 'UNCOMPRESSED' && codec !== 'SNAPPY',
  );
  const compressors = needsCompressors
    ? (await import('hyparquet-compressors')).compressors
    : undefined;

  // Top-level columns only: nested groups are read as one JSON cell.
  const topLevel: { name: string; isDate: boolean }[] = [];
  for (let index = 1; index < metadata.schema.length; index += 1) {
    const element = metadata.schema[index];
    if (!element) continue;
    topLevel.push({
      name: element.name,
      isDate: element.converted_type === 'DATE' || element.logical_type?.type === 'DATE',
    });
    index += countDescendants(metadata, index);
  }
  const geometry = geometryColumns(metadata);
  const pointColumn = topLevel.findIndex((column) => geometry.has(column.name));
  const names = topLevel.map((column) => column.name);
  const addPoint = pointColumn >= 0 && !names.includes('longitude') && !names.includes('latitude');
  const kept = topLevel.map((_, index) => index).filter((index) => index !== pointColumn);

  let rows: unknown[][] = [];
  try {
    await parquetRead({
      file,
      metadata,
      compressors,
      parsers: { stringFromBytes: textFromBytes },
      onChunk: (chunk) => {
        if (chunk.columnName === names[0]) onRows?.(chunk.rowEnd);
      },
      onComplete: (result: unknown[][]) => {
        rows = result;
      },
    });
  } catch (error) {
    throw unreadable(name, error);
  } finally {
    // The cache does not hold the last page past the file. (A cell of 13 characters or more is
    // a view of its page's string, so the pages' strings live as long as the table's cells do.)
    pageBuffer = null;
    pageText = '';
  }
  const columns = [
    ...kept.map((index) => names[index] ?? ''),
    ...(addPoint ? ['longitude', 'latitude'] : []),
  ];
  if (pointColumn === -1) {
    // Each of hyparquet's row arrays becomes the row of cells itself: a million new arrays would
    // be garbage a moment later.
    const isDate = topLevel.map((column) => column.isDate);
    const width = isDate.length;
    for (const row of rows) {
      for (let index = 0; index < width; index += 1)
        row[index] = cellText(row[index], isDate[index] ?? false);
      row.length = width;
    }
    return { columns, rows: rows as string[][] };
  }
  return {
    columns,
    rows: rows.map((row) => {
      const cells = kept.map((index) => cellText(row[index], topLevel[index]?.isDate ?? false));
      if (addPoint) {
        // Lines and polygons have no single place: empty cells, which the row checks report as a
        // row without coordinates (a Data issue naming the row).
        const point = pointOf(row[pointColumn]);
        cells.push(point ? String(point[0]) : '', point ? String(point[1]) : '');
      }
      return cells;
    }),
  };
}

/** How many schema elements below `index` belong to it (a nested group's children, recursively). */
function countDescendants(metadata: FileMetaData, index: number): number {
  const children = metadata.schema[index]?.num_children ?? 0;
  let count = 0;
  for (let child = 0; child < children; child += 1) {
    const at = index + 1 + count;
    count += 1 + countDescendants(metadata, at);
  }
  return count;
}
