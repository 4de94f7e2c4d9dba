/**
 * One record of a FeatureCollection read against the contract: the event it gives, or a
 * RecordProblem (record-fields.ts) naming the first field that breaks it.
 */
import { typeName, type EventDate } from './edtf.ts';
import {
  DEFAULT_CATEGORY,
  LOCATION_PRECISIONS,
  type DatasetEvent,
  type EventTranslation,
  type DataIssue,
  type DatasetMetadata,
  type EventSource,
  type LocationPrecision,
} from './schema.ts';
import { readCategoryStyles } from './category-styles.ts';
import { MAX_ID_LENGTH } from './derive-id.ts';
import { isHttpUrl, parseHttpUrl } from './dataset-error.ts';
import type { DateMemo } from './date-memo.ts';
import {
  MAX_TEXT_LENGTH,
  RecordProblem,
  fail,
  isObject,
  optionalText,
  own,
  preview,
  requiredText,
  textList,
  type JsonObject,
} from './record-fields.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function readCoordinates(feature: JsonObject): { longitude: number; latitude: number } {
  const geometry = own(feature, 'geometry');
  if (geometry === undefined || geometry === null)
    fail('geometry', /*i18n*/ { id: 'the record has no location (geometry is missing)' });
  if (!isObject(geometry)) {
    fail(
      'geometry',
      /*i18n*/ { id: 'expected a GeoJSON Point, got {type}', values: { type: typeName(geometry) } },
    );
  }
  const type = own(geometry, 'type');
  if (type !== 'Point') {
    fail(
      'geometry.type',
      /*i18n*/ {
        id: 'only Point geometries are supported, got {value}',
        values: { value: preview(type) },
      },
    );
  }
  const coordinates = own(geometry, 'coordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    fail('geometry.coordinates', /*i18n*/ { id: 'expected [longitude, latitude]' });
  }
  const [longitude, latitude] = coordinates as unknown[];
  if (typeof longitude !== 'number' || !Number.isFinite(longitude)) {
    fail(
      'geometry.coordinates',
      /*i18n*/ {
        id: 'longitude must be a number, got {type}',
        values: { type: typeName(longitude) },
      },
    );
  }
  if (typeof latitude !== 'number' || !Number.isFinite(latitude)) {
    fail(
      'geometry.coordinates',
      /*i18n*/ {
        id: 'latitude must be a number, got {type}',
        values: { type: typeName(latitude) },
      },
    );
  }
  if (latitude < -90 || latitude > 90) {
    fail(
      'geometry.coordinates',
      /*i18n*/ { id: 'latitude {latitude} is outside −90…90', values: { latitude } },
    );
  }
  if (longitude < -180 || longitude > 180) {
    fail(
      'geometry.coordinates',
      /*i18n*/ { id: 'longitude {longitude} is outside −180…180', values: { longitude } },
    );
  }
  return { longitude, latitude };
}

function readDate(properties: JsonObject, field: string, key: string, dates: DateMemo): EventDate {
  const value = own(properties, key);
  if (value === undefined || value === null) fail(field, /*i18n*/ { id: 'the date is missing' });
  const result = dates.parse(value);
  if (!result.ok) fail(field, result.message);
  return result.date;
}

