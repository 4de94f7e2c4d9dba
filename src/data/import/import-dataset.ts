/**
 * Bring-your-own-data: bytes of one or more files in, a Dataset out (or a proposal of columns for
 * the reader to confirm). Pure and synchronous, so it runs the same in a Web Worker, in Node for
 * tests and scripts, and on the main thread where workers are missing.
 *
 * Every row becomes an event or a reported issue: shown + reported = rows in the file.
 */
import { DatasetError } from '../model/dataset-error.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { FIELD_LABELS, REQUIRED_FIELDS, type ImportTable } from './column-mapping.ts';
import { parseCoordinate } from './coordinate-cell.ts';
import { proposeMapping } from './columns.ts';
import { parseCsv } from './csv.ts';
import { usesTwoDigitYears } from './date-cells.ts';
import { decodeBytes, type TextEncodingName } from './decode-text.ts';
import { findLookups, findRecords, joinLookups, recordsToTable } from './json-records.ts';
import {
  CONTRACT_SAMPLE_SIZE,
  baseName,
  blankReport,
  isObject,
  sampleIsOurs,
} from './contract-sample.ts';
import { buildDataset, streamDataset } from './table-to-dataset.ts';
import { settlementOf, type RecordSettlement } from './record-settlement.ts';
import type { CategoryMerge } from './category-cells.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { withReadableIds } from './readable-ids.ts';
import { sortChronologically } from '../model/sort-events.ts';
import type {
  ImportChoices,
  ImportContext,
  ImportInput,
  ImportOutcome,
  ImportReport,
} from './import-types.ts';
import type { Message } from '../../lib/i18n/message.ts';

/** The first rows are shown in the column dialog: a 5 MB cell is cut to what a table cell shows. */
const PREVIEW_CELL_LENGTH = 1000;

type Json = unknown;

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

/**
 * Whether JSON text stops in the middle of a value: more brackets opened than closed, or an
 * unclosed string. Half a download looks like this, and deserves to be named as such.
 */
export function jsonEndsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) depth += 1;
    else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
  return inString || depth > 0;
}

function parseJson(text: string, name: string): Json {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (jsonEndsEarly(text)) {
      throw new DatasetError(
        /*i18n*/ {
          id: '{name} stops in the middle (after {count} characters): the download was cut off, or the file is incomplete. Try again, or check the file.',
          values: { name, count: text.length.toLocaleString('en-GB') },
        },
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetError(
      /*i18n*/ { id: '{name} is not valid JSON ({detail}).', values: { name, detail } },
    );
  }
}

/** A FeatureCollection whose features carry our own properties (title, date, sources). */
function isContractCollection(json: Json): boolean {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return false;
  }
  return sampleIsOurs(json.features.slice(0, CONTRACT_SAMPLE_SIZE));
}

interface ReadFile {
  name: string;
  encoding: TextEncodingName;
  text: string;
  json: Json | undefined;
}

function readFile(input: ImportInput): ReadFile {
  const { text, encoding } = decodeBytes(input.bytes);
  const name = baseName(input.name);
  if (text.trim() === '')
    throw new DatasetError(/*i18n*/ { id: '{name} is empty.', values: { name } });
  const json = looksLikeJson(text) ? parseJson(text, name) : undefined;
  if (json === undefined && text.trimStart().startsWith('<')) {
    throw new DatasetError(
      /*i18n*/ {
        id: '{name} looks like an HTML page, not a dataset: is the address right?',
        values: { name },
      },
    );
  }
  return { name, encoding, text, json };
}

