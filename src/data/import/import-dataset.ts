/**
 * Bring-your-own-data: bytes of one or more files in, a Dataset out (or a proposal of columns for
 * the reader to confirm). Pure and synchronous, so it runs the same in a Web Worker, in Node for
 * tests and scripts, and on the main thread where workers are missing.
 *
 * Every row becomes an event or a reported issue: shown + reported = rows in the file.
 */
import { MAX_ID_LENGTH, slugify } from '../model/derive-id.ts';
import { splitListCell } from '../export/export.ts';
import { parseEdtf } from '../model/edtf.ts';
import type { DataIssue, Dataset } from '../model/schema.ts';
import { DatasetError, isHttpUrl, validateFeatureCollection } from '../model/validate.ts';
import {
  FIELD_LABELS,
  REQUIRED_FIELDS,
  parseCoordinate,
  proposeMapping,
  type ColumnMapping,
  type ImportTable,
  type MappedField,
  type MappingProposal,
} from './columns.ts';
import { parseCsv } from './csv.ts';
import { parseDateCell, usesTwoDigitYears, type DayOrder } from './date-cells.ts';
import { decodeBytes, type TextEncodingName } from './decode-text.ts';
import { findLookups, findRecords, joinLookups, recordsToTable } from './json-records.ts';
import {
  CONTRACT_SAMPLE_SIZE,
  baseName,
  blankReport,
  isObject,
  sampleIsOurs,
} from './contract-sample.ts';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportChoices {
  mapping: ColumnMapping;
  dayOrder: DayOrder;
}

export interface ImportProgress {
  stage: 'waiting' | 'downloading' | 'reading' | 'parsing' | 'checking';
  /** While waiting: seconds since the server last sent anything. */
  silentSeconds?: number;
  /**
   * Rows read or checked so far; while downloading, the records already read from the part that
   * has arrived (feature-stream.ts), or 0.
   */
  rows: number;
  /** Bytes downloaded so far, and the total when the server says it. */
  bytes?: number;
  totalBytes?: number | null;
  /** For a dataset in parts (a manifest): how many parts are in. */
  part?: { done: number; count: number };
}

export type DatasetFormat = 'dateline-geojson' | 'geojson' | 'json' | 'csv';

/** How a file was read, for the reader to check: shown beside the dataset's name. */
export interface ImportReport {
  fileName: string;
  format: DatasetFormat;
  encoding: TextEncodingName;
  /** Null for files already in our contract. */
  mapping: ColumnMapping | null;
  dayOrder: DayOrder | null;
  /** True when two-digit years were read, so the pivot rule is stated. */
  twoDigitYears: boolean;
  /** Joins made with companion files, like "facility → facilities". */
  joins: string[];
  /** Where in a JSON file the records were found. */
  recordsPath: string | null;
  columns: string[];
  /** The importer's own guess, offered again when the reader wants to change the columns. */
  proposal: MappingProposal | null;
  /** The first rows, for the reader to see what the columns hold. */
  preview: string[][];
  /** Other groups of records in a JSON file that were not imported, like "archive[] (12)". */
  otherRecordGroups: string[];
  /** Rows whose id repeats an earlier row's: they keep their place with an id of their own. */
  repeatedIds: number;
}

export type ImportOutcome =
  | { kind: 'dataset'; dataset: Dataset; report: ImportReport }
  | { kind: 'needs-mapping'; proposal: MappingProposal; report: ImportReport };

export interface ImportContext {
  /** The dataset's own address, linked as the source of rows that name none; null for local files. */
  sourceUrl: string | null;
  onProgress?: (progress: ImportProgress) => void;
}

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
        `${name} stops in the middle (after ${text.length.toLocaleString('en-GB')} characters): the download was cut off, or the file is incomplete. Try again, or check the file.`,
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetError(`${name} is not valid JSON (${detail}).`);
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
  if (text.trim() === '') throw new DatasetError(`${name} is empty.`);
  const json = looksLikeJson(text) ? parseJson(text, name) : undefined;
  if (json === undefined && text.trimStart().startsWith('<')) {
    throw new DatasetError(`${name} looks like an HTML page, not a dataset: is the address right?`);
  }
  return { name, encoding, text, json };
}

