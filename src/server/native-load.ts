/**
 * A Parquet or CSV file read by DuckDB itself, for files too large for the importer to hold in
 * memory (tens or hundreds of millions of rows). The rules stay the importer's:
 * - the columns are detected by the importer on the file's first rows (`importTable`);
 * - every date cell is read by the importer's own date reader, once per distinct cell;
 * - category forms are merged by the importer's rule, once per distinct cell;
 * - the row checks (title, date, coordinates) and ids are the importer's, written in SQL, and the
 *   examples of Data issues are the importer's own words for those rows;
 * - an event shown is built from its row's cells by the importer's row reader.
 * The parity test (native-load.test.ts) holds the two paths to the same events and issues.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { DuckDBListValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DatasetError } from '../data/model/dataset-error.ts';
import { MAX_ID_LENGTH, slugify } from '../data/model/derive-id.ts';
import { parseEdtf } from '../data/model/edtf.ts';
import {
  DEFAULT_CATEGORY,
  type DataIssue,
  type DatasetEvent,
  type DatasetMetadata,
} from '../data/model/schema.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { cleanCategory, mergeCategoryForms } from '../data/import/category-cells.ts';
import type { ColumnMapping, ImportTable, MappedField } from '../data/import/column-mapping.ts';
import { blankReport } from '../data/import/contract-sample.ts';
import { parseCsv } from '../data/import/csv.ts';
import { importTable } from '../data/import/import-dataset.ts';
import type { ImportChoices } from '../data/import/import-types.ts';
import { readableEventId } from '../data/import/readable-ids.ts';
import {
  columnsRead,
  serverChoices,
  settledMetadata,
  type DatasetSettings,
  type SayNote,
} from './dataset-settings.ts';
import { MERCATOR_Y_SQL } from './mercator-sql.ts';
import { hasRichColumns, RowProblem, tableRowReader } from '../data/import/table-to-dataset.ts';
import type { ColumnsRead } from '../data/server-view/columns-read.ts';

/** Rows the importer sees to choose the columns: enough for every column's evidence. */
const SAMPLE_ROWS = 20_000;
/** The first issues a description lists in full: the rest are counted. */
export const ISSUE_EXAMPLES = 20;

/** The cells a shown event is built from beyond its checked fields, in this order in `cells`. */
const BODY_FIELDS: readonly MappedField[] = [
  'summary',
  'place',
  'link',
  'publisher',
  'country',
  'locationPrecision',
];
/** The cells the row checks read, fetched again for the rows whose issues are shown in full. */
const CHECKED_FIELDS: readonly MappedField[] = [
  'date',
  'endDate',
  'latitude',
  'longitude',
  'title',
  'summary',
  'id',
];

/** What DuckDB calls the numeric types: a coordinate column of one needs no parsing. */
const NUMERIC_TYPE =
  /^(DOUBLE|FLOAT|REAL|DECIMAL.*|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT)$/;