export function importDataset(
  inputs: ImportInput[],
  choices: ImportChoices | null,
  context: ImportContext,
): ImportOutcome {
  if (inputs.length === 0) throw new DatasetError(/*i18n*/ { id: 'No file was given.' });
  const { onProgress } = context;
  onProgress?.({ stage: 'reading', rows: 0 });
  const files = inputs.map(readFile);

  // The main file is the one with the most records; JSON companions may be joined onto it.
  const withRecords = files.map((file) => ({
    file,
    found: file.json === undefined ? null : findRecords(file.json),
  }));
  const csvFiles = files.filter((file) => file.json === undefined);
  if (csvFiles.length > 1) {
    throw new DatasetError(
      /*i18n*/ { id: 'Open one CSV file at a time (JSON files that list places may go with it).' },
    );
  }
  const main =
    csvFiles[0] ??
    withRecords.reduce((best, candidate) =>
      (candidate.found?.records.length ?? -1) > (best.found?.records.length ?? -1)
        ? candidate
        : best,
    ).file;
  const companions = files.filter((file) => file !== main);

  const report = blankReport(main.name, main.encoding);

  if (main.json !== undefined && isContractCollection(main.json)) {
    onProgress?.({ stage: 'checking', rows: 0 });
    // No readable ids here: a Dateline GeoJSON file is read by the worker's stream too, whose ids
    // this must match (feature-stream.test.ts), and the stream is first-load code (see readable-ids.ts).
    const dataset = validateFeatureCollection(main.json);
    if (dataset.metadata.title === 'Untitled dataset') dataset.metadata.title = main.name;
    return { kind: 'dataset', dataset, report: { ...report, format: 'dateline-geojson' } };
  }

  let table: ImportTable;
  let rowLines: number[] | null = null;
  if (main.json === undefined) {
    onProgress?.({ stage: 'parsing', rows: 0 });
    const csv = parseCsv(main.text, (rows) => onProgress?.({ stage: 'parsing', rows }));
    if (csv.header.length === 0) {
      throw new DatasetError(
        /*i18n*/ { id: '{name} has no header row.', values: { name: main.name } },
      );
    }
    table = { columns: csv.header, rows: csv.rows };
    rowLines = csv.rowLines;
  } else {
    const found = findRecords(main.json);
    const lookup = found
      ? null
      : findLookups(main.json).sort((a, b) => b.entries.size - a.entries.size)[0];
    if (lookup) {
      const example = [...lookup.entries.keys()][0] ?? '';
      throw new DatasetError(
        /*i18n*/ {
          id: '{name} lists {count} entries by name (like “{example}”), not events. If another file of events refers to them, open both files together (select both at once).',
          values: { name: main.name, count: lookup.entries.size, example },
        },
      );
    }
    if (!found) {
      throw new DatasetError(
        /*i18n*/ {
          id: 'No records were found in {name}: expected a GeoJSON FeatureCollection, a list of objects, or a CSV file with a header row.',
          values: { name: main.name },
        },
      );
    }
    table = recordsToTable(found.records);
    report.format =
      isObject(main.json) && main.json.type === 'FeatureCollection' ? 'geojson' : 'json';
    report.recordsPath = found.path;
    report.otherRecordGroups = found.others;
  }
  for (const companion of companions) {
    if (companion.json !== undefined)
      report.joins.push(...joinLookups(table, findLookups(companion.json)));
  }
  const hadCompanions = companions.length > 0;
  return importTable({ name: main.name, table, rowLines, report, hadCompanions }, choices, context);
}

/** A table read from a file, with what the importer needs to say about it. */
export interface TableToImport {
  /** The file's name: the dataset's title, and the name its messages give. */
  name: string;
  table: ImportTable;
  /** Each row's line in the file (CSV), for Data issues; null where rows have no lines. */
  rowLines: number[] | null;
  report: ImportReport;
  /** Files opened with it that may list places (a hint when no column holds coordinates). */
  hadCompanions?: boolean;
}

/**
 * A table of records (a CSV file's, a JSON list's, a Parquet file's read by the data server)
 * through column detection and the row checks, as any table is imported.
 */
export function importTable(
  toImport: TableToImport,
  choices: ImportChoices | null,
  context: ImportContext,
): ImportOutcome {
  const plan = planTable(toImport, choices);
  if (plan.kind === 'needs-mapping') return plan;
  const { name, table, rowLines, report } = toImport;
  const dataset = buildDataset(table, rowLines, plan.choices, buildContext(name, report, context));
  // Ids are made readable here, in the import chunk (readable-ids.ts), not in the first load;
  // events on the same days are ordered by id, so new ids may need a new order.
  if (withReadableIds(dataset.events)) sortChronologically(dataset.events);
  return { kind: 'dataset', dataset, report };
}

/**
 * As importTable, with the events handed to `send` a batch at a time as the rows are checked
 * (streamDataset): the dataset comes without its events, and the settlement says how the events
 * sent become them (record-settlement.ts). No settlement when there is no dataset yet (the
 * columns are to be confirmed).
 */
/** A streamed import's end: its outcome, and the records' settled order when it changed. */
export interface StreamedImport {
  outcome: ImportOutcome;
  settlement: RecordSettlement | null;
}

export function importTableStreamed(
  toImport: TableToImport,
  choices: ImportChoices | null,
  context: ImportContext,
  send: (records: DatasetEvent[]) => void,
): StreamedImport {
  const plan = planTable(toImport, choices);
  if (plan.kind === 'needs-mapping') return { outcome: plan, settlement: null };
  const { name, table, rowLines, report } = toImport;
  const { dataset, order } = streamDataset(
    table,
    rowLines,
    plan.choices,
    buildContext(name, report, context),
    send,
  );
  // The settled order holds every record whose id was derived whole, as importTable's events.
  if (withReadableIds(order)) sortChronologically(order);
  return { outcome: { kind: 'dataset', dataset, report }, settlement: settlementOf(order) };
}

