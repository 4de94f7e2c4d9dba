/**
 * A table with confirmed columns becomes a Dataset: each row an event or a reported issue (which
 * row, which column, why), then the whole checked against the contract like any GeoJSON file.
 */
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { MAX_ID_LENGTH, slugify } from '../model/derive-id.ts';
import { parseEdtf, type EdtfResult } from '../model/edtf.ts';
import { splitListCell } from '../model/list-cell.ts';
import {
  DEFAULT_CATEGORY,
  LOCATION_PRECISIONS,
  NO_TEXT,
  type DataIssue,
  type Dataset,
  type DatasetEvent,
  type EventSource,
  type LocationPrecision,
} from '../model/schema.ts';
import { PLAIN_HTTP_URL, isHttpUrl } from '../model/dataset-error.ts';
import { FeatureChecker, type HandedOverRecord } from '../model/feature-checker.ts';
import { DateMemo } from '../model/date-memo.ts';
import { ID_PATTERN } from '../model/read-record.ts';
import { MAX_TEXT_LENGTH } from '../model/record-fields.ts';
import {
  FIELD_LABELS,
  type ColumnMapping,
  type ImportTable,
  type MappedField,
} from './column-mapping.ts';
import { cleanCategory, mergeCategoryForms, type CategoryMerge } from './category-cells.ts';
import { parseCoordinate } from './coordinate-cell.ts';
import { parseDateCell } from './date-cells.ts';
import type { ImportChoices, ImportContext } from './import-types.ts';
import { boundedMemo } from '../../lib/bounded-memo.ts';

/** Why a row is no event: the field to blame and what is wrong with it. */
export class RowProblem {
  constructor(
    readonly field: MappedField,
    readonly message: Message,
  ) {}
}

