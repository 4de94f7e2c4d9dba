/**
 * Turns parsed JSON into a Dataset: keeps every record that meets the contract and reports every
 * one that does not (position, id, field, reason). Never throws on any JSON value: anything that is
 * not a FeatureCollection at all becomes a DatasetError, which the UI shows with a retry.
 */
import { describeType, parseEdtf, type EdtfResult, type EventDate } from './edtf.ts';
import {
  DEFAULT_CATEGORY,
  LOCATION_PRECISIONS,
  NO_TEXT,
  type DataIssue,
  type Dataset,
  type DatasetEvent,
  type DatasetMetadata,
  type EventSource,
  type LocationPrecision,
} from './schema.ts';
import { MAX_ID_LENGTH, deriveEventId } from './derive-id.ts';
import { sortChronologically } from './sort-events.ts';

import { DatasetError, isHttpUrl, parseHttpUrl } from './dataset-error.ts';

export { DatasetError, isHttpUrl };

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_TEXT_LENGTH = 100_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a key only when the object itself holds it: `__proto__` or `constructor` never leak in. */
function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

class RecordProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

function fail(field: string, reason: string): never {
  throw new RecordProblem(field, reason);
}

/**
 * A value as a message may quote it: short text quoted, anything else named by its type. Never
 * JSON.stringify of the value itself, which overflows the stack on 10 000 nested arrays and copies
 * a 5 MB string to show 40 characters of it.
 */
function preview(value: unknown, length = 40): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, length));
  return describeType(value);
}