export function importDataset(
  inputs: ImportInput[],
  choices: ImportChoices | null,
  context: ImportContext,
): ImportOutcome {
  if (inputs.length === 0) throw new DatasetError('No file was given.');
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
      'Open one CSV file at a time (JSON files that list places may go with it).',
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
    const dataset = validateFeatureCollection(main.json);
    if (dataset.metadata.title === 'Untitled dataset') dataset.metadata.title = main.name;
    return { kind: 'dataset', dataset, report: { ...report, format: 'dateline-geojson' } };
  }

  let table: ImportTable;
  let rowLines: number[] | null = null;
  if (main.json === undefined) {
    onProgress?.({ stage: 'parsing', rows: 0 });
    const csv = parseCsv(main.text, (rows) => onProgress?.({ stage: 'parsing', rows }));
    if (csv.header.length === 0) throw new DatasetError(`${main.name} has no header row.`);
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
        `${main.name} lists ${lookup.entries.size} entries by name (like “${example}”), not events. If another file of events refers to them, open both files together (select both at once).`,
      );
    }
    if (!found) {
      throw new DatasetError(
        `No records were found in ${main.name}: expected a GeoJSON FeatureCollection, a list of objects, or a CSV file with a header row.`,
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
      const hint = joinHint(table, companions.length > 0);
      if (hint) throw new DatasetError(`${main.name}: ${hint}`);
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
      `Choose a column for ${missing.map((field) => FIELD_LABELS[field].toLowerCase()).join(', ')} to import ${main.name}.`,
    );
  }
  report.mapping = chosen.mapping;
  report.dayOrder = chosen.dayOrder;
  report.twoDigitYears = twoDigitYearsIn(table, chosen.mapping.date);

  const dataset = buildDataset(table, rowLines, chosen, {
    onRepeatedIds: (count) => (report.repeatedIds = count),
    title: main.name,
    sourceUrl: context.sourceUrl,
    onProgress,
  });
  return { kind: 'dataset', dataset, report };
}

function twoDigitYearsIn(table: ImportTable, dateColumnName: string | null): boolean {
  const column = dateColumnName === null ? -1 : table.columns.indexOf(dateColumnName);
  return column !== -1 && usesTwoDigitYears(table.rows.map((row) => row[column] ?? ''));
}

/** Why a file without coordinates cannot be mapped, and what would help; null if a column might. */
function joinHint(table: ImportTable, hadCompanions: boolean): string | null {
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
  const count = `${table.rows.length.toLocaleString('en-GB')} records`;
  if (keyColumns.length > 0) {
    const named = keyColumns.map((column) => `“${column}”`).join(', ');
    return hadCompanions
      ? `its ${count} have no coordinates, and no file opened with it lists places for ${named}.`
      : `its ${count} have no coordinates (latitude and longitude). Their ${named} values look like keys of places listed in another file: open this file together with that one (select both at once) to join them.`;
  }
  if (!numeric)
    return `its ${count} have no coordinates (latitude and longitude), so they cannot be placed on the map.`;
  return null;
}

class RowProblem {
  constructor(
    readonly field: MappedField,
    readonly reason: string,
  ) {}
}