/** JavaScript's `trim()` whitespace, as code points for DuckDB's character-set trim. */
const SPACES = [
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
/** The whitespace as one SQL text literal, for DuckDB's character-set trim. */
const SPACE_SET = `'${String.fromCodePoint(...SPACES)}'`;

const MACROS = [
  `CREATE OR REPLACE TEMP MACRO is_ascii(t) AS regexp_full_match(t, '[\\x00-\\x7F]*')`,
  // The character-set trim is slow: it runs only where an end is whitespace.
  `CREATE OR REPLACE TEMP MACRO js_trim(s) AS CASE
     WHEN contains(${SPACE_SET}, left(s, 1)) OR contains(${SPACE_SET}, right(s, 1))
     THEN trim(s, ${SPACE_SET}) ELSE s END`,
  `CREATE OR REPLACE TEMP MACRO js_trim_end(s) AS CASE
     WHEN contains(${SPACE_SET}, right(s, 1)) THEN rtrim(s, ${SPACE_SET}) ELSE s END`,
  // The spreadsheet-formula guard our CSV export adds ('=…), undone as the importer undoes it.
  `CREATE OR REPLACE TEMP MACRO unguard(s) AS CASE
     WHEN starts_with(s, '''') AND substr(s, 2, 1) IN ('=', '+', '-', '@') THEN substr(s, 2) ELSE s END`,
  // parseCoordinate (coordinate-cell.ts): a decimal comma, then one number and nothing else.
  `CREATE OR REPLACE TEMP MACRO coordinate_text(t) AS CASE
     WHEN regexp_full_match(t, '-?\\d+,\\d+') THEN replace(t, ',', '.') ELSE t END`,
  `CREATE OR REPLACE TEMP MACRO coordinate(t) AS CASE
     WHEN regexp_full_match(coordinate_text(t), '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?')
     THEN TRY_CAST(coordinate_text(t) AS DOUBLE) END`,
  // The first sentence of a summary, for a row without a title (table-to-dataset.ts firstSentence).
  `CREATE OR REPLACE TEMP MACRO sentence_of(s) AS coalesce(nullif(regexp_extract(s, '^(.+?[.!?])(\\s|$)', 1), ''), s)`,
  `CREATE OR REPLACE TEMP MACRO first_sentence(s) AS CASE
     WHEN length(sentence_of(s)) <= 100 THEN sentence_of(s)
     ELSE js_trim_end(left(sentence_of(s), 99)) || '…' END`,
  // slugify(text, 20) for ASCII text; other text goes through the importer's own slugify. Most
  // ids are slugs already (the cheap test); the rest are split into words.
  `CREATE OR REPLACE TEMP MACRO ascii_slug(t) AS CASE
     WHEN regexp_full_match(t, '[a-z0-9]+(-[a-z0-9]+){0,19}') THEN t
     ELSE array_to_string(
       list_slice(list_filter(string_split_regex(lower(t), '[^a-z0-9]+'), w -> w <> ''), 1, 20), '-') END`,
  // normalizeForSearch (search-text.ts): accents off, then lower case.
  `CREATE OR REPLACE TEMP MACRO search_text(t) AS lower(strip_accents(t))`,
];

/** The start of a CSV file the importer's own reader reads again, for its rows' line numbers. */
const LINE_PREFIX_BYTES = 32 * 2 ** 20;

/**
 * The line each of these rows starts on, as the importer counts lines (quoted line breaks, blank
 * lines left out): the file's start is read by the importer's CSV reader. Rows beyond its first
 * 32 MB, or a start it cannot read, get no line: their position still says which they are.
 */
async function csvLines(path: string, positions: number[]): Promise<Map<number, number>> {
  const lines = new Map<number, number>();
  if (positions.length === 0) return lines;
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.min(size, LINE_PREFIX_BYTES));
    await handle.read(bytes, 0, bytes.length, 0);
    let text = new TextDecoder('utf-8').decode(bytes);
    // A cut file ends at its last line break: the row across the cut is not read.
    if (bytes.length < size) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    const { rowLines } = parseCsv(text);
    for (const position of positions) {
      const line = rowLines[position];
      if (line !== undefined) lines.set(position, line);
    }
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
  } finally {
    await handle.close();
  }
  return lines;
}

/** A LIST value as DuckDB's reader hands it over: an array, or a value holding its items. */
function listItems(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof DuckDBListValue) return value.items;
  return [];
}

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface NativeDataset {
  metadata: DatasetMetadata;
  /** The column the categories came from, null when none was found. */
  categoryColumn: string | null;
  /** Which column became each field, and who chose. */
  columns: ColumnsRead | null;
  recordCount: number;
  eventCount: number;
  issueCount: number;
  issueExamples: DataIssue[];
  /** The event a row of the events table is (its `position`, `id`, `id_derived`, `category`, …). */
  eventOf: (row: Record<string, unknown>) => DatasetEvent;
  /** How long each step of the load took, in seconds, for the benchmark to print. */
  steps: { step: string; seconds: number }[];
}

/** The columns of `events` an event is built from. */
export const NATIVE_EVENT_COLUMNS =
  'position, id, id_derived, category, title, edtf, longitude, latitude, cells';

/**
 * An event's id and title words, found when asked (only for an unknown id) rather than stored for
 * every row: a superset of closest.ts's words, which then rank the candidates.
 */
export const NATIVE_SLUG_WORDS = `(' ' || regexp_replace(search_text(id || ' ' || title), '[^a-z0-9]+', ' ', 'g') || ' ')`;

type Rows = Record<string, unknown>[];

/**
 * Fills `events` (the engine's table, duckdb-engine.ts) from the file at `path`; null when the
 * file is not one this path reads (GeoJSON, a Parquet file of WKB points, our own export with its
 * sources and translations), which the whole-file import then reads.
 */
