/**
 * Writing events back out: GeoJSON in our own contract (every source kept, so a re-import gives the
 * same events) and a flat CSV for spreadsheets. Pure functions; the page only adds the download.
 */
import { formatIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import { slugify } from '../model/derive-id.ts';
import { joinListCell } from '../model/list-cell.ts';
import type { DatasetEvent, DatasetMetadata } from '../model/schema.ts';

function withoutEmpty<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) =>
        value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  ) as Partial<T>;
}

/** One event as a Feature of Dateline's GeoJSON. */
export function eventToFeature(event: DatasetEvent) {
  return {
    type: 'Feature' as const,
    id: event.id,
    geometry: { type: 'Point' as const, coordinates: [event.longitude, event.latitude] },
    properties: withoutEmpty({
      title: event.title,
      summary: event.summary,
      date: event.date.edtf,
      place: event.place,
      country: event.country,
      locationPrecision: event.locationPrecision,
      category: event.category,
      tags: event.tags,
      sources: event.sources.map((source) =>
        withoutEmpty({
          publisher: source.publisher,
          title: source.title,
          published: source.published?.edtf ?? null,
          url: source.url,
          quote: source.quote,
          quoteTranslations: source.quoteTranslations ?? null,
        }),
      ),
      related: event.related,
      storyStep: event.story?.step ?? null,
      storyText: event.story?.text ?? null,
      translations: event.translations ?? null,
    }),
  };
}

/** The dataset's metadata as an export writes it: what is empty left out. */
export function exportedMetadata(metadata: DatasetMetadata): Partial<DatasetMetadata> {
  return withoutEmpty({ ...metadata });
}

export function toGeoJson(events: readonly DatasetEvent[], metadata: DatasetMetadata): string {
  const collection = {
    type: 'FeatureCollection',
    metadata: exportedMetadata(metadata),
    features: events.map(eventToFeature),
  };
  return `${JSON.stringify(collection, null, 1)}\n`;
}

const CSV_COLUMNS = [
  'id',
  'date',
  'title',
  'summary',
  'place',
  'country',
  'latitude',
  'longitude',
  'location_precision',
  'category',
  'tags',
  'source_url',
  'source_publisher',
  'source_title',
  'source_quote',
  'related',
] as const;

/**
 * Quotes a cell when it must be, and defuses text a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`): a leading ' is what Excel and LibreOffice themselves use, and the importer
 * removes it again.
 */
export function csvCell(value: string): string {
  const guarded =
    /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Only for events that carry a story: other exports keep the columns they always had. */
const STORY_COLUMNS = ['story_step', 'story_text'] as const;

/**
 * The languages the events are translated into, in the order first met: each gets the columns
 * `title_<tag>`, `summary_<tag>`, `place_<tag>` and `source_quote_<tag>` (one position per
 * source, as in `source_quote`). Only for events that carry translations.
 */
export function translationLanguages(events: readonly DatasetEvent[]): string[] {
  const languages = new Set<string>();
  for (const event of events) {
    for (const language of Object.keys(event.translations ?? {})) languages.add(language);
    for (const source of event.sources)
      for (const language of Object.keys(source.quoteTranslations ?? {})) languages.add(language);
  }
  return [...languages];
}

/** What decides a CSV export's columns: any story step, and the languages of any translation. */
export interface CsvShape {
  languages: readonly string[];
  columns: readonly string[];
}

export function csvShape(withStory: boolean, languages: readonly string[]): CsvShape {
  return { languages, columns: csvColumns(withStory, languages) };
}

function csvColumns(withStory: boolean, languages: readonly string[]): string[] {
  const columns: string[] = withStory ? [...CSV_COLUMNS, ...STORY_COLUMNS] : [...CSV_COLUMNS];
  for (const language of languages)
    columns.push(
      `title_${language}`,
      `summary_${language}`,
      `place_${language}`,
      `source_quote_${language}`,
    );
  return columns;
}

/** The first line of a CSV export, with the BOM Excel needs to read UTF-8 as UTF-8. */
export function csvHeader(shape: CsvShape): string {
  return `\ufeff${shape.columns.join(',')}\r\n`;
}

/** One event as a line of a CSV export of that shape, CRLF-ended as RFC 4180 and Excel expect. */
export function csvLine(event: DatasetEvent, shape: CsvShape): string {
  const cells: Record<string, string> = {
    id: event.id,
    date: event.date.edtf,
    title: event.title,
    summary: event.summary,
    place: event.place,
    country: event.country ?? '',
    latitude: String(event.latitude),
    longitude: String(event.longitude),
    location_precision: event.locationPrecision ?? '',
    category: event.category,
    tags: joinListCell(event.tags),
    // One position per source in every source column, so the importer can pair them up again.
    source_url: joinListCell(event.sources.map((source) => source.url ?? '')),
    source_publisher: joinListCell(event.sources.map((source) => source.publisher)),
    source_title: joinListCell(event.sources.map((source) => source.title ?? '')),
    source_quote: joinListCell(event.sources.map((source) => source.quote ?? '')),
    related: joinListCell(event.related),
    story_step: event.story ? String(event.story.step) : '',
    story_text: event.story?.text ?? '',
  };
  for (const language of shape.languages) {
    const translation = event.translations?.[language];
    cells[`title_${language}`] = translation?.title ?? '';
    cells[`summary_${language}`] = translation?.summary ?? '';
    cells[`place_${language}`] = translation?.place ?? '';
    cells[`source_quote_${language}`] = event.sources.some(
      (source) => source.quoteTranslations?.[language] !== undefined,
    )
      ? joinListCell(event.sources.map((source) => source.quoteTranslations?.[language] ?? ''))
      : '';
  }
  return `${shape.columns.map((column) => csvCell(cells[column] ?? '')).join(',')}\r\n`;
}

export function toCsv(events: readonly DatasetEvent[]): string {
  const shape = csvShape(
    events.some((event) => event.story !== undefined),
    translationLanguages(events),
  );
  return csvHeader(shape) + events.map((event) => csvLine(event, shape)).join('');
}

/**
 * "north-korea-russia_2024-06-01_2024-10-31_sinpo.geojson": the dataset, the range and the
 * search exported, so that a search's events saved beside the file they came from do not take
 * its name. A search in other scripts than Latin, which a slug drops, still marks the name.
 */
export function exportFileName(
  datasetTitle: string,
  range: { from: CalendarDay; to: CalendarDay } | null,
  extension: 'geojson' | 'csv',
  search = '',
): string {
  const name = slugify(datasetTitle.replace(/\.(csv|tsv|json|geojson|txt)$/i, ''), 8) || 'dateline';
  const span = range ? `_${formatIsoDay(range.from)}_${formatIsoDay(range.to)}` : '';
  // Four words at most, and no longer than a file system allows of a name's part.
  const searched = search.trim() ? `_${slugify(search, 4).slice(0, 40) || 'search'}` : '';
  return `${name}${span}${searched}.${extension}`;
}