/** A BCP 47 language tag in its canonical form ("ko", "pt-BR"), or null for anything else. */
function languageTag(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

const TRANSLATED_FIELDS = ['title', 'summary', 'place'] as const;

/**
 * Text by language (`translations`, a source's `quoteTranslations`): each language read by
 * `readOne`, which fails on what is wrong in it. A bad language costs the event only that
 * translation: its problem goes to `warnings` (an issue on an event still shown), never the event.
 */
function readByLanguage<T>(
  value: unknown,
  field: string,
  warnings: RecordProblem[],
  readOne: (entry: unknown, field: string) => T | null,
): Record<string, T> | undefined {
  if (value === undefined || value === null) return undefined;
  const byLanguage: Record<string, T> = {};
  let some = false;
  try {
    if (!isObject(value)) {
      fail(
        field,
        /*i18n*/ {
          id: 'expected text by language, like {example}, got {type}',
          values: { example: '{"ko": …}', type: typeName(value) },
        },
      );
    }
    for (const [key, entry] of Object.entries(value)) {
      const entryField = `${field}.${key.slice(0, 40)}`;
      try {
        const tag = languageTag(key);
        if (tag === null) {
          fail(
            entryField,
            /*i18n*/ {
              id: '{value} is not a language tag, like "ko" or "pt-BR"',
              values: { value: preview(key) },
            },
          );
        }
        const read = readOne(entry, entryField);
        if (read !== null) {
          byLanguage[tag] = read;
          some = true;
        }
      } catch (error) {
        if (!(error instanceof RecordProblem)) throw error;
        warnings.push(error);
      }
    }
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    warnings.push(error);
  }
  return some ? byLanguage : undefined;
}

function readTranslation(entry: unknown, field: string): EventTranslation | null {
  if (!isObject(entry)) {
    fail(
      field,
      /*i18n*/ {
        id: 'expected {example}, got {type}',
        values: { example: '{"title", "summary", "place"}', type: typeName(entry) },
      },
    );
  }
  for (const key of Object.keys(entry)) {
    if (!(TRANSLATED_FIELDS as readonly string[]).includes(key)) {
      fail(
        `${field}.${key.slice(0, 40)}`,
        /*i18n*/ { id: 'only title, summary and place are translated' },
      );
    }
  }
  const translation: EventTranslation = {};
  let some = false;
  for (const key of TRANSLATED_FIELDS) {
    const text = optionalText(entry, key, `${field}.${key}`);
    if (text !== null) {
      translation[key] = text;
      some = true;
    }
  }
  return some ? translation : null;
}

function readQuoteTranslation(entry: unknown, field: string): string | null {
  return optionalText({ entry }, 'entry', field);
}

function readSources(
  properties: JsonObject,
  dates: DateMemo,
  warnings: RecordProblem[],
): EventSource[] {
  const value = own(properties, 'sources');
  const noSource = /*i18n*/ { id: 'at least one source is required' };
  if (value === undefined || value === null) fail('properties.sources', noSource);
  if (!Array.isArray(value)) {
    fail(
      'properties.sources',
      /*i18n*/ { id: 'expected a list of sources, got {type}', values: { type: typeName(value) } },
    );
  }
  if (value.length === 0) fail('properties.sources', noSource);
  return value.map((source, index): EventSource => {
    const field = `properties.sources[${index}]`;
    if (!isObject(source)) {
      fail(
        field,
        /*i18n*/ { id: 'expected a source object, got {type}', values: { type: typeName(source) } },
      );
    }
    const publisher = optionalText(source, 'publisher', `${field}.publisher`);
    if (publisher === null) fail(`${field}.publisher`, /*i18n*/ { id: 'the publisher is missing' });
    const url = optionalText(source, 'url', `${field}.url`);
    if (url !== null && !isHttpUrl(url)) {
      const value = preview(url, 80);
      fail(
        `${field}.url`,
        parseHttpUrl(url) === null
          ? /*i18n*/ { id: 'only http(s) links are allowed, got {value}', values: { value } }
          : /*i18n*/ {
              id: 'links may not hold a user name or password, got {value}',
              values: { value },
            },
      );
    }
    const publishedValue = own(source, 'published');
    let published: EventDate | null = null;
    if (publishedValue !== undefined && publishedValue !== null) {
      const result = dates.parse(publishedValue);
      if (!result.ok) fail(`${field}.published`, result.message);
      published = result.date;
    }
    const read: EventSource = {
      publisher,
      title: optionalText(source, 'title', `${field}.title`),
      published,
      url,
      quote: optionalText(source, 'quote', `${field}.quote`),
    };
    const quoteTranslations = readByLanguage(
      own(source, 'quoteTranslations'),
      `${field}.quoteTranslations`,
      warnings,
      readQuoteTranslation,
    );
    if (quoteTranslations) read.quoteTranslations = quoteTranslations;
    return read;
  });
}

function readLocationPrecision(properties: JsonObject): LocationPrecision | null {
  const value = own(properties, 'locationPrecision');
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && (LOCATION_PRECISIONS as readonly string[]).includes(value)) {
    return value as LocationPrecision;
  }
  return fail(
    'properties.locationPrecision',
    /*i18n*/ {
      id: 'expected one of {choices}, got {value}',
      values: { choices: LOCATION_PRECISIONS.join(', '), value: preview(value) },
    },
  );
}

function readCountry(properties: JsonObject): string | null {
  const country = optionalText(properties, 'country', 'properties.country');
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    fail(
      'properties.country',
      /*i18n*/ {
        id: 'expected a two-letter ISO 3166-1 code like "KR", got {value}',
        values: { value: JSON.stringify(country.slice(0, 20)) },
      },
    );
  }
  return country;
}

function readId(feature: JsonObject): string | null {
  const value = own(feature, 'id');
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') {
    fail(
      'id',
      /*i18n*/ { id: 'expected a text id, got {type}', values: { type: typeName(value) } },
    );
  }
  // Every id ends up in a link, and the URL parser refuses longer ones.
  if (value.length > MAX_ID_LENGTH) {
    fail(
      'id',
      /*i18n*/ {
        id: 'ids may be at most {limit} characters long, got {length}',
        values: { limit: MAX_ID_LENGTH, length: value.length },
      },
    );
  }
  if (!ID_PATTERN.test(value)) {
    fail(
      'id',
      /*i18n*/ {
        id: 'ids may hold only a–z, 0–9 and single hyphens, got {value}',
        values: { value: JSON.stringify(value.slice(0, 60)) },
      },
    );
  }
  return value;
}