export async function loadNative(
  connection: DuckDBConnection,
  path: string,
  settings: DatasetSettings = {},
  say: SayNote = () => undefined,
): Promise<NativeDataset | null> {
  const name = basename(path);
  const isParquet = /\.(geo)?parquet$/i.test(name);
  if (!isParquet && !/\.(csv|tsv|txt)$/i.test(name)) return null;
  const rows = async (sql: string, values: DuckDBValue[] = []): Promise<Rows> =>
    (await connection.runAndReadAll(sql, values)).getRowObjectsJS() as Rows;
  for (const macro of MACROS) await connection.run(macro);
  const steps: NativeDataset['steps'] = [];
  let stepStarted = performance.now();
  const stepDone = (step: string) => {
    const now = performance.now();
    steps.push({ step, seconds: (now - stepStarted) / 1000 });
    stepStarted = now;
  };

  // The file as a relation with each row's 0-based position in it.
  if (isParquet) {
    await connection.run(
      `CREATE TEMP VIEW source AS SELECT * EXCLUDE (file_row_number), file_row_number AS "·position"
       FROM read_parquet(${quoted(path)}, file_row_number = true)`,
    );
  } else {
    // A CSV file is parsed once into a table: every later pass would otherwise parse it again.
    try {
      await connection.run(
        `CREATE TABLE source AS SELECT *, (row_number() OVER () - 1) AS "·position"
         FROM read_csv(${quoted(path)}, all_varchar = true, header = true)`,
      );
    } catch {
      // Not UTF-8, or not a CSV dialect DuckDB reads: the importer decodes and reads it.
      return null;
    }
  }
  const described = await rows('DESCRIBE source');
  const types = new Map(
    described.map((row) => [String(row.column_name), String(row.column_type)] as const),
  );
  types.delete('·position');
  if ([...types.values()].some((type) => type === 'BLOB')) return null;
  const columns = [...types.keys()];
  if (hasRichColumns(columns)) return null;

  const cellSql = (column: string) => `coalesce(CAST(${identifier(column)} AS VARCHAR), '')`;
  const sampleRows = await rows(
    `SELECT * EXCLUDE ("·position") FROM (
       SELECT ${columns.map(cellSql).join(', ')}, "·position" FROM source LIMIT ${SAMPLE_ROWS})
     ORDER BY "·position"`,
  );
  const sample: ImportTable = {
    columns,
    rows: sampleRows.map((row) => Object.values(row).map(String)),
  };
  const outcome = importTable(
    { name, table: sample, rowLines: null, report: blankReport(name, 'utf-8') },
    null,
    { sourceUrl: null },
  );
  const settled = serverChoices(outcome, settings, name, say);
  stepDone('columns');
  const { mapping, dayOrder } = settled ?? outcome.report;
  if (mapping === null || dayOrder === null) return null;
  const choices: ImportChoices = { mapping, dayOrder };
  const reader = tableRowReader(sample, choices, { title: name, sourceUrl: null });
  const cellOf = (field: MappedField) => {
    const column = mapping[field];
    return column === null ? "''" : cellSql(column);
  };
  /** A row of the sample's shape holding these cells, for the importer's readers. */
  const rowOf = (cells: Partial<Record<MappedField, string>>): string[] => {
    const row = columns.map(() => '');
    for (const [field, text] of Object.entries(cells)) {
      const index = columns.indexOf(mapping[field as MappedField] ?? '');
      if (index !== -1) row[index] = text;
    }
    return row;
  };

  await fillDates(connection, rows, cellOf, (date, endDate) =>
    reader.readDate(rowOf({ date, endDate })),
  );
  await fillCategories(connection, rows, cellOf('category'));
  stepDone('dates and categories');
  await fillIdSlugs(connection, rows, cellOf('id'));
  await connection.run(`CREATE TABLE checked AS ${checkedRowsSql(mapping, types, cellOf, sample)}`);
  stepDone('row checks');
  await settleIds(connection, rows);
  stepDone('ids');
  await connection.run(`CREATE TABLE events AS ${eventsSql()}`);
  stepDone('events in order');

  const [counts] = await rows(
    `SELECT count(*) AS records, count(*) FILTER (WHERE NOT ok) AS issues FROM checked`,
  );
  const failing = await rows(
    `SELECT ${CHECKED_FIELDS.map((field) => `${cellOf(field)} AS "${field}"`).join(', ')}, "·position" AS position
     FROM source WHERE "·position" IN (
       SELECT position FROM checked WHERE NOT ok ORDER BY position LIMIT ${ISSUE_EXAMPLES})
     ORDER BY "·position"`,
  );
  const lines = isParquet
    ? new Map<number, number>()
    : await csvLines(
        path,
        failing.map((row) => Number(row.position)),
      );
  const issueExamples = failing.map((row): DataIssue => {
    const fileRow = rowOf(
      Object.fromEntries(CHECKED_FIELDS.map((field) => [field, String(row[field])])),
    );
    const position = Number(row.position);
    try {
      reader.readCore(fileRow);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      const line = lines.get(position);
      return {
        ...reader.issueOf(error, fileRow, position),
        ...(line === undefined ? {} : { line }),
      };
    }
    // The SQL checks refused a row the importer would take: said plainly rather than hidden.
    return {
      position,
      id: null,
      field: 'row',
      reason: 'the row did not pass the data server’s checks',
    } satisfies DataIssue;
  });
  for (const table of ['checked', 'dates', 'category_forms', 'id_slugs', 'repeats', 'derived_ids'])
    await connection.run(`DROP TABLE ${table}`);
  await connection.run(isParquet ? 'DROP VIEW source' : 'DROP TABLE source');
  const recordCount = Number(counts?.records ?? 0);
  const issueCount = Number(counts?.issues ?? 0);

  const eventOf = (row: Record<string, unknown>): DatasetEvent => {
    const cells = listItems(row.cells);
    const fileRow = rowOf(
      Object.fromEntries(BODY_FIELDS.map((field, i) => [field, String(cells[i] ?? '')])),
    );
    const position = Number(row.position);
    const core = {
      title: String(row.title),
      date: String(row.edtf),
      // −0 is 0 on a map, and in the JSON an answer is sent as.
      latitude: Number(row.latitude) || 0,
      longitude: Number(row.longitude) || 0,
    };
    const id = String(row.id);
    const feature = reader.featureOf(fileRow, position, core, id, String(row.category));
    const [event] = validateFeatureCollection(
      { type: 'FeatureCollection', features: [feature] },
      { positions: [position], noun: 'row' },
    ).events;
    if (event === undefined) {
      throw new DatasetError(`${name}: row ${position + 1} no longer reads as it did when loaded`);
    }
    return { ...event, idDerived: row.id_derived === true };
  };
  return {
    metadata: settledMetadata(
      { title: name, description: '', license: '', source: '', updated: '' },
      settings,
    ),
    categoryColumn: mapping.category,
    columns: columnsRead(
      mapping,
      outcome.kind === 'needs-mapping' ? outcome.proposal.doubtNotes : null,
      settings,
    ),
    recordCount,
    eventCount: recordCount - issueCount,
    issueCount,
    issueExamples,
    eventOf,
    steps,
  };
}