/** The source columns of our own CSV export, which round-trip exactly. */
const DATELINE_SOURCE_COLUMNS = ['source_publisher', 'source_url', 'source_title', 'source_quote'];
/** Each address up to a space, a separator, or the next address glued on (`…htmlhttp://…`). */
const URL_IN_TEXT = /https?:\/\/.+?(?=https?:\/\/|[\s<>"|;]|$)/gi;
const MAX_SOURCES = 10;
const PRECISIONS: ReadonlySet<string> = new Set(LOCATION_PRECISIONS);
/** Translations, as our own CSV export writes them: `title_ko`, `summary_ko`, `source_quote_ko`… */
const TRANSLATION_COLUMN = /^(title|summary|place|source_quote)_([a-z]{2,3}(?:-[a-z0-9]{1,8})*)$/i;
const PROGRESS_EVERY = 20_000;
/** Distinct date cells remembered per table. */
const DATE_MEMO_SIZE = 100_000;
/** Distinct category cells remembered per table. */
const CATEGORY_MEMO_SIZE = 10_000;

/**
 * Whether a table's rows carry more than one event's plain fields: our own export's sources, tags
 * and related events, translations, or story steps. The data server's SQL loader reads only plain
 * tables; these go through the whole-file import.
 */
export function hasRichColumns(columns: readonly string[]): boolean {
  return (
    DATELINE_SOURCE_COLUMNS.every((name) => columns.includes(name)) ||
    columns.some((name) => TRANSLATION_COLUMN.test(name)) ||
    columns.includes('story_step')
  );
}

/** Undoes the spreadsheet-formula guard our CSV export adds ('=…), so a round trip is exact. */
function unguard(text: string): string {
  return text.charCodeAt(0) === 0x27 && /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Drops punctuation glued to the end of an address ("(see http://a.example/x)."), in one pass. */
function withoutTrailingPunctuation(url: string): string {
  // Not /[.,;:)\]]+$/: tried at each of a long run of dots, that regex took quadratic time.
  let end = url.length;
  while (end > 0 && '.,;:)]'.includes(url.charAt(end - 1))) end -= 1;
  return url.slice(0, end);
}

/** A scheme after the text's start: a second address glued on. */
const SECOND_ADDRESS = /.https?:\/\//i;

/**
 * Whether a link cell is one plain address and nothing else, as most are: what URL_IN_TEXT would
 * find in it whole (no separator, no second address, no punctuation to drop), and isHttpUrl keep.
 * Told without the general road's five new arrays per row.
 */
function isOneAddress(text: string): boolean {
  return (
    PLAIN_HTTP_URL.test(text) &&
    !text.includes(';') &&
    !'.,:)'.includes(text.charAt(text.length - 1)) &&
    !SECOND_ADDRESS.test(text)
  );
}

/** The addresses in a link cell, each once, in order. */
export function urlsIn(text: string): string[] {
  if (isOneAddress(text)) return [text];
  return [...new Set((text.match(URL_IN_TEXT) ?? []).map(withoutTrailingPunctuation))].filter(
    isHttpUrl,
  );
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** An address up to the end of its host and port: all that its host name depends on. */
const URL_AUTHORITY = /^[^:]*:\/\/[^/?#]*/;

/**
 * hostName, asked once per host: a browser builds a URL object several times slower than Node
 * does, a cost a million rows of links to a few sites should not pay a million times.
 */
function hostNames(): (url: string) => string {
  const known = new Map<string, string | null>();
  return (url) => {
    const authority = URL_AUTHORITY.exec(url)?.[0];
    if (authority === undefined) return hostName(url);
    let host = known.get(authority);
    if (host === undefined) {
      const name = hostName(url);
      // A host name never holds "://": the address itself back means the parser refused the
      // host or port, as it then does for every address with the same start (null).
      host = name === url ? null : name;
      known.set(authority, host);
    }
    return host ?? url;
  };
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
  onCategoryMerges: (merges: CategoryMerge[]) => void;
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
  if (key === 'storyStep' || key === 'storyText')
    return key === 'storyStep' ? 'story_step' : 'story_text';
  if (key && key in mapping) return mapping[key as MappedField] ?? key;
  return field;
}

/** What every row must have, as the row checks read it. */
interface RowCore {
  title: string;
  /** EDTF. */
  date: string;
  /** The date parsed, where the checks parsed it already. */
  parsedDate?: EdtfResult;
  latitude: number;
  longitude: number;
}

/**
 * What reading a row needs beyond its table: the file's name and address, and the dates' memo of
 * the checker its events go to (FeatureChecker.dates), if any.
 */
type RowContext = Pick<BuildContext, 'title' | 'sourceUrl'> & { dates?: DateMemo };

/**
 * The row checks and what a row becomes, for a table with confirmed columns: a GeoJSON feature
 * (featureOf), or for a plain table its event directly (eventOf). tableRows runs them on every
 * row; the data server's DuckDB loader (src/server/native-load.ts) runs the checks in SQL and
 * these on the rows it shows, so both say the same of each row.
 */
export function tableRowReader(
  table: ImportTable,
  { mapping, dayOrder }: ImportChoices,
  context: RowContext,
) {
  const column = (field: MappedField) =>
    mapping[field] === null ? -1 : table.columns.indexOf(mapping[field] ?? '');
  const columns = Object.fromEntries(
    (Object.keys(mapping) as MappedField[]).map((field) => [field, column(field)]),
  ) as Record<MappedField, number>;
  const cell = (row: string[], field: MappedField) => {
    const index = columns[field];
    return index === -1 ? '' : (row[index] ?? '').trim();
  };
  const fail = (field: MappedField, message: Message): never => {
    throw new RowProblem(field, message);
  };
  const sourceUrl =
    context.sourceUrl !== null && isHttpUrl(context.sourceUrl) ? context.sourceUrl : null;

  // A table's dates repeat (a million rows over a few thousand days): each cell text is parsed once.
  // The dates' memo by EDTF, shared with the checker: an event made directly (eventOf) takes the
  // very date object an event read by readRecord would, which the packer sends once.
  const dates = context.dates ?? new DateMemo();
  // The parsed EDTF is kept with it once a row asks for it (readCore): one lookup a row.
  const parseStart = boundedMemo((text) => {
    const start = parseDateCell(text, dayOrder);
    return start.ok ? { ...start, parsed: undefined as EdtfResult | undefined } : start;
  }, DATE_MEMO_SIZE);
  const readStart = (row: string[]) => {
    const start = parseStart(cell(row, 'date'));
    return start.ok ? start : fail('date', start.message);
  };
  /** The row's date as EDTF: the start's alone, or an interval to the end's day. */
  const dateFrom = (row: string[], start: { edtf: string }): string => {
    const endText = cell(row, 'endDate');
    if (endText === '') return start.edtf;
    const end = parseDateCell(endText, dayOrder);
    if (!end.ok) return fail('endDate', end.message);
    // An interval is of calendar days: times of day do not belong in one.
    const startDay = start.edtf.replace(/T.*$/, '');
    const endDay = end.edtf.replace(/T.*$/, '');
    if (startDay === endDay) return start.edtf;
    const interval = `${startDay}/${endDay}`;
    const parsed = parseEdtf(interval);
    if (!parsed.ok) {
      return fail(
        'endDate',
        /*i18n*/ {
          id: 'the end {end} does not make an interval with the start ({reason})',
          values: {
            end: endText.length > 40 ? `${endText.slice(0, 40)}…` : endText,
            reason: parsed.message,
          },
        },
      );
    }
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
    return fail(
      'title',
      /*i18n*/ { id: 'the title is empty, and there is no summary to take one from' },
    );
  };
  const readCoordinate = (
    row: string[],
    field: 'latitude' | 'longitude',
    limit: number,
  ): number => {
    const text = cell(row, field);
    if (text === '') {
      return fail(
        field,
        field === 'latitude'
          ? /*i18n*/ { id: 'the latitude is empty' }
          : /*i18n*/ { id: 'the longitude is empty' },
      );
    }
    const value = parseCoordinate(text);
    if (value === null) {
      return fail(
        field,
        /*i18n*/ { id: '“{cell}” is not a number', values: { cell: text.slice(0, 40) } },
      );
    }
    if (Math.abs(value) > limit) {
      return fail(
        field,
        /*i18n*/ { id: '{value} is outside −{limit}…{limit}', values: { value, limit } },
      );
    }
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
  const translationColumns = table.columns.flatMap((name, index) => {
    const match = TRANSLATION_COLUMN.exec(name);
    return match ? [{ index, field: match[1] ?? '', language: match[2] ?? '' }] : [];
  });
  /** A table without translation columns: one answer for every row, nothing to allocate. */
  const noTranslations = { translations: null, quotes: {} };
  /** The row's translations (null when none), and its sources' quotes in each language by source position. */
  const readTranslations = (
    row: string[],
  ): {
    translations: Record<string, Record<string, string>> | null;
    quotes: Record<string, string[]>;
  } => {
    if (translationColumns.length === 0) return noTranslations;
    const translations: Record<string, Record<string, string>> = {};
    const quotes: Record<string, string[]> = {};
    for (const { index, field, language } of translationColumns) {
      const text = unguard(row[index] ?? '');
      if (text.trim() === '') continue;
      if (field === 'source_quote') quotes[language] = splitListCell(text).map((q) => q.trim());
      else (translations[language] ??= {})[field] = text.trim();
    }
    return { translations: Object.keys(translations).length > 0 ? translations : null, quotes };
  };
  const listColumn = (row: string[], name: string): string[] => {
    const index = table.columns.indexOf(name);
    return splitListCell(index === -1 ? '' : (row[index] ?? ''))
      .map((part) => part.trim())
      .filter(Boolean);
  };
  const storyStepColumn = table.columns.indexOf('story_step');
  const storyTextColumn = table.columns.indexOf('story_text');
  /** story_step / story_text: the step number as a number when it is one (read-record.ts checks it). */
  const addStory = (row: string[], properties: Record<string, unknown>) => {
    if (storyStepColumn === -1) return;
    const step = (row[storyStepColumn] ?? '').trim();
    if (step === '') return;
    properties.storyStep = /^\d+$/.test(step) ? Number(step) : step;
    properties.storyText = unguard((row[storyTextColumn] ?? '').trim());
  };
  const publisherOf = hostNames();
  /**
   * Sources from a publisher column and the link column, when the publisher cell is a list as our
   * export writes one (" | " between positions) and so is the link cell: position by position,
   * an empty position kept, as a table whose other source columns were deleted holds them.
   */
  const listedSources = (publisherCell: string, linkCell: string) => {
    const links = splitListCell(linkCell).map((part) => urlsIn(part)[0] ?? null);
    return splitListCell(publisherCell)
      .slice(0, MAX_SOURCES)
      .flatMap((name, index) => {
        const url = links[index] ?? null;
        const publisher = name.trim().slice(0, 200) || (url ? publisherOf(url) : '');
        return publisher === '' ? [] : [url ? { publisher, url } : { publisher }];
      });
  };
  /** The publisher column's names: " | " between them, as our export writes them, or ";". */
  const publisherNames = (text: string): readonly string[] => {
    if (text === '') return NO_TEXT;
    const parts = splitListCell(text);
    return (parts.length === 1 ? (parts[0] ?? '').split(';') : parts)
      .map((name) => name.trim().slice(0, 200))
      .filter(Boolean);
  };
  const readSources = (
    row: string[],
    rowNumber: number,
    quotes: Record<string, string[]>,
  ): Record<string, unknown>[] => {
    if (hasOwnSources && (row[ownColumns[0] ?? -1] ?? '').trim() !== '') {
      return readOwnSources(row).map((source, index) => {
        const quoteTranslations = Object.fromEntries(
          Object.entries(quotes)
            .map(([language, list]) => [language, list[index] ?? ''])
            .filter(([, quote]) => quote !== ''),
        );
        return Object.keys(quoteTranslations).length > 0
          ? { ...source, quoteTranslations }
          : source;
      });
    }
    const text = cell(row, 'link');
    const publisherCell = unguard(cell(row, 'publisher'));
    if (publisherCell.includes(' | ')) {
      // Untrimmed: a list whose first position is empty starts with " | ".
      const linkList = unguard(columns.link === -1 ? '' : (row[columns.link] ?? ''));
      const listed = linkList.includes(' | ') ? listedSources(publisherCell, linkList) : [];
      if (listed.length > 0) return listed;
    }
    const allUrls = urlsIn(text);
    const names = publisherNames(publisherCell);
    const allNames = names.slice(0, MAX_SOURCES).join('; ');
    if (allUrls.length > 0) {
      // As many names as links pair with them in order; otherwise which name goes with which
      // link is unknown, so each link carries all of them rather than losing any.
      const paired = names.length === allUrls.length;
      return allUrls.slice(0, MAX_SOURCES).map((url, index) => ({
        publisher: (paired ? names[index] : allNames) || publisherOf(url),
        url,
      }));
    }
    if (names.length > 0) {
      // A named publisher's words: the file's own address is not where they were published.
      return [
        {
          publisher: allNames,
          title: text ? text.slice(0, 300) : `Row ${rowNumber} of ${context.title}`,
        },
      ];
    }
    // The file is the publisher here, so the row need not name it again.
    return [
      {
        publisher: context.title,
        title: text ? text.slice(0, 300) : `Row ${rowNumber}`,
        ...(sourceUrl ? { url: sourceUrl } : {}),
      },
    ];
  };

  /**
   * A row that passed the checks as a GeoJSON feature, with its settled id and category. Built a
   * property at a time rather than by spreading optional parts: this runs once per row, where
   * spreads of small objects showed in the import's profile (docs/performance.md).
   */
  const featureOf = (row: string[], index: number, core: RowCore, id: string, category: string) => {
    const country = cell(row, 'country');
    const precision = cell(row, 'locationPrecision');
    const { translations, quotes } = readTranslations(row);
    const properties: Record<string, unknown> = {
      title: core.title,
      summary: unguard(cell(row, 'summary')),
      date: core.date,
      place: unguard(cell(row, 'place')),
    };
    if (country.length === 2 && /^[A-Za-z]{2}$/.test(country))
      properties.country = country.toUpperCase();
    if (PRECISIONS.has(precision)) properties.locationPrecision = precision;
    if (category) properties.category = category;
    properties.sources = readSources(row, index + 1, quotes);
    if (hasOwnSources) {
      properties.tags = listColumn(row, 'tags');
      properties.related = listColumn(row, 'related');
    }
    addStory(row, properties);
    if (translations) properties.translations = translations;
    const feature: Record<string, unknown> = { type: 'Feature' };
    if (id) feature.id = id;
    feature.geometry = { type: 'Point', coordinates: [core.longitude, core.latitude] };
    feature.properties = properties;
    return feature;
  };
  /** Whether rows hold only one event's plain fields: no sources of our own, translations or story. */
  const plain = !hasOwnSources && translationColumns.length === 0 && storyStepColumn === -1;
  /** Contract text as readRecord reads it (optionalText): trimmed, or undefined when too long. */
  const contractText = (text: string): string | undefined =>
    text.length > MAX_TEXT_LENGTH ? undefined : text.trim();
  /**
   * The sources readRecord reads from readSources' list, or null when it might judge one
   * otherwise. Each address in the list passed isHttpUrl as it was taken from its cell (urlsIn,
   * or the file's own address): it is not checked again.
   */
  const contractSources = (sources: Record<string, unknown>[]): EventSource[] | null => {
    const read: EventSource[] = [];
    for (const source of sources) {
      const { publisher, title, url } = source as {
        publisher: string;
        title?: string;
        url?: string;
      };
      const publisherText = contractText(publisher);
      const titleText = title === undefined ? '' : contractText(title);
      const urlText = url === undefined ? '' : contractText(url);
      if (!publisherText || titleText === undefined || urlText === undefined) return null;
      if (urlText !== url && urlText !== '') return null;
      read.push({
        publisher: publisherText,
        title: titleText || null,
        published: null,
        url: urlText || null,
        quote: null,
      });
    }
    return read.length > 0 ? read : null;
  };
  /**
   * The event readRecord makes of featureOf's feature, made without the feature in between: a
   * plain row is a million rows' worth of objects that would be garbage a moment later, and
   * readRecord would check again what the row checks just did. Null when the table is not plain,
   * or the row holds anything readRecord might judge otherwise (text past the contract's length, a
   * date it cannot read): that row goes the feature's way, and readRecord says what is wrong.
   */
  const eventOf = (
    row: string[],
    index: number,
    core: RowCore,
    id: string,
    category: string,
  ): DatasetEvent | null => {
    if (!plain) return null;
    if (id !== '' && !ID_PATTERN.test(id)) return null;
    const title = contractText(core.title);
    const summary = contractText(unguard(cell(row, 'summary')));
    const place = contractText(unguard(cell(row, 'place')));
    const categoryText = category === '' ? '' : contractText(category);
    if (!title || summary === undefined || place === undefined || categoryText === undefined)
      return null;
    const date = core.parsedDate ?? dates.parse(core.date);
    if (!date.ok) return null;
    const { latitude, longitude } = core;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    const sources = contractSources(readSources(row, index + 1, noTranslations.quotes));
    if (sources === null) return null;
    const country = cell(row, 'country');
    const precision = cell(row, 'locationPrecision');
    // The properties in readRecord's order: one object shape for the engine either way.
    return {
      id,
      idDerived: false,
      position: index,
      title,
      summary,
      date: date.date,
      place,
      country: country.length === 2 && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null,
      longitude,
      latitude,
      locationPrecision: PRECISIONS.has(precision) ? (precision as LocationPrecision) : null,
      category: categoryText || DEFAULT_CATEGORY,
      tags: NO_TEXT,
      sources,
      related: NO_TEXT,
    };
  };
  const readDate = (row: string[]): string => dateFrom(row, readStart(row));
  /**
   * The checks every row must pass, in the order the importer makes them: the first failing
   * throws. With the date's parsed EDTF when the date is the start's alone.
   */
  const readCore = (row: string[]): RowCore => {
    const title = readTitle(row);
    const start = readStart(row);
    const date = dateFrom(row, start);
    return {
      title,
      date,
      parsedDate: date === start.edtf ? (start.parsed ??= dates.parse(start.edtf)) : undefined,
      latitude: readCoordinate(row, 'latitude', 90),
      longitude: readCoordinate(row, 'longitude', 180),
    };
  };
  /** A row that failed a check, as its Data issue. */
  const issueOf = (problem: RowProblem, row: string[], index: number): DataIssue => {
    const idText = cell(row, 'id');
    return {
      position: index,
      id: idText === '' ? null : idText.slice(0, 120),
      field: mapping[problem.field] ?? FIELD_LABELS[problem.field],
      reason: inEnglish(problem.message),
      message: problem.message,
    };
  };
  return { cell, readCore, featureOf, eventOf, issueOf, readDate, readTitle };
}

/**
 * Reads a table's rows one at a time into GeoJSON features, by the confirmed columns: what
 * buildDataset and streamDataset share, so that a table read either way gives the same events and
 * the same Data issues.
 */
function tableRows(
  table: ImportTable,
  rowLines: number[] | null,
  choices: ImportChoices,
  context: BuildContext,
  /** The checker's memo of dates (FeatureChecker.dates). */
  dates: DateMemo,
) {
  const { mapping } = choices;
  const { cell, readCore, featureOf, eventOf, issueOf } = tableRowReader(table, choices, {
    ...context,
    dates,
  });
  // A few categories over many rows: each cell text is cleaned once.
  const cleanedCategory = boundedMemo(cleanCategory, CATEGORY_MEMO_SIZE);
  // Each row's cleaned category, read once: the merge needs all of them before the first row.
  const categories =
    mapping.category === null
      ? []
      : table.rows.map((row) => cleanedCategory(cell(row, 'category')));
  const categoryForms = mergeCategoryForms(categories);

  // A repeated id in a file we did not write is the file's slip, not the reader's: the row keeps
  // its place with an id derived from its content, and About this file counts them.
  const seenIds = new Set<string>();
  let repeatedIds = 0;
  /** The row checks' issues, in row order. */
  const issues: DataIssue[] = [];
  const lineOf = (row: number) => rowLines?.[row];

  /**
   * Checks a row and hands what it becomes to `checker`: its event, or its feature for readRecord
   * to read (eventOf), with the row's index in `positions`. A row a row check found wanting
   * becomes an issue instead.
   */
  const read = (row: string[], index: number, checker: FeatureChecker, positions: number[]) => {
    try {
      const core = readCore(row);
      let id = slugify(cell(row, 'id'), 20);
      // An id too long for a link is no id: the row gets one derived from its content.
      if (id.length > MAX_ID_LENGTH) id = '';
      if (id && seenIds.has(id)) {
        repeatedIds += 1;
        id = '';
      } else if (id) {
        seenIds.add(id);
      }
      const category = categoryForms.formOf(categories[index] ?? '');
      const event = eventOf(row, index, core, id, category);
      const feature = event ? null : featureOf(row, index, core, id, category);
      // After everything that may throw: the checker reads each record's row from `positions`.
      positions.push(index);
      if (event) checker.addEvent(event);
      else checker.add([feature]);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      const line = lineOf(index);
      issues.push({ ...issueOf(error, row, index), ...(line === undefined ? {} : { line }) });
    }
  };

  /**
   * Every issue of the table: the row checks' and the contract's (named by the reader's columns
   * and lines), in row order. Also tells the report what the rows were found to hold.
   */
  const allIssues = (contractIssues: readonly DataIssue[]): DataIssue[] => {
    for (const issue of contractIssues) {
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
    context.onCategoryMerges(categoryForms.merges);
    return issues;
  };
  return { read, allIssues };
}

/** The collection a table makes, as the checker reads its metadata (the title). */
const collectionOf = (title: string) => ({
  type: 'FeatureCollection',
  metadata: { title },
  features: [],
});

export function buildDataset(
  table: ImportTable,
  rowLines: number[] | null,
  choices: ImportChoices,
  context: BuildContext,
): Dataset {
  // The checker reads each feature's row from here as it takes the feature: filled as it goes.
  const featureRows: number[] = [];
  const checker = new FeatureChecker({ positions: featureRows, noun: 'row' });
  const rows = tableRows(table, rowLines, choices, context, checker.dates);
  const { onProgress } = context;
  table.rows.forEach((row, index) => {
    if (onProgress && index % PROGRESS_EVERY === 0) onProgress({ stage: 'checking', rows: index });
    rows.read(row, index, checker, featureRows);
  });
  onProgress?.({ stage: 'checking', rows: table.rows.length });

  const dataset = checker.finish(collectionOf(context.title));
  return {
    ...dataset,
    issues: rows.allIssues(dataset.issues),
    recordCount: table.rows.length,
  };
}

/** Rows checked at a time by streamDataset: a slice the page rebuilds in a short task. */
const STREAM_BATCH = 8000;

/**
 * The dataset buildDataset gives, with its events handed to `send` a batch at a time as the rows
 * are checked (in row order, ids not yet settled: FeatureChecker.takeNew), so that the page
 * rebuilds them while the rest are still being checked, as it does a streamed GeoJSON file's
 * (feature-stream.ts). Returns the dataset without its events, and their settled order.
 *
 * The table's rows are let go as they are read: a million rows' cells need not outlive the rows'
 * events, and every collection would copy them.
 */
export function streamDataset(
  table: ImportTable,
  rowLines: number[] | null,
  choices: ImportChoices,
  context: BuildContext,
  send: (records: DatasetEvent[]) => void,
): { dataset: Dataset; order: HandedOverRecord[] } {
  // The checker reads each feature's row from here as it takes the feature: filled as it goes.
  const featureRows: number[] = [];
  const checker = new FeatureChecker({ positions: featureRows, noun: 'row' });
  const rows = tableRows(table, rowLines, choices, context, checker.dates);
  const { onProgress } = context;
  const rowCount = table.rows.length;
  for (let start = 0; start < rowCount; start += STREAM_BATCH) {
    onProgress?.({ stage: 'checking', rows: start });
    const end = Math.min(rowCount, start + STREAM_BATCH);
    for (let index = start; index < end; index += 1) {
      rows.read(table.rows[index] ?? [], index, checker, featureRows);
      table.rows[index] = READ;
    }
    send(checker.takeNew());
  }
  onProgress?.({ stage: 'checking', rows: rowCount });
  const { dataset, order } = checker.settle(collectionOf(context.title));
  return {
    dataset: { ...dataset, issues: rows.allIssues(dataset.issues), recordCount: rowCount },
    order,
  };
}

/** What a row read by streamDataset is left as. */
const READ: string[] = [];