function requiredText(properties: JsonObject, key: string): string {
  const value = own(properties, key);
  if (value === undefined || value === null) fail(`properties.${key}`, `${key} is missing`);
  if (typeof value !== 'string')
    fail(`properties.${key}`, `expected text, got ${describeType(value)}`);
  const text = value.trim();
  if (text === '') fail(`properties.${key}`, `${key} is empty`);
  if (text.length > MAX_TEXT_LENGTH)
    fail(`properties.${key}`, `${key} is longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

function optionalText(object: JsonObject, key: string, field: string): string | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field, `expected text, got ${describeType(value)}`);
  if (value.length > MAX_TEXT_LENGTH) fail(field, `longer than ${MAX_TEXT_LENGTH} characters`);
  const text = value.trim();
  return text === '' ? null : text;
}

function textList(properties: JsonObject, key: string): readonly string[] {
  const value = own(properties, key);
  if (value === undefined || value === null) return NO_TEXT;
  if (!Array.isArray(value))
    fail(`properties.${key}`, `expected a list of text, got ${describeType(value)}`);
  if (value.length === 0) return NO_TEXT;
  const list: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string')
      fail(`properties.${key}[${index}]`, `expected text, got ${describeType(item)}`);
    if (item.length > MAX_TEXT_LENGTH)
      fail(`properties.${key}[${index}]`, `longer than ${MAX_TEXT_LENGTH} characters`);
    const text = item.trim();
    if (text !== '') list.push(text);
  });
  return list;
}

function readCoordinates(feature: JsonObject): { longitude: number; latitude: number } {
  const geometry = own(feature, 'geometry');
  if (geometry === undefined || geometry === null)
    fail('geometry', 'the record has no location (geometry is missing)');
  if (!isObject(geometry))
    fail('geometry', `expected a GeoJSON Point, got ${describeType(geometry)}`);
  const type = own(geometry, 'type');
  if (type !== 'Point')
    fail('geometry.type', `only Point geometries are supported, got ${preview(type)}`);
  const coordinates = own(geometry, 'coordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    fail('geometry.coordinates', 'expected [longitude, latitude]');
  }
  const [longitude, latitude] = coordinates as unknown[];
  if (typeof longitude !== 'number' || !Number.isFinite(longitude)) {
    fail('geometry.coordinates', `longitude must be a number, got ${describeType(longitude)}`);
  }
  if (typeof latitude !== 'number' || !Number.isFinite(latitude)) {
    fail('geometry.coordinates', `latitude must be a number, got ${describeType(latitude)}`);
  }
  if (latitude < -90 || latitude > 90)
    fail('geometry.coordinates', `latitude ${latitude} is outside −90…90`);
  if (longitude < -180 || longitude > 180)
    fail('geometry.coordinates', `longitude ${longitude} is outside −180…180`);
  return { longitude, latitude };
}

/**
 * Parses each distinct date text once per dataset, and gives every event on that date the same
 * (never changed) date object: a hundred thousand events often fall on a few thousand dates, and
 * the fewer objects are quicker to check, to hand to the page (event-pack.ts) and to keep.
 */
class DateMemo {
  private readonly results = new Map<string, EdtfResult>();

  parse(value: unknown): EdtfResult {
    if (typeof value !== 'string') return parseEdtf(value);
    let result = this.results.get(value);
    if (result === undefined) {
      result = parseEdtf(value);
      // A million distinct date-times would only fill memory: past this many, parse each.
      if (this.results.size < MAX_REMEMBERED_DATES) this.results.set(value, result);
    }
    return result;
  }
}

const MAX_REMEMBERED_DATES = 200_000;

function readDate(properties: JsonObject, field: string, key: string, dates: DateMemo): EventDate {
  const value = own(properties, key);
  if (value === undefined || value === null) fail(field, 'the date is missing');
  const result = dates.parse(value);
  if (!result.ok) fail(field, result.reason);
  return result.date;
}

function readSources(properties: JsonObject, dates: DateMemo): EventSource[] {
  const value = own(properties, 'sources');
  if (value === undefined || value === null)
    fail('properties.sources', 'at least one source is required');
  if (!Array.isArray(value))
    fail('properties.sources', `expected a list of sources, got ${describeType(value)}`);
  if (value.length === 0) fail('properties.sources', 'at least one source is required');
  return value.map((source, index): EventSource => {
    const field = `properties.sources[${index}]`;
    if (!isObject(source)) fail(field, `expected a source object, got ${describeType(source)}`);
    const publisher = optionalText(source, 'publisher', `${field}.publisher`);
    if (publisher === null) fail(`${field}.publisher`, 'the publisher is missing');
    const url = optionalText(source, 'url', `${field}.url`);
    if (url !== null && !isHttpUrl(url)) {
      fail(
        `${field}.url`,
        parseHttpUrl(url) === null
          ? `only http(s) links are allowed, got ${preview(url, 80)}`
          : `links may not hold a user name or password, got ${preview(url, 80)}`,
      );
    }
    const publishedValue = own(source, 'published');
    let published: EventDate | null = null;
    if (publishedValue !== undefined && publishedValue !== null) {
      const result = dates.parse(publishedValue);
      if (!result.ok) fail(`${field}.published`, result.reason);
      published = result.date;
    }
    return {
      publisher,
      title: optionalText(source, 'title', `${field}.title`),
      published,
      url,
      quote: optionalText(source, 'quote', `${field}.quote`),
    };
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
    `expected one of ${LOCATION_PRECISIONS.join(', ')}, got ${preview(value)}`,
  );
}

function readCountry(properties: JsonObject): string | null {
  const country = optionalText(properties, 'country', 'properties.country');
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    fail(
      'properties.country',
      `expected a two-letter ISO 3166-1 code like "KR", got ${JSON.stringify(country.slice(0, 20))}`,
    );
  }
  return country;
}

function readId(feature: JsonObject): string | null {
  const value = own(feature, 'id');
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') fail('id', `expected a text id, got ${describeType(value)}`);
  // Every id ends up in a link, and the URL parser refuses longer ones.
  if (value.length > MAX_ID_LENGTH)
    fail('id', `ids may be at most ${MAX_ID_LENGTH} characters long, got ${value.length}`);
  if (!ID_PATTERN.test(value)) {
    fail(
      'id',
      `ids may hold only a–z, 0–9 and single hyphens, got ${JSON.stringify(value.slice(0, 60))}`,
    );
  }
  return value;
}

/** Best-effort id for a broken record, so the Data issues panel can name it. */
function peekId(feature: unknown): string | null {
  if (!isObject(feature)) return null;
  const value = own(feature, 'id');
  if (typeof value === 'string') return value.slice(0, 120);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * A record that met the contract, with the id it gave, or '' if none (an id given is never empty).
 * Its id is settled by assignIds once every record is read: the one given if unique, else one
 * derived from content.
 */
function readRecord(feature: unknown, position: number, dates: DateMemo): DatasetEvent {
  if (!isObject(feature))
    fail('', `expected a GeoJSON Feature object, got ${describeType(feature)}`);
  if (own(feature, 'type') !== 'Feature') fail('type', 'expected "type": "Feature"');
  const explicitId = readId(feature);
  const properties = own(feature, 'properties');
  if (!isObject(properties))
    fail('properties', `expected an object of properties, got ${describeType(properties)}`);
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
    sources: readSources(properties, dates),
    related: textList(properties, 'related'),
  };
  return event;
}

function readMetadata(collection: JsonObject): DatasetMetadata {
  const metadata = own(collection, 'metadata');
  const read = (key: string): string => {
    if (!isObject(metadata)) return '';
    const value = own(metadata, key);
    // Metadata has no issue to report a problem in: text too long to show is left out.
    return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value.trim() : '';
  };
  return {
    title: read('title') || 'Untitled dataset',
    description: read('description'),
    license: read('license'),
    source: read('source'),
    updated: read('updated'),
  };
}

export interface ValidateOptions {
  /**
   * Where each feature came from, when the features were built from another file's rows: issues,
   * events and messages then name the reader's rows rather than positions in `features`.
   */
  positions?: readonly number[];
  /** What a message calls a record: "record", or "row" for tables. */
  noun?: string;
}

/**
 * What the checker keeps of a record once takeNew has handed it over: what settling the dataset's
 * order and ids needs. The record itself (its text, sources, tags) is the caller's from then on:
 * the import worker packs it for the page and lets it go. Kept whole until the file ended, every
 * record's text outlived many collections and was copied by each (about a third of the reader's
 * time at 100,000 records, in Node).
 */
export type HandedOverRecord = Pick<DatasetEvent, 'id' | 'idDerived' | 'position' | 'date'>;

/**
 * Checks a FeatureCollection's records a batch at a time, as they are parsed (feature-stream.ts
 * reads a download in pieces), and settles ids and order once all are in: the same dataset
 * validateFeatureCollection gives for the whole file at once.
 */
export class FeatureChecker {
  private readonly issues: DataIssue[] = [];
  /** In file order: records not yet handed out whole, those handed out as HandedOverRecord. */
  private readonly candidates: (DatasetEvent | HandedOverRecord)[] = [];
  /** Records that gave no id: finish or settle derives theirs, once every given id is known. */
  private readonly withoutId: DatasetEvent[] = [];
  /** Each id given so far and the position of the record that gave it first. */
  private readonly firstPositionById = new Map<string, number>();
  private readonly dates = new DateMemo();
  private recordCount = 0;

  /** How many candidates takeNew has handed out. */
  private handedOut = 0;

  constructor(private readonly options: ValidateOptions = {}) {}

  /**
   * Hands over the records that met the contract since the last call, in file order, ids not yet
   * settled (an explicit id, or '' until settle derives one). A record repeating an earlier
   * record's id is never among them. The checker keeps only a HandedOverRecord of each, except a
   * record without an id: settle derives its id from its text and sets it on the same object.
   */
  takeNew(): DatasetEvent[] {
    const { candidates } = this;
    // Not yet handed out: every one of them is still whole.
    const fresh = candidates.slice(this.handedOut) as DatasetEvent[];
    for (let index = this.handedOut; index < candidates.length; index += 1) {
      const { id, idDerived, position, date } = candidates[index] as DatasetEvent;
      if (id !== '' && !idDerived) candidates[index] = { id, idDerived, position, date };
    }
    this.handedOut = candidates.length;
    return fresh;
  }

  /** Records read so far, kept or not. */
  get count(): number {
    return this.recordCount;
  }

  add(features: readonly unknown[]): void {
    const { positions } = this.options;
    for (const feature of features) {
      const index = this.recordCount;
      this.recordCount += 1;
      const position = positions?.[index] ?? index;
      try {
        this.accept(readRecord(feature, position, this.dates));
      } catch (error) {
        // Anything but a RecordProblem would be a bug here; it is still reported against its
        // record rather than taking the whole dataset down.
        const problem =
          error instanceof RecordProblem
            ? error
            : new RecordProblem('', `unexpected problem: ${String(error)}`);
        this.issues.push({
          position,
          id: peekId(feature),
          field: problem.field,
          reason: problem.reason,
        });
      }
    }
  }

  /**
   * Given ids must be unique: a repeat is reported on the later record, naming the record that
   * used it first, and left out (never handed out by takeNew). Checked as each record arrives
   * (while a download is still under way) rather than all at the end, where it held up the last
   * step by 0.1–0.2 s per 100,000 records.
   */
  private accept(event: DatasetEvent) {
    const givenId = event.id;
    if (givenId === '') {
      this.withoutId.push(event);
    } else {
      const first = this.firstPositionById.get(givenId);
      if (first !== undefined) {
        this.issues.push({
          position: event.position,
          id: givenId,
          field: 'id',
          reason: `duplicate id: ${this.options.noun ?? 'record'} ${first + 1} already uses "${givenId}"`,
        });
        return;
      }
      this.firstPositionById.set(givenId, event.position);
    }
    this.candidates.push(event);
  }

  /** The dataset, every record whole: for a checker whose records were never handed out. */
  finish(collection: JsonObject): Dataset {
    if (this.handedOut > 0) {
      throw new Error('FeatureChecker.finish after takeNew: the records were handed over; settle.');
    }
    // Nothing was handed out: every candidate is a whole event.
    const events = this.settledOrder() as DatasetEvent[];
    return { ...this.datasetWithout(collection), events };
  }

  /**
   * After takeNew: the dataset without its events, and every record's settled order (the
   * records still to be taken whole, the ones handed out as HandedOverRecord).
   */
  settle(collection: JsonObject): { dataset: Dataset; order: HandedOverRecord[] } {
    return { dataset: this.datasetWithout(collection), order: this.settledOrder() };
  }

  /** Derives the missing ids and puts every candidate in chronological order. */
  private settledOrder(): (DatasetEvent | HandedOverRecord)[] {
    deriveIds(this.withoutId, this.firstPositionById);
    // A copy to sort: takeNew still hands out the candidates in file order after this.
    const order = this.candidates.slice();
    sortChronologically(order);
    this.issues.sort((a, b) => a.position - b.position);
    return order;
  }

  private datasetWithout(collection: JsonObject): Dataset {
    const { issues, recordCount } = this;
    return { metadata: readMetadata(collection), events: [], issues, recordCount };
  }
}

/**
 * Why a value cannot be a FeatureCollection (a DatasetError to throw), or its features if it is.
 */
function featuresOf(json: unknown): unknown[] {
  if (!isObject(json)) {
    throw new DatasetError(
      `Expected a GeoJSON FeatureCollection, but the file holds ${describeType(json)}.`,
    );
  }
  const type = own(json, 'type');
  if (type !== 'FeatureCollection') {
    const got = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'no "type"';
    throw new DatasetError(`Expected a GeoJSON FeatureCollection, but the file has ${got}.`);
  }
  const features = own(json, 'features');
  if (!Array.isArray(features)) {
    throw new DatasetError('The FeatureCollection has no "features" list.');
  }
  return features;
}

/** Validates a parsed GeoJSON FeatureCollection. Throws only DatasetError, for a file that is not one. */
export function validateFeatureCollection(json: unknown, options: ValidateOptions = {}): Dataset {
  const features = featuresOf(json);
  const checker = new FeatureChecker(options);
  checker.add(features);
  return checker.finish(json as JsonObject);
}

/**
 * Records without an id get one derived from their content, so links survive reordering; records
 * with identical content share a base and are told apart by a counter. `taken` holds every id
 * given in the file, and gains the derived ones.
 */
function deriveIds(withoutId: readonly DatasetEvent[], taken: Map<string, number>): void {
  for (const event of withoutId) {
    const base = deriveEventId(event);
    let id = base;
    for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
    taken.set(id, event.position);
    // The event is the checker's own until finish returns: settling its id here is safe.
    event.id = id;
    event.idDerived = true;
  }
}

/** Parses the text of a dataset file. Throws only DatasetError. */
export function parseDatasetText(text: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const start = text.trimStart().slice(0, 1);
    const hint = start === '<' ? ' It looks like an HTML page: is the address right?' : '';
    throw new DatasetError(`The file is not valid JSON (${detail}).${hint}`);
  }
  return validateFeatureCollection(json);
}