function buildContext(name: string, report: ImportReport, context: ImportContext) {
  return {
    onRepeatedIds: (count: number) => (report.repeatedIds = count),
    onCategoryMerges: (merges: CategoryMerge[]) => (report.categoryMerges = merges),
    title: name,
    sourceUrl: context.sourceUrl,
    onProgress: context.onProgress,
  };
}

/**
 * The columns to read the table by: the proposal, when it is sure or the reader chose; otherwise
 * the proposal for the reader to confirm. Throws when the table cannot be imported at all.
 */
function planTable(
  { name, table, report, hadCompanions = false }: TableToImport,
  choices: ImportChoices | null,
): Extract<ImportOutcome, { kind: 'needs-mapping' }> | { kind: 'chosen'; choices: ImportChoices } {
  report.columns = table.columns;
  report.preview = table.rows
    .slice(0, 5)
    .map((row) =>
      row.map((cell) =>
        cell.length > PREVIEW_CELL_LENGTH ? cell.slice(0, PREVIEW_CELL_LENGTH) : cell,
      ),
    );
  const proposal = proposeMapping(table);
  report.proposal = proposal;
  report.twoDigitYears = twoDigitYearsIn(table, proposal.mapping.date);
  if (!choices) {
    if (proposal.mapping.latitude === null || proposal.mapping.longitude === null) {
      const hint = joinHint(table, hadCompanions);
      if (hint) {
        throw new DatasetError(/*i18n*/ { id: '{name}: {hint}', values: { name: name, hint } });
      }
    }
    if (proposal.doubts.length > 0) {
      return { kind: 'needs-mapping', proposal, report };
    }
  }
  const chosen: ImportChoices = choices ?? {
    mapping: proposal.mapping,
    dayOrder: proposal.dayOrder,
  };
  const unknownColumns = Object.values(chosen.mapping).filter(
    (column) => column !== null && !table.columns.includes(column),
  );
  if (unknownColumns.length > 0) {
    // Choices made for another file (an edited one, opened under the same name): ask again.
    return { kind: 'needs-mapping', proposal, report };
  }
  const missing = REQUIRED_FIELDS.filter((field) => chosen.mapping[field] === null);
  if (missing.length > 0) {
    throw new DatasetError(
      /*i18n*/ {
        id: 'Choose a column for {fields} to import {name}.',
        values: {
          fields: missing.map((field) => FIELD_LABELS[field].toLowerCase()).join(', '),
          name: name,
        },
      },
    );
  }
  report.mapping = chosen.mapping;
  report.dayOrder = chosen.dayOrder;
  report.twoDigitYears = twoDigitYearsIn(table, chosen.mapping.date);
  return { kind: 'chosen', choices: chosen };
}

function twoDigitYearsIn(table: ImportTable, dateColumnName: string | null): boolean {
  const column = dateColumnName === null ? -1 : table.columns.indexOf(dateColumnName);
  return column !== -1 && usesTwoDigitYears(table.rows.map((row) => row[column] ?? ''));
}

/** Why a file without coordinates cannot be mapped, and what would help; null if a column might. */
function joinHint(table: ImportTable, hadCompanions: boolean): Message | null {
  const numeric = table.columns.some((_, column) =>
    table.rows.slice(0, 50).some((row) => parseCoordinate(row[column] ?? '') !== null),
  );
  // Columns of short keys ("tonghae", "scud-b"): the kind a companion file lists places for.
  const keyColumns = table.columns.filter((_, column) => {
    const values = new Set(table.rows.map((row) => row[column] ?? ''));
    values.delete('');
    values.delete('unknown');
    return (
      values.size >= 3 &&
      values.size <= Math.max(12, table.rows.length / 3) &&
      [...values].every((value) => /^[a-z][a-z0-9_-]*$/.test(value))
    );
  });
  const count = table.rows.length.toLocaleString('en-GB');
  if (keyColumns.length > 0) {
    const named = keyColumns.map((column) => `“${column}”`).join(', ');
    return hadCompanions
      ? /*i18n*/ {
          id: 'its {count} records have no coordinates, and no file opened with it lists places for {named}.',
          values: { count, named },
        }
      : /*i18n*/ {
          id: 'its {count} records have no coordinates (latitude and longitude). Their {named} values look like keys of places listed in another file: open this file together with that one (select both at once) to join them.',
          values: { count, named },
        };
  }
  if (!numeric) {
    return /*i18n*/ {
      id: 'its {count} records have no coordinates (latitude and longitude), so they cannot be placed on the map.',
      values: { count },
    };
  }
  return null;
}