/**
 * Every distinct (date, end date) pair read once by the importer's date reader: a dataset of a
 * hundred million rows has a few thousand distinct dates.
 */
async function fillDates(
  connection: DuckDBConnection,
  rows: (sql: string) => Promise<Rows>,
  cellOf: (field: MappedField) => string,
  readDate: (date: string, endDate: string) => string,
): Promise<void> {
  await connection.run(
    `CREATE TABLE dates (date_cell VARCHAR, end_cell VARCHAR, edtf VARCHAR, start_day INTEGER, end_day INTEGER)`,
  );
  const pairs = await rows(
    `SELECT DISTINCT ${cellOf('date')} AS date_cell, ${cellOf('endDate')} AS end_cell FROM source`,
  );
  const appender = await connection.createAppender('dates');
  for (const pair of pairs) {
    const dateCell = String(pair.date_cell);
    const endCell = String(pair.end_cell);
    appender.appendVarchar(dateCell);
    appender.appendVarchar(endCell);
    let parsed: ReturnType<typeof parseEdtf> | null = null;
    try {
      const edtf = readDate(dateCell.trim(), endCell.trim());
      parsed = parseEdtf(edtf);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
    }
    if (parsed?.ok) {
      appender.appendVarchar(parsed.date.edtf);
      appender.appendInteger(parsed.date.start);
      appender.appendInteger(parsed.date.end);
    } else {
      appender.appendNull();
      appender.appendNull();
      appender.appendNull();
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Category cells merged into the form most rows use, by the importer's rule (category-cells.ts). */
async function fillCategories(
  connection: DuckDBConnection,
  rows: (sql: string) => Promise<Rows>,
  categoryCell: string,
): Promise<void> {
  await connection.run('CREATE TABLE category_forms (cell VARCHAR, category VARCHAR)');
  const cells = await rows(
    `SELECT ${categoryCell} AS cell, count(*) AS n, min("·position") AS first FROM source GROUP BY 1 ORDER BY first`,
  );
  // One cleaned category per row, in the file's order of first appearance, as the importer counts.
  function* perRow() {
    for (const row of cells) {
      const category = cleanCategory(String(row.cell).trim());
      for (let count = Number(row.n); count > 0; count -= 1) yield category;
    }
  }
  const forms = mergeCategoryForms(perRow());
  const appender = await connection.createAppender('category_forms');
  for (const row of cells) {
    appender.appendVarchar(String(row.cell));
    appender.appendVarchar(
      forms.formOf(cleanCategory(String(row.cell).trim())) || DEFAULT_CATEGORY,
    );
    appender.endRow();
  }
  appender.closeSync();
}

/** The importer's row checks in SQL: `ok` when a row becomes an event, with what it becomes. */
function checkedRowsSql(
  mapping: ColumnMapping,
  types: Map<string, string>,
  cellOf: (field: MappedField) => string,
  sample: ImportTable,
): string {
  const coordinate = (field: 'latitude' | 'longitude') => {
    const column = mapping[field] ?? '';
    return NUMERIC_TYPE.test(types.get(column) ?? '')
      ? `CAST(${identifier(column)} AS DOUBLE)`
      : `coordinate(js_trim(${cellOf(field)}))`;
  };
  // A number alone is no title: a magnitude column reads "Magnitude 4.8" (table-to-dataset.ts).
  const titleColumn = mapping.title ?? '';
  const titleIndex = sample.columns.indexOf(titleColumn);
  const firstTitles = sample.rows
    .slice(0, 200)
    .map((row) => row[titleIndex]?.trim() ?? '')
    .filter(Boolean);
  const titleIsNumeric =
    firstTitles.length > 0 &&
    firstTitles.every((text) => coordinateLike(text)) &&
    titleIndex !== -1;
  const titlePrefix = titleIsNumeric
    ? quoted(`${titleColumn.charAt(0).toUpperCase()}${titleColumn.slice(1)} `)
    : "''";
  return `
    WITH cells AS (
      SELECT "·position" AS position,
             [${BODY_FIELDS.map(cellOf).join(', ')}] AS cells,
             unguard(js_trim(${cellOf('title')})) AS title_text,
             unguard(js_trim(${cellOf('summary')})) AS summary_text,
             ${cellOf('date')} AS date_cell, ${cellOf('endDate')} AS end_cell,
             ${cellOf('category')} AS category_cell,
             js_trim(${cellOf('id')}) AS id_text,
             ${cellOf('id')} AS id_cell,
             ${coordinate('latitude')} AS latitude,
             ${coordinate('longitude')} AS longitude
      FROM source),
    read AS (
      SELECT position, cells, latitude, longitude, category_cell,
             CASE WHEN title_text <> '' THEN ${titlePrefix} || title_text
                  WHEN summary_text <> '' THEN first_sentence(summary_text) END AS title,
             dates.edtf, dates.start_day, dates.end_day,
             -- The id as a slug (slugify(cell, 20)); one too long for a link is no id.
             CASE WHEN id_text = '' THEN ''
                  WHEN is_ascii(id_text) THEN ascii_slug(id_text)
                  ELSE coalesce(id_slugs.slug, '') END AS long_slug,
             CASE WHEN length(long_slug) > ${MAX_ID_LENGTH} THEN '' ELSE long_slug END AS slug
      FROM cells LEFT JOIN dates USING (date_cell, end_cell)
        LEFT JOIN id_slugs ON id_slugs.cell = cells.id_cell)
    SELECT position, cells, slug, title, edtf, start_day, end_day, latitude, longitude,
           coalesce(category_forms.category, '${DEFAULT_CATEGORY}') AS category,
           (title IS NOT NULL AND edtf IS NOT NULL
            AND latitude IS NOT NULL AND isfinite(latitude) AND abs(latitude) <= 90
            AND longitude IS NOT NULL AND isfinite(longitude) AND abs(longitude) <= 180) AS ok
    FROM read LEFT JOIN category_forms ON category_forms.cell = read.category_cell`;
}

/** parseCoordinate's test, for the title rule, without importing the cell reader twice. */
function coordinateLike(text: string): boolean {
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  return (
    /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalised) &&
    Number.isFinite(Number(normalised))
  );
}

/** Ids written in other scripts than ASCII, made slugs by the importer's own slugify. */
async function fillIdSlugs(
  connection: DuckDBConnection,
  rows: (sql: string) => Promise<Rows>,
  idCell: string,
): Promise<void> {
  await connection.run('CREATE TABLE id_slugs (cell VARCHAR, slug VARCHAR)');
  const cells = await rows(
    `SELECT DISTINCT ${idCell} AS cell FROM source WHERE NOT is_ascii(${idCell})`,
  );
  const appender = await connection.createAppender('id_slugs');
  for (const row of cells) {
    appender.appendVarchar(String(row.cell));
    appender.appendVarchar(slugify(String(row.cell).trim(), 20));
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Ids for rows that gave none, or gave one an earlier row took: derived from their content as the
 * importer derives them, in file order, with a counter where a derived id is taken
 * (feature-checker.ts, readable-ids.ts). A repeated id is rare: the few repeated slugs, each with
 * the first row that gave it, are a small table rather than a window over every row.
 */
async function settleIds(
  connection: DuckDBConnection,
  rows: (sql: string) => Promise<Rows>,
): Promise<void> {
  await connection.run(`CREATE TABLE repeats AS
    SELECT slug, min(position) AS first FROM checked WHERE ok AND slug <> ''
    GROUP BY slug HAVING count(*) > 1`);
  await connection.run('CREATE TABLE derived_ids (position BIGINT, id VARCHAR)');
  const underived = `checked.ok AND (checked.slug = '' OR checked.position IN (
    SELECT checked.position FROM checked JOIN repeats USING (slug) WHERE checked.position <> repeats.first))`;
  const [hangul] = await rows(`
    SELECT bool_or(regexp_matches(title, '[\\x{1100}-\\x{11ff}\\x{3130}-\\x{318f}\\x{ac00}-\\x{d7a3}]')) AS any
    FROM checked WHERE ${underived}`);
  // Only given ids shaped like derived ones can meet a derived id: the rest need not be held.
  const taken = new Set(
    (
      await rows(
        `SELECT DISTINCT slug FROM checked WHERE ok AND regexp_full_match(slug, '.*-[0-9a-z]{7}(-[0-9]+)?')`,
      )
    ).map((row) => String(row.slug)),
  );
  const result = await connection.stream(`
    SELECT position, title, edtf, longitude, latitude FROM checked WHERE ${underived} ORDER BY position`);
  const appender = await connection.createAppender('derived_ids');
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0;) {
    for (const [position, title, edtf, longitude, latitude] of chunk.getRows()) {
      const base = readableEventId(
        {
          title: String(title),
          edtf: String(edtf),
          longitude: Number(longitude),
          latitude: Number(latitude),
        },
        hangul?.any === true,
      );
      let id = base;
      for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
      taken.add(id);
      appender.appendBigInt(BigInt(Number(position)));
      appender.appendVarchar(id);
      appender.endRow();
    }
    chunk = await result.fetchChunk();
  }
  appender.closeSync();
}

/**
 * The events table's rows, stored in chronological order (start, end, id), as the importer sorts
 * them: `ord` is the place in it, and a date range reads only the row groups that hold it.
 */
function eventsSql(): string {
  return `
    SELECT (row_number() OVER () - 1)::INTEGER AS ord, * FROM (
      SELECT checked.position, coalesce(derived_ids.id, checked.slug) AS id,
             derived_ids.id IS NOT NULL AS id_derived, category, longitude, latitude, start_day, end_day,
             title, edtf, ${MERCATOR_Y_SQL} AS mercator_y,
             search_text(concat_ws(chr(10), title, unguard(js_trim(cells[1])),
               unguard(js_trim(cells[2])), category, cells[3])) AS search,
             '' AS languages, false AS has_story, cells
      FROM checked LEFT JOIN derived_ids USING (position)
      WHERE checked.ok
      ORDER BY start_day, end_day, id)`;
}