/** The source columns of our own CSV export, which round-trip exactly. */
const DATELINE_SOURCE_COLUMNS = ['source_publisher', 'source_url', 'source_title', 'source_quote'];
/** Each address up to a space, a separator, or the next address glued on (`…htmlhttp://…`). */
const URL_IN_TEXT = /https?:\/\/.+?(?=https?:\/\/|[\s<>"|;]|$)/gi;
const MAX_SOURCES = 10;
/** The first rows are shown in the column dialog: a 5 MB cell is cut to what a table cell shows. */
const PREVIEW_CELL_LENGTH = 1000;
const PROGRESS_EVERY = 20_000;

/** Undoes the spreadsheet-formula guard our CSV export adds ('=…), so a round trip is exact. */
function unguard(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Drops punctuation glued to the end of an address ("(see http://a.example/x)."), in one pass. */
function withoutTrailingPunctuation(url: string): string {
  // Not /[.,;:)\]]+$/: tried at each of a long run of dots, that regex took quadratic time.
  let end = url.length;
  while (end > 0 && '.,;:)]'.includes(url.charAt(end - 1))) end -= 1;
  return url.slice(0, end);
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function isNumericColumn(table: ImportTable, column: number): boolean {
  if (column === -1) return false;
  const values = table.rows
    .slice(0, 200)
    .map((row) => row[column]?.trim() ?? '')
    .filter(Boolean);
  return values.length > 0 && values.every((value) => parseCoordinate(value) !== null);
}

const TITLE_LENGTH = 100;

function firstSentence(text: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return sentence.length <= TITLE_LENGTH
    ? sentence
    : `${sentence.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

interface BuildContext {
  onRepeatedIds: (count: number) => void;
  title: string;
  sourceUrl: string | null;
  onProgress: ImportContext['onProgress'];
}

/** Contract field paths from the validator, said as the reader's own column names. */
function columnOf(field: string, mapping: ColumnMapping): string {
  if (field.startsWith('geometry')) return `${mapping.latitude ?? ''} / ${mapping.longitude ?? ''}`;
  if (field === 'id') return mapping.id ?? 'id';
  const key = /^properties\.(\w+)/.exec(field)?.[1];
  if (key === 'sources') return mapping.link ?? 'source';
  if (key && key in mapping) return mapping[key as MappedField] ?? key;
  return field;
}

function buildDataset(
  table: ImportTable,
  rowLines: number[] | null,
  { mapping, dayOrder }: ImportChoices,
  context: BuildContext,
): Dataset {
  const column = (field: MappedField) =>
    mapping[field] === null ? -1 : table.columns.indexOf(mapping[field] ?? '');
  const columns = Object.fromEntries(
    (Object.keys(mapping) as MappedField[]).map((field) => [field, column(field)]),
  ) as Record<MappedField, number>;
  const cell = (row: string[], field: MappedField) => {
    const index = columns[field];
    return index === -1 ? '' : (row[index] ?? '').trim();
  };
  const fail = (field: MappedField, reason: string): never => {
    throw new RowProblem(field, reason);
  };
  const sourceUrl =
    context.sourceUrl !== null && isHttpUrl(context.sourceUrl) ? context.sourceUrl : null;

  const readDate = (row: string[]): string => {
    const start = parseDateCell(cell(row, 'date'), dayOrder);
    if (!start.ok) return fail('date', start.reason);
    const endText = cell(row, 'endDate');
    if (endText === '') return start.edtf;
    const end = parseDateCell(endText, dayOrder);
    if (!end.ok) return fail('endDate', end.reason);
    // An interval is of calendar days: times of day do not belong in one.
    const startDay = start.edtf.replace(/T.*$/, '');
    const endDay = end.edtf.replace(/T.*$/, '');
    if (startDay === endDay) return start.edtf;
    const interval = `${startDay}/${endDay}`;
    const parsed = parseEdtf(interval);
    if (!parsed.ok)
      return fail(
        'endDate',
        `the end ${endText.length > 40 ? `${endText.slice(0, 40)}…` : endText} does not make an interval with the start (${parsed.reason})`,
      );
    return interval;
  };
  const titleColumn = mapping.title ?? '';
  const titleIsNumeric = isNumericColumn(table, columns.title);
  /** A number alone is no title: a magnitude column reads "magnitude 4.8". */
  const readTitle = (row: string[]): string => {
    const text = unguard(cell(row, 'title'));
    if (text !== '')
      return titleIsNumeric
        ? `${titleColumn.charAt(0).toUpperCase()}${titleColumn.slice(1)} ${text}`
        : text;
    // An empty title borrows the summary's first sentence rather than losing a dated, placed row.
    const summary = unguard(cell(row, 'summary'));
    if (summary !== '') return firstSentence(summary);
    return fail('title', 'the title is empty, and there is no summary to take one from');
  };
  const readCoordinate = (
    row: string[],
    field: 'latitude' | 'longitude',
    limit: number,
  ): number => {
    const text = cell(row, field);
    if (text === '') return fail(field, `the ${field} is empty`);
    const value = parseCoordinate(text);
    if (value === null) return fail(field, `“${text.slice(0, 40)}” is not a number`);
    if (Math.abs(value) > limit) return fail(field, `${value} is outside −${limit}…${limit}`);
    return value;
  };
  const ownColumns = DATELINE_SOURCE_COLUMNS.map((name) => table.columns.indexOf(name));
  const hasOwnSources = ownColumns.every((index) => index !== -1);
  /** Our own CSV export: every source column holds one " | "-separated position per source. */
  const readOwnSources = (row: string[]) => {
    const [publishers, urls, titles, quotes] = ownColumns.map((index) =>
      splitListCell(unguard(row[index] ?? '')).map((part) => part.trim()),
    );
    return (publishers ?? []).map((publisher, index) => ({
      publisher,
      ...(titles?.[index] ? { title: titles[index] } : {}),
      ...(urls?.[index] ? { url: urls[index] } : {}),
      ...(quotes?.[index] ? { quote: quotes[index] } : {}),
    }));
  };
  const listColumn = (row: string[], name: string): string[] => {
    const index = table.columns.indexOf(name);
    return splitListCell(index === -1 ? '' : (row[index] ?? ''))
      .map((part) => part.trim())
      .filter(Boolean);
  };
  const readSources = (row: string[], rowNumber: number) => {
    if (hasOwnSources && (row[ownColumns[0] ?? -1] ?? '').trim() !== '') return readOwnSources(row);
    const text = cell(row, 'link');
    const urls = [...new Set((text.match(URL_IN_TEXT) ?? []).map(withoutTrailingPunctuation))]
      .filter(isHttpUrl)
      .slice(0, MAX_SOURCES);
    if (urls.length > 0) return urls.map((url) => ({ publisher: hostName(url), url }));
    return [
      {
        publisher: context.title,
        title: text ? text.slice(0, 300) : `Row ${rowNumber} of ${context.title}`,
        ...(sourceUrl ? { url: sourceUrl } : {}),
      },
    ];
  };

  // A repeated id in a file we did not write is the file's slip, not the reader's: the row keeps
  // its place with an id derived from its content, and About this file counts them.
  const seenIds = new Set<string>();
  let repeatedIds = 0;
  const features: unknown[] = [];
  const featureRows: number[] = [];
  const issues: DataIssue[] = [];
  const lineOf = (row: number) => rowLines?.[row];
  const { onProgress } = context;
  table.rows.forEach((row, index) => {
    if (onProgress && index % PROGRESS_EVERY === 0) onProgress({ stage: 'checking', rows: index });
    try {
      const title = readTitle(row);
      const date = readDate(row);
      const latitude = readCoordinate(row, 'latitude', 90);
      const longitude = readCoordinate(row, 'longitude', 180);
      let id = slugify(cell(row, 'id'), 20);
      // An id too long for a link is no id: the row gets one derived from its content.
      if (id.length > MAX_ID_LENGTH) id = '';
      if (id && seenIds.has(id)) {
        repeatedIds += 1;
        id = '';
      } else if (id) {
        seenIds.add(id);
      }
      // Kept as written ("SRBM", "quarry blast"), less the commas that separate categories in links.
      const category = cell(row, 'category').replace(/,/g, ' ').replace(/\s+/g, ' ').slice(0, 60);
      const country = cell(row, 'country');
      const precision = cell(row, 'locationPrecision');
      features.push({
        type: 'Feature',
        ...(id ? { id } : {}),
        geometry: { type: 'Point', coordinates: [longitude, latitude] },
        properties: {
          title,
          summary: unguard(cell(row, 'summary')),
          date,
          place: unguard(cell(row, 'place')),
          ...(/^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : {}),
          ...(['exact', 'city', 'region', 'country'].includes(precision)
            ? { locationPrecision: precision }
            : {}),
          ...(category ? { category } : {}),
          sources: readSources(row, index + 1),
          ...(hasOwnSources
            ? { tags: listColumn(row, 'tags'), related: listColumn(row, 'related') }
            : {}),
        },
      });
      featureRows.push(index);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      const idText = cell(row, 'id');
      const line = lineOf(index);
      issues.push({
        position: index,
        id: idText === '' ? null : idText.slice(0, 120),
        field: mapping[error.field] ?? FIELD_LABELS[error.field],
        reason: error.reason,
        ...(line === undefined ? {} : { line }),
      });
    }
  });
  onProgress?.({ stage: 'checking', rows: table.rows.length });

  const validated = validateFeatureCollection(
    { type: 'FeatureCollection', metadata: { title: context.title }, features },
    { positions: featureRows, noun: 'row' },
  );
  for (const issue of validated.issues) {
    const { position } = issue;
    const line = lineOf(position);
    issues.push({
      ...issue,
      position,
      field: columnOf(issue.field, mapping),
      ...(line === undefined ? {} : { line }),
    });
  }
  issues.sort((a, b) => a.position - b.position);
  context.onRepeatedIds(repeatedIds);
  return {
    metadata: validated.metadata,
    events: validated.events,
    issues,
    recordCount: table.rows.length,
  };
}