/** Best-effort id for a broken record, so the Data issues panel can name it. */
export function peekId(feature: unknown): string | null {
  if (!isObject(feature)) return null;
  const value = own(feature, 'id');
  if (typeof value === 'string') return value.slice(0, 120);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * A record that met the contract, with the id it gave, or '' if none (an id given is never empty).
 * Its id is settled by assignIds once every record is read: the one given if unique, else one
 * derived from content. What is wrong in a translation goes to `warnings`: the event is kept
 * without it.
 */
export function readRecord(
  feature: unknown,
  position: number,
  dates: DateMemo,
  warnings: RecordProblem[] = [],
): DatasetEvent {
  if (!isObject(feature)) {
    fail(
      '',
      /*i18n*/ {
        id: 'expected a GeoJSON Feature object, got {type}',
        values: { type: typeName(feature) },
      },
    );
  }
  if (own(feature, 'type') !== 'Feature')
    fail('type', /*i18n*/ { id: 'expected "type": "Feature"' });
  const explicitId = readId(feature);
  const properties = own(feature, 'properties');
  if (!isObject(properties)) {
    fail(
      'properties',
      /*i18n*/ {
        id: 'expected an object of properties, got {type}',
        values: { type: typeName(properties) },
      },
    );
  }
  const title = requiredText(properties, 'title');
  const date = readDate(properties, 'properties.date', 'date', dates);
  const { longitude, latitude } = readCoordinates(feature);
  // Every event built with the same properties in the same order: one object shape for the engine.
  const event: DatasetEvent = {
    id: explicitId ?? '',
    idDerived: false,
    position,
    title,
    summary: optionalText(properties, 'summary', 'properties.summary') ?? '',
    date,
    place: optionalText(properties, 'place', 'properties.place') ?? '',
    country: readCountry(properties),
    longitude,
    latitude,
    locationPrecision: readLocationPrecision(properties),
    category: optionalText(properties, 'category', 'properties.category') ?? DEFAULT_CATEGORY,
    tags: textList(properties, 'tags'),
    sources: readSources(properties, dates, warnings),
    related: textList(properties, 'related'),
  };
  // The step is checked where every step number is known (FeatureChecker.accept): a bad or
  // repeated one costs the event only its step.
  const step = own(properties, 'storyStep');
  if (step != null) {
    const text = optionalText(properties, 'storyText', 'properties.storyText') ?? '';
    event.story = { step: step as number, text };
  }
  const translations = readByLanguage(
    own(properties, 'translations'),
    'properties.translations',
    warnings,
    readTranslation,
  );
  if (translations) event.translations = translations;
  return event;
}

export function readMetadata(collection: JsonObject): DatasetMetadata {
  const metadata = own(collection, 'metadata');
  const read = (key: string): string => {
    if (!isObject(metadata)) return '';
    const value = own(metadata, key);
    // Metadata has no issue to report a problem in: text too long to show is left out.
    return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value.trim() : '';
  };
  const categories = isObject(metadata) ? readCategoryStyles(own(metadata, 'categories')) : null;
  const language = isObject(metadata) ? languageTag(own(metadata, 'language')) : null;
  return {
    title: read('title') || 'Untitled dataset',
    description: read('description'),
    license: read('license'),
    source: read('source'),
    updated: read('updated'),
    ...(language ? { language } : {}),
    ...(categories ? { categories } : {}),
  };
}

/** At most this many build issues are kept: the list is for reading, not a second dataset. */
const MAX_BUILD_ISSUES = 10_000;

/**
 * metadata.issues: the records a site's build (DATASET=… npm run build) could not read from the
 * original file, `{ position, line?, id, field, reason }` each. Anything malformed is left out.
 */
export function readBuildIssues(collection: JsonObject): DataIssue[] {
  const metadata = own(collection, 'metadata');
  const list = isObject(metadata) ? own(metadata, 'issues') : undefined;
  if (!Array.isArray(list)) return [];
  const issues: DataIssue[] = [];
  for (const entry of list.slice(0, MAX_BUILD_ISSUES)) {
    if (!isObject(entry)) continue;
    const position = own(entry, 'position');
    const line = own(entry, 'line');
    const id = own(entry, 'id');
    const field = own(entry, 'field');
    const reason = own(entry, 'reason');
    if (!Number.isSafeInteger(position) || (position as number) < 0) continue;
    if (typeof field !== 'string' || typeof reason !== 'string') continue;
    issues.push({
      position: position as number,
      id: typeof id === 'string' ? id.slice(0, MAX_ID_LENGTH) : null,
      field: field.slice(0, 200),
      reason: reason.slice(0, MAX_TEXT_LENGTH),
      ...(Number.isSafeInteger(line) && (line as number) > 0 ? { line: line as number } : {}),
    });
  }
  return issues;
}
