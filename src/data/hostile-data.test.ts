/**
 * Hostile data (issue #8, point 1): the loaders — validateFeatureCollection / parseDatasetText and
 * importDataset — against random and hand-written hostile files.
 *
 * How many inputs each property tries (fast-check numRuns):
 *   any JSON value as a whole file, validator ........................... 2000
 *   any JSON value as a whole file, importDataset ........................ 300
 *   prototype keys at every level, validator (text built by hand) ....... 1000
 *   prototype keys at every level, importDataset on the same bytes ....... 300
 *   wrong types in every field, validator, against an oracle ............ 1000
 *   wrong types in every field, importDataset on the same bytes .......... 300
 *   CSV files with hostile cells, importDataset (with columns chosen) .... 300
 *   CSV files with hostile cells, importDataset (its own guess) .......... 300
 *   source links: validator keeps exactly the absolute http(s) ones ..... 2000
 *   long, unbroken cells never cost quadratic time (importDataset) ....... 40
 * Plus the hand-written corpus below (one input per case).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inEnglish, isMessage, type Message } from '../lib/i18n/message.ts';
import { messages as korean } from '../locales/ko.ts';
import { DatasetError, isHttpUrl } from './model/dataset-error.ts';
import { ID_PATTERN } from './model/read-record.ts';
import { parseDatasetText, validateFeatureCollection } from './model/validate.ts';
import { MAX_ID_LENGTH, deriveEventId } from './model/derive-id.ts';
import { indexById } from './query/selectors.ts';
import type { Dataset } from './model/schema.ts';
import { emptyMapping } from './import/column-mapping.ts';
import { importDataset } from './import/import-dataset.ts';
import type { ImportOutcome } from './import/import-types.ts';

/** Mirrors MAX_TEXT_LENGTH in record-fields.ts. */
const MAX_TEXT_LENGTH = 100_000;
/** No message about one record needs more than this; longer means data was pasted into it. */
const MAX_REASON_LENGTH = 400;

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Helpers

function fail(message: string): never {
  throw new Error(message);
}

const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
type Snapshot = Map<PropertyKey, PropertyDescriptor>[];

/** Every own member of the built-in prototypes, as it is: what a polluted prototype changes. */
function prototypeSnapshot(): Snapshot {
  return BUILT_INS.map(
    (prototype) =>
      new Map(
        Reflect.ownKeys(prototype).map((key) => [
          key,
          Object.getOwnPropertyDescriptor(prototype, key) ?? {},
        ]),
      ),
  );
}
const PRISTINE: Snapshot = prototypeSnapshot();

function expectNoPollution() {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'title', 'date', 'type', 'features', 'isAdmin', 'x']) {
    if (probe[key] !== undefined) fail(`({}).${key} is ${String(probe[key])}: prototype polluted`);
  }
  if (([] as unknown as Record<string, unknown>).polluted !== undefined) fail('[] polluted');
  if (Object.getPrototypeOf(Object.prototype) !== null) fail('Object.prototype has a prototype');
  BUILT_INS.forEach((prototype, index) => {
    const before = PRISTINE[index] ?? fail('no snapshot');
    const keys = Reflect.ownKeys(prototype);
    if (keys.length !== before.size) fail(`a member was added to a built-in prototype`);
    for (const key of keys) {
      const was = before.get(key) ?? fail(`${String(key)} was added to a built-in prototype`);
      const now = Object.getOwnPropertyDescriptor(prototype, key);
      if (now?.value !== was.value || now?.get !== was.get || now?.set !== was.set)
        fail(`${String(key)} of a built-in prototype was changed`);
    }
  });
}

function checkText(text: unknown, what: string, { nonEmpty = false } = {}) {
  if (typeof text !== 'string') fail(`${what} is ${typeof text}, not text`);
  if (text.length > MAX_TEXT_LENGTH) fail(`${what} is ${text.length} characters long`);
  if (nonEmpty && text.trim() === '') fail(`${what} is empty`);
}

/**
 * The invariants of every Dataset: shown + reported = records in the file, each record exactly
 * once; issues name a position in range, a field and a reason; events hold only checked values.
 */
function expectSoundDataset(dataset: Dataset, records: number, options: { csv?: boolean } = {}) {
  if (dataset.recordCount !== records)
    fail(`recordCount ${dataset.recordCount}, but the file has ${records} records`);
  const reported = dataset.issues.filter((issue) => !issue.shown).length;
  if (dataset.events.length + reported !== records)
    fail(`${dataset.events.length} shown + ${reported} reported ≠ ${records} records`);
  const seen = new Array<boolean>(records).fill(false);
  const mark = (position: number, what: string) => {
    if (!Number.isInteger(position) || position < 0 || position >= records)
      fail(`${what} names position ${position}, outside 0…${records - 1}`);
    if (seen[position]) fail(`position ${position} is both shown and reported, or twice`);
    seen[position] = true;
  };
  let previousLine = 0;
  for (const issue of dataset.issues) {
    if (!issue.shown) mark(issue.position, 'an issue');
    if (typeof issue.field !== 'string') fail('an issue field is not text');
    // '' stands for the whole record, allowed only when the record is not a Feature object at all.
    if (issue.field === '' && !/^expected a GeoJSON Feature object/.test(issue.reason))
      fail(`an issue names no field: ${issue.reason}`);
    if (typeof issue.reason !== 'string' || issue.reason.trim() === '')
      fail(`issue at ${issue.position} gives no reason`);
    if (/^unexpected problem/.test(issue.reason))
      fail(`a bug in the loader surfaced as an issue: ${issue.reason.slice(0, 200)}`);
    expectSayable(issue.message, issue.reason);
    if (issue.reason.length > MAX_REASON_LENGTH)
      fail(`a reason of ${issue.reason.length} characters: ${issue.reason.slice(0, 80)}…`);
    if (issue.id !== null && (typeof issue.id !== 'string' || issue.id.length > MAX_ID_LENGTH))
      fail(`issue id ${String(issue.id).slice(0, 40)}… is not a short text`);
    if (options.csv) {
      if (issue.line === undefined || !Number.isInteger(issue.line) || issue.line <= previousLine)
        fail(`CSV issue at ${issue.position} has line ${String(issue.line)}`);
      previousLine = issue.line;
    }
  }
  const ids = new Set<string>();
  for (const event of dataset.events) {
    mark(event.position, `event ${event.id}`);
    if (typeof event.id !== 'string' || !ID_PATTERN.test(event.id))
      fail(`event id ${JSON.stringify(event.id)} breaks the id pattern`);
    if (event.id.length > MAX_ID_LENGTH) fail(`event id of ${event.id.length} characters`);
    if (ids.has(event.id)) fail(`two events share the id ${event.id}`);
    ids.add(event.id);
    checkText(event.title, 'title', { nonEmpty: true });
    checkText(event.summary, 'summary');
    checkText(event.place, 'place');
    checkText(event.category, 'category', { nonEmpty: true });
    if (event.country !== null && !/^[A-Z]{2}$/.test(event.country))
      fail(`country ${event.country}`);
    if (!Number.isFinite(event.latitude) || Math.abs(event.latitude) > 90)
      fail(`latitude ${event.latitude}`);
    if (!Number.isFinite(event.longitude) || Math.abs(event.longitude) > 180)
      fail(`longitude ${event.longitude}`);
    if (!Number.isInteger(event.date.start) || event.date.start > event.date.end)
      fail(`date ${event.date.edtf}`);
    for (const list of [event.tags, event.related])
      for (const item of list) checkText(item, 'tag or related id', { nonEmpty: true });
    if (event.sources.length === 0) fail(`event ${event.id} has no source`);
    for (const source of event.sources) {
      checkText(source.publisher, 'publisher', { nonEmpty: true });
      if (source.title !== null) checkText(source.title, 'source title');
      if (source.quote !== null) checkText(source.quote, 'quote');
      if (source.url !== null) {
        checkText(source.url, 'source url');
        const protocol = new URL(source.url).protocol;
        if (protocol !== 'http:' && protocol !== 'https:') fail(`source link ${source.url}`);
      }
    }
  }
  for (const text of Object.values(dataset.metadata)) checkText(text, 'metadata');
  // Every id reaches its own event through the id map, whatever it is called.
  const byId = indexById(dataset.events);
  dataset.events.forEach((event, index) => {
    if (byId.get(event.id) !== index) fail(`indexById misses ${event.id}`);
  });
}

/**
 * A message made in the worker reads as its English text and can be said in Korean: every id in
 * it, its values' too, is in the Korean catalogue (npm run i18n found it).
 */
function expectSayable(message: Message | undefined, english: string) {
  if (message === undefined) return fail(`no message to say in the reader's language: ${english}`);
  if (inEnglish(message) !== english)
    fail(`the message reads "${inEnglish(message)}", not "${english}"`);
  const ids = (said: Message): string[] => [
    said.id,
    ...Object.values(said.values ?? {}).flatMap((value) => (isMessage(value) ? ids(value) : [])),
  ];
  const untranslated = ids(message).filter((id) => korean[id] === undefined);
  if (untranslated.length > 0) fail(`not in the Korean catalogue: ${untranslated.join(' | ')}`);
}

function expectOnlyDatasetError(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof DatasetError))
      fail(`threw ${String(error).slice(0, 300)} rather than a DatasetError`);
    if (error.message.length > 1000) fail('a DatasetError message quotes the whole file');
    expectSayable(error.said, error.message);
    return error;
  }
}

function importText(text: string, name = 'hostile.geojson'): ImportOutcome | DatasetError {
  return expectOnlyDatasetError(() =>
    importDataset([{ name, bytes: encoder.encode(text) }], null, {
      sourceUrl: 'https://example.org/data/hostile.geojson',
    }),
  ) as ImportOutcome | DatasetError;
}

function featuresIn(text: string): number {
  const json = JSON.parse(text) as { features: unknown[] };
  return json.features.length;
}

/** Validates text with both loaders, checks both datasets, and returns the validator's. */
function loadBoth(text: string): Dataset {
  const records = featuresIn(text);
  const dataset = parseDatasetText(text);
  expectSoundDataset(dataset, records);
  const outcome = importText(text);
  if (outcome instanceof DatasetError) return fail(`importDataset refused: ${outcome.message}`);
  if (outcome.kind !== 'dataset') return fail('importDataset asked for columns');
  expectSoundDataset(outcome.dataset, records);
  expect(outcome.dataset.events.map((event) => event.id)).toEqual(
    dataset.events.map((event) => event.id),
  );
  return dataset;
}

const point = (longitude: unknown = 126.97, latitude: unknown = 37.56) => ({
  type: 'Point',
  coordinates: [longitude, latitude],
});

function goodFeature(overrides: Record<string, unknown> = {}, properties = {}) {
  return {
    type: 'Feature',
    geometry: point(),
    properties: {
      title: 'A good record',
      date: '2024-10-08',
      sources: [{ publisher: 'Wire', url: 'https://example.org/a' }],
      ...properties,
    },
    ...overrides,
  };
}

function collectionText(features: unknown[], extra = ''): string {
  return `{"type":"FeatureCollection",${extra}"features":[${features
    .map((feature) => (typeof feature === 'string' ? feature : JSON.stringify(feature)))
    .join(',')}]}`;
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Keys that reach prototypes when code assigns `object[key] = …` or reads `object[key]`. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupGetter__',
  'polluted',
  'length',
];

const jsonString = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((s) => JSON.stringify(s));

/** JSON text whose objects are full of hostile keys, written out by hand (never an object literal). */
const hostileJson = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false', '1e400', '-0', '-1e400', '0', '"2024-10-08"'),
    fc.double().map((n) => (Number.isFinite(n) ? JSON.stringify(n) : '1e400')),
    jsonString(fc.string({ unit: 'binary', maxLength: 12 })),
    jsonString(fc.constantFrom(...HOSTILE_KEYS)),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), tie('value')), { maxLength: 4 })
    .map((entries) => `{${entries.map(([key, value]) => `"${key}":${value}`).join(',')}}`),
}));

/** `,"__proto__":{…},"constructor":…` — hostile members to put into any object. */
const hostileMembers = fc
  .array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileJson.value), { maxLength: 3 })
  .map((entries) => entries.map(([key, value]) => `"${key}":${value},`).join(''));

/** A Feature that meets the contract, with hostile members at every level of it. */
const hostileFeatureText = fc
  .record({
    top: hostileMembers,
    geometry: hostileMembers,
    properties: hostileMembers,
    source: hostileMembers,
    sourceList: fc.array(hostileJson.value, { maxLength: 2 }),
    tags: fc.array(hostileJson.value, { maxLength: 2 }),
    id: fc.constantFrom(
      '',
      '"id":"constructor",',
      '"id":"tostring",',
      '"id":"__proto__",',
      '"id":"hasOwnProperty",',
      '"id":0,',
      '"id":"proto",',
    ),
  })
  .map(
    ({ top, geometry, properties, source, sourceList, tags, id }) =>
      `{${top}${id}"type":"Feature","geometry":{${geometry}"type":"Point","coordinates":[1,2]},` +
      `"properties":{${properties}"title":"T","date":"2024-10-08","tags":[${['"t"', ...tags].join(',')}],` +
      `"sources":[{${source}"publisher":"P","url":"https://example.org/"}${sourceList.map((item) => `,${item}`).join('')}]}}`,
  );

const hostileCollectionText = fc
  .record({
    top: hostileMembers,
    metadata: hostileMembers,
    features: fc.array(fc.oneof(hostileFeatureText, hostileJson.value), { maxLength: 6 }),
  })
  .map(
    ({ top, metadata, features }) =>
      `{${top}"type":"FeatureCollection","metadata":{${metadata}"title":"Hostile"},"features":[${features.join(',')}]}`,
  );

/** Any JSON value but null or a string: the wrong type for a text field. */
const notText = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

interface Field {
  /** undefined: the key is left out. */
  value: unknown;
  ok: boolean;
}
const good = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((value): Field => ({ value, ok: true }));
const bad = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((value): Field => ({ value, ok: false }));
/** Fields are right four times in five, so many records pass and ids get to collide. */
const field = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: good(valid), weight: 4 }, { arbitrary: bad(invalid), weight: 1 });

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\njavascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript://example.org/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/0f3c',
  'ftp://example.org/a',
  'mailto:a@example.org',
  '//evil.example/a',
  '\\\\evil.example\\a',
  '/relative/path',
  'relative/path',
  '#fragment',
  '?query',
  'https//example.org',
  'http:/',
  'https://',
  'http://exa mple.org/',
  'http://user:pass@evil.example/',
  'https://www.reuters.com@evil.example/',
  'http://user@evil.example/',
];
const hostileUrl = fc.constantFrom(...HOSTILE_URLS);

const validDate = fc.constantFrom(
  '2024-10-08',
  '2024-06',
  '2024',
  '2024-09~',
  '1999-12-31?',
  '2024-10-03/2024-10-04',
  '2024-10-08T09:30:00+09:00',
  ' 2024-02-29 ',
  '0000-01-01',
  '9999-12-31',
);
const invalidDate = fc.oneof(
  notText,
  fc.constantFrom(
    null,
    undefined,
    '',
    '  ',
    '2024-13-01',
    '2023-02-29',
    '2024-10-04/2024-10-03',
    '../2024',
    '2024/',
    '2024/2025/2026',
    'yesterday',
    '2024-10-08T24:00',
    '2024-10-08T10:00+15:00',
    '1e400',
  ),
);

const nonEmptyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }).filter((text) => {
  return text.trim() !== '';
});
const optionalText = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

const validSource = fc.record(
  {
    publisher: nonEmptyText,
    url: fc.oneof(fc.constant(null), fc.webUrl()),
    title: optionalText,
    published: fc.oneof(fc.constant(null), validDate),
    quote: optionalText,
  },
  { requiredKeys: ['publisher'] },
);
const invalidSources = fc.oneof(
  fc.constantFrom(undefined, null, [], 'https://example.org/a', 3, {}),
  notText.map((value) => [value]),
  fc.constant([{ publisher: '' }]),
  fc.constant([{ publisher: '  ' }]),
  fc.constant([{ url: 'https://example.org' }]),
  hostileUrl.map((url) => [{ publisher: 'P', url }]),
  notText.map((value) => [{ publisher: 'P', url: value }]),
  notText.map((value) => [{ publisher: 'P', title: value }]),
  invalidDate
    .filter((date) => date !== null && date !== undefined)
    .map((published) => [{ publisher: 'P', published }]),
);

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const validGeometry = fc.oneof(
  fc.tuple(longitude, latitude).map(([lon, lat]) => point(lon, lat)),
  fc
    .tuple(longitude, latitude, fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map(([lon, lat, altitude]) => ({ type: 'Point', coordinates: [lon, lat, altitude] })),
);
const invalidGeometry = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    point(181, 0),
    point(-180.0000001, 0),
    point(0, 91),
    point(0, -90.0000001),
    point('126.9', 37.5),
    point(126.9, '37.5'),
    point(null, null),
    { type: 'Point', coordinates: [1] },
    { type: 'Point', coordinates: [] },
    { type: 'Point', coordinates: '1,2' },
    { type: 'Point' },
    { type: 'point', coordinates: [1, 2] },
    { type: 'LineString', coordinates: [[1, 2]] },
    { coordinates: [1, 2] },
    [1, 2],
  ),
  notText,
  fc.double({ min: 90, noNaN: true, minExcluded: true }).map((lat) => point(0, lat)),
  fc.double({ max: -180, noNaN: true, maxExcluded: true }).map((lon) => point(lon, 0)),
);

const ID_POOL = ['a', 'b', 'constructor', 'tostring', 'hasownproperty', 'proto', '0', 'x-1'];
const validId = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom(...ID_POOL),
  fc.constantFrom(0, 7, -0),
);
const invalidId = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'toString',
    'hasOwnProperty',
    'A',
    'a--b',
    '-a',
    'a-',
    '',
    ' a',
    1.5,
    -1,
    2 ** 53,
    true,
    {},
    [],
    'a'.repeat(MAX_ID_LENGTH + 1),
  ),
);

const recordSpec = fc.record({
  kind: fc.oneof(
    { arbitrary: good(fc.constant('Feature')), weight: 12 },
    { arbitrary: bad(fc.constantFrom('feature', undefined, null, 'FeatureCollection')), weight: 1 },
  ),
  id: field(validId, invalidId),
  geometry: field(validGeometry, invalidGeometry),
  title: field(nonEmptyText, fc.oneof(notText, fc.constantFrom(null, undefined, '', ' \n\t'))),
  date: field(validDate, invalidDate),
  sources: field(fc.array(validSource, { minLength: 1, maxLength: 3 }), invalidSources),
  summary: field(optionalText, notText),
  place: field(optionalText, notText),
  category: field(optionalText, notText),
  country: field(
    fc.constantFrom(undefined, null, 'KR', 'US', ' KR ', ''),
    fc.oneof(notText, fc.constantFrom('kr', 'KOR', 'K1', 'Korea')),
  ),
  locationPrecision: field(
    fc.constantFrom(undefined, null, 'exact', 'city', 'region', 'country'),
    fc.oneof(notText, fc.constantFrom('', 'street', 'City')),
  ),
  tags: field(
    fc.oneof(fc.constant(undefined), fc.constant(null), fc.array(fc.string({ maxLength: 8 }))),
    fc.oneof(
      fc.constantFrom('a', 1, {}),
      notText.filter((value) => !Array.isArray(value)),
      notText.map((value) => ['ok', value]),
    ),
  ),
  related: field(
    fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom('a', 'b'))),
    fc.constantFrom('a', [null], [1], { 0: 'a' }),
  ),
  wrapper: fc.oneof(
    { arbitrary: good(fc.constant('object')), weight: 20 },
    { arbitrary: bad(fc.constantFrom(null, 1, 'feature', [], true)), weight: 1 },
  ),
  badProperties: fc.oneof(
    { arbitrary: fc.constant(null), weight: 20 },
    { arbitrary: fc.constantFrom([], 'x', 1), weight: 1 },
  ),
});
type RecordSpec = typeof recordSpec extends fc.Arbitrary<infer T> ? T : never;

const PROPERTY_FIELDS = [
  'title',
  'date',
  'sources',
  'summary',
  'place',
  'category',
  'country',
  'locationPrecision',
  'tags',
  'related',
] as const;

function buildFeature(spec: RecordSpec): unknown {
  if (!spec.wrapper.ok) return spec.wrapper.value;
  const properties: Record<string, unknown> = {};
  for (const key of PROPERTY_FIELDS) {
    if (spec[key].value !== undefined) properties[key] = spec[key].value;
  }
  const feature: Record<string, unknown> = {
    properties: spec.badProperties ?? properties,
  };
  if (spec.kind.value !== undefined) feature.type = spec.kind.value;
  if (spec.geometry.value !== undefined) feature.geometry = spec.geometry.value;
  if (spec.id.value !== undefined) feature.id = spec.id.value;
  return feature;
}

function specIsValid(spec: RecordSpec): boolean {
  return (
    spec.wrapper.ok &&
    spec.badProperties === null &&
    spec.kind.ok &&
    spec.id.ok &&
    spec.geometry.ok &&
    PROPERTY_FIELDS.every((key) => spec[key].ok)
  );
}

/** Which positions must be shown: valid records, less later users of an explicit id. */
function expectedEvents(specs: RecordSpec[]): Set<number> {
  const taken = new Set<string>();
  const shown = new Set<number>();
  specs.forEach((spec, position) => {
    if (!specIsValid(spec)) return;
    const id = spec.id.value;
    if (id !== undefined && id !== null) {
      const key = String(id);
      if (taken.has(key)) return;
      taken.add(key);
    }
    shown.add(position);
  });
  return shown;
}

function csvCell(text: string, delimiter: string): string {
  return text.includes('"') ||
    text.includes(delimiter) ||
    text.includes('\n') ||
    text.includes('\r')
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

const csvDateCell = fc.oneof(
  good(
    fc.constantFrom(
      '2024-10-08',
      ' 2024-10-08 ',
      '2024-06',
      '2024',
      '31/12/2024',
      '9-Apr-84',
      'Sep-84',
      '1712000000000',
      '2024-10-08 13:45',
      '2024-10-08T09:30:00Z',
    ),
  ),
  bad(
    fc.oneof(
      fc.constantFrom('', 'yesterday', '2024-13-45', '31/02/2024', '2024-02-30', 'Foo-84'),
      fc.string({ unit: 'binary', maxLength: 10 }).filter((text) => !/\d/.test(text)),
    ),
  ),
);
const csvCoordinateCell = (limit: number) =>
  fc.oneof(
    { arbitrary: good(fc.double({ min: -limit, max: limit, noNaN: true }).map(String)), weight: 3 },
    {
      arbitrary: good(fc.constantFrom('0', '-0', '+1.5', '.5', '1e1', '40,85', ' 12 ')),
      weight: 1,
    },
    {
      arbitrary: bad(
        fc.constantFrom(
          '',
          'Unknown',
          String(limit + 1),
          `-${limit}.0000001`,
          '1e400',
          '0x10',
          'NaN',
          'Infinity',
          '1,2,3',
          '1.2.3',
        ),
      ),
      weight: 1,
    },
  );
const csvText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    '"quoted, with comma"',
    'line\nbreak',
    'cr\ronly',
    'crlf\r\nin cell',
    '=HYPERLINK("http://evil.example")',
    "'=1+1",
    '@SUM(A1)',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '\u0000',
    '\uFEFF',
    'a;b\tc',
  ),
);
const csvRow = fc.record({
  date: csvDateCell,
  latitude: csvCoordinateCell(90),
  longitude: csvCoordinateCell(180),
  title: csvText,
  summary: fc.oneof(fc.constant(''), csvText),
  id: fc.oneof(csvText, fc.constantFrom('', 'a', 'a', '__proto__', 'constructor', 'toString')),
  url: fc.oneof(hostileUrl, fc.webUrl(), csvText, fc.constant('')),
  extra: csvText,
});
type CsvRow = typeof csvRow extends fc.Arbitrary<infer T> ? T : never;

const CSV_COLUMNS = ['date', 'latitude', 'longitude', 'title', 'summary', 'id', 'url'] as const;
const csvFile = fc.record({
  rows: fc.array(csvRow, { maxLength: 12 }),
  order: fc.shuffledSubarray([...CSV_COLUMNS, '__proto__', 'constructor'], {
    minLength: CSV_COLUMNS.length + 2,
  }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

function rowCell(row: CsvRow, column: string): string {
  switch (column) {
    case 'date':
      return String(row.date.value);
    case 'latitude':
      return String(row.latitude.value);
    case 'longitude':
      return String(row.longitude.value);
    case 'title':
    case 'summary':
    case 'id':
    case 'url':
      return row[column];
    default:
      return row.extra;
  }
}

function buildCsv(file: typeof csvFile extends fc.Arbitrary<infer T> ? T : never): string {
  const { rows, order, delimiter, newline } = file;
  const lines = [
    order.map((name) => `"${name}"`).join(delimiter),
    ...rows.map((row) =>
      order.map((column) => csvCell(rowCell(row, column), delimiter)).join(delimiter),
    ),
  ];
  return `${file.bom ? '\uFEFF' : ''}${lines.join(newline)}${file.finalNewline ? newline : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Properties

describe('hostile data: properties', () => {
  it('any JSON value as a whole file: only a DatasetError, and never for a FeatureCollection', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        const result = expectOnlyDatasetError(() => parseDatasetText(text));
        if (!(result instanceof DatasetError)) {
          const json = JSON.parse(text) as { features: unknown[] };
          expectSoundDataset(result as Dataset, json.features.length);
        }
        // As a FeatureCollection's only record, the same value never throws at all.
        const dataset = validateFeatureCollection({ type: 'FeatureCollection', features: [value] });
        expectSoundDataset(dataset, 1);
        expectNoPollution();
      }),
      { numRuns: 2000 },
    );
  });

  it('any JSON value as a whole file through importDataset: only a DatasetError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
          fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })), {
            maxLength: 8,
          }),
        ),
        (value) => {
          const outcome = importText(JSON.stringify(value) ?? 'null', 'any.json');
          if (!(outcome instanceof DatasetError) && outcome.kind === 'dataset')
            expectSoundDataset(outcome.dataset, outcome.dataset.recordCount);
          expectNoPollution();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prototype keys at every level: loaded, never followed, no prototype polluted', () => {
    fc.assert(
      fc.property(hostileCollectionText, (text) => {
        const dataset = parseDatasetText(text);
        expectSoundDataset(dataset, featuresIn(text));
        for (const event of dataset.events) {
          expect(event.title).toBe('T');
          expect(event.tags[0]).toBe('t');
        }
        expectNoPollution();
      }),
      { numRuns: 1000 },
    );
  });

  it('prototype keys at every level through importDataset: the same records shown', () => {
    const ours = (feature: unknown) => {
      const properties = (feature as { properties?: unknown } | null)?.properties as
        { date?: unknown; sources?: unknown } | undefined;
      return typeof properties?.date === 'string' && Array.isArray(properties.sources);
    };
    fc.assert(
      fc.property(hostileCollectionText, (text) => {
        const outcome = importText(text);
        const { features } = JSON.parse(text) as { features: unknown[] };
        if (features.filter(ours).length >= features.length / 2) {
          // Mostly our own records: read as our contract, the same events as the validator's.
          if (outcome instanceof DatasetError || outcome.kind !== 'dataset')
            return fail('a FeatureCollection of our records was not imported');
          expect(outcome.report.format).toBe('dateline-geojson');
          expectSoundDataset(outcome.dataset, features.length);
          expect(outcome.dataset.events.map((event) => event.id)).toEqual(
            parseDatasetText(text).events.map((event) => event.id),
          );
        } else if (!(outcome instanceof DatasetError) && outcome.kind === 'dataset') {
          // Mostly other values: read as foreign JSON, if records are found at all.
          expectSoundDataset(outcome.dataset, outcome.dataset.recordCount);
        }
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it('wrong types in every field: exactly the valid records are shown, the first of an id kept', () => {
    fc.assert(
      fc.property(fc.array(recordSpec, { maxLength: 12 }), (specs) => {
        const text = collectionText(specs.map((spec) => JSON.stringify(buildFeature(spec))));
        const dataset = parseDatasetText(text);
        expectSoundDataset(dataset, specs.length);
        const expected = expectedEvents(specs);
        expect(new Set(dataset.events.map((event) => event.position))).toEqual(expected);
        for (const event of dataset.events) {
          const spec = specs[event.position] ?? fail('no spec');
          expect(event.title).toBe(String(spec.title.value).trim());
          // Compared as written in the file: JSON has no -0.
          const coordinates = JSON.parse(JSON.stringify(spec.geometry.value)) as {
            coordinates: number[];
          };
          expect([event.longitude, event.latitude]).toEqual(coordinates.coordinates.slice(0, 2));
          expect(event.idDerived).toBe(spec.id.value === undefined || spec.id.value === null);
        }
        for (const issue of dataset.issues) {
          const spec = specs[issue.position] ?? fail('no spec');
          if (specIsValid(spec)) {
            expect(issue.field).toBe('id');
            expect(issue.reason).toMatch(/^duplicate id: record \d+ already uses/);
          }
        }
        expectNoPollution();
      }),
      { numRuns: 1000 },
    );
  });

  it('wrong types in every field through importDataset: sound, and the same as the validator', () => {
    fc.assert(
      fc.property(fc.array(recordSpec, { maxLength: 12 }), (specs) => {
        const text = collectionText(specs.map((spec) => JSON.stringify(buildFeature(spec))));
        const outcome = importText(text);
        if (outcome instanceof DatasetError || outcome.kind !== 'dataset') return;
        const { dataset, report } = outcome;
        if (report.format === 'dateline-geojson') {
          expectSoundDataset(dataset, specs.length);
          expect(new Set(dataset.events.map((event) => event.position))).toEqual(
            expectedEvents(specs),
          );
        } else {
          expectSoundDataset(dataset, dataset.recordCount);
          if (report.recordsPath === 'features[]') expect(dataset.recordCount).toBe(specs.length);
        }
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it('CSV files with hostile cells: rows in the file = shown + reported, each row once', () => {
    fc.assert(
      fc.property(csvFile, (file) => {
        const text = buildCsv(file);
        const mapping = {
          ...emptyMapping(),
          date: 'date',
          latitude: 'latitude',
          longitude: 'longitude',
          title: 'title',
          summary: 'summary',
          id: 'id',
          link: 'url',
        };
        const outcome = expectOnlyDatasetError(() =>
          importDataset(
            [{ name: 'rows.csv', bytes: encoder.encode(text) }],
            { mapping, dayOrder: 'day-first' },
            { sourceUrl: null },
          ),
        ) as ImportOutcome | DatasetError;
        if (outcome instanceof DatasetError) return fail(`refused: ${outcome.message}`);
        if (outcome.kind !== 'dataset') return fail('asked for columns it was given');
        expectSoundDataset(outcome.dataset, file.rows.length, { csv: true });
        const shown = new Set(outcome.dataset.events.map((event) => event.position));
        file.rows.forEach((row, position) => {
          const titled = row.title.trim() !== '' || row.summary.trim() !== '';
          const valid = row.date.ok && row.latitude.ok && row.longitude.ok && titled;
          if (shown.has(position) !== valid)
            fail(`row ${position} ${valid ? 'should be shown' : 'should be reported'}`);
        });
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it('CSV files with hostile cells, columns guessed: only a DatasetError, and sound', () => {
    fc.assert(
      fc.property(csvFile, (file) => {
        const outcome = expectOnlyDatasetError(() =>
          importDataset([{ name: 'rows.csv', bytes: encoder.encode(buildCsv(file)) }], null, {
            sourceUrl: 'https://example.org/rows.csv',
          }),
        ) as ImportOutcome | DatasetError;
        if (!(outcome instanceof DatasetError) && outcome.kind === 'dataset')
          expectSoundDataset(outcome.dataset, file.rows.length, { csv: true });
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it('source links: the validator keeps exactly the absolute http(s) ones without credentials', () => {
    const anyUrl = fc.oneof(
      hostileUrl,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl({ authoritySettings: { withUserInfo: true } }),
      fc
        .tuple(
          fc.constantFrom(' ', '\t', '\n', '\u0000', '\u001f', '\u00a0', '\ufeff', ''),
          fc.constantFrom(
            'javascript',
            'JAVASCRIPT',
            'data',
            'http',
            'https',
            'HTTPS',
            'file',
            'blob',
          ),
          fc.constantFrom(':', '://', ':/', ':\\\\', '://user:pw@'),
          fc.string({ unit: 'binary', maxLength: 20 }),
        )
        .map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(anyUrl, (url) => {
        const dataset = validateFeatureCollection({
          type: 'FeatureCollection',
          features: [goodFeature({}, { sources: [{ publisher: 'P', url }] })],
        });
        const trimmed = url.trim();
        const parsed = URL.canParse(trimmed) ? new URL(trimmed) : null;
        const allowed =
          parsed !== null &&
          (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
          parsed.username === '' &&
          parsed.password === '';
        if (trimmed === '') {
          expect(dataset.events[0]?.sources[0]?.url).toBeNull();
        } else if (allowed) {
          expect(dataset.events[0]?.sources[0]?.url).toBe(trimmed);
        } else {
          expect(dataset.events).toEqual([]);
          expect(dataset.issues[0]?.field).toBe('properties.sources[0].url');
        }
        expect(isHttpUrl(trimmed)).toBe(allowed);
        // What a browser would open: an http(s) address, never a script or a document in the link.
        if (allowed) expect(new URL(trimmed).href).toMatch(/^https?:\/\/[^/@]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('long unbroken cells cost linear time, not quadratic, and are not quoted whole', () => {
    const size = 20_000;
    const longCells = [
      `${'1'.repeat(size)}x`,
      `-${'9'.repeat(size)}.`,
      `http://a${'.'.repeat(size)}b`,
      `http://a${','.repeat(size)}b`,
      `http://a${')'.repeat(size)}`,
      `2024-13-01${' '.repeat(size)}10:00`,
      `2024-10-08${' '.repeat(size)}25:00`,
      `1${'-'.repeat(size)}Foo-2024`,
      `Foo${' '.repeat(size)}1, 2024`,
      'a'.repeat(size),
      ' '.repeat(size),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...longCells),
        fc.constantFrom('date', 'latitude', 'longitude', 'title', 'url'),
        fc.boolean(),
        (long, column, chosen) => {
          const cells: Record<string, string> = {
            date: '2024-10-08',
            latitude: '1',
            longitude: '2',
            title: 'T',
            url: '',
          };
          cells[column] = long;
          const header = Object.keys(cells).join(',');
          const row = Object.values(cells)
            .map((cell) => csvCell(cell, ','))
            .join(',');
          const bytes = encoder.encode(`${header}\n${row}\n`);
          const started = performance.now();
          const outcome = expectOnlyDatasetError(() =>
            importDataset(
              [{ name: 'long.csv', bytes }],
              chosen
                ? {
                    mapping: {
                      ...emptyMapping(),
                      date: 'date',
                      latitude: 'latitude',
                      longitude: 'longitude',
                      title: 'title',
                      link: 'url',
                    },
                    dayOrder: 'day-first',
                  }
                : null,
              { sourceUrl: null },
            ),
          ) as ImportOutcome | DatasetError;
          const elapsed = performance.now() - started;
          if (!(outcome instanceof DatasetError) && outcome.kind === 'dataset')
            expectSoundDataset(outcome.dataset, 1, { csv: true });
          if (outcome instanceof DatasetError) expect(outcome.message.length).toBeLessThan(1000);
          // Linear work on 20 000 characters takes a few milliseconds; quadratic takes seconds.
          expect(elapsed).toBeLessThan(1000);
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written corpus

describe('hostile data: corpus', () => {
  it.each([
    ['empty text', ''],
    ['whitespace', ' \n\t'],
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"FeatureCollection"'],
    ['an array', '[]'],
    ['an empty object', '{}'],
    ['a wrong type', '{"type":"Feature"}'],
    ['a type that is not text', '{"type":["FeatureCollection"],"features":[]}'],
    ['no features', '{"type":"FeatureCollection"}'],
    ['features that are not a list', '{"type":"FeatureCollection","features":{"0":{}}}'],
    ['features as text', '{"type":"FeatureCollection","features":"[]"}'],
    ['type only through __proto__', '{"__proto__":{"type":"FeatureCollection","features":[]}}'],
    ['features only through __proto__', '{"type":"FeatureCollection","__proto__":{"features":[]}}'],
    ['type only through constructor', '{"constructor":{"type":"FeatureCollection"}}'],
    ['an HTML page', '<!doctype html><title>404</title>'],
    ['truncated JSON', '{"type":"FeatureCollection","features":[{"type":'],
    ['NaN', '{"type":"FeatureCollection","features":[NaN]}'],
    ['a long type', `{"type":"${'x'.repeat(5_000_000)}"}`],
  ])('a file that is no dataset (%s) is a DatasetError, nothing else', (_, text) => {
    expect(() => parseDatasetText(text)).toThrow(DatasetError);
    const outcome = importText(text);
    if (!(outcome instanceof DatasetError)) {
      // importDataset may still find rows in it (a CSV): then they must be sound.
      if (outcome.kind === 'dataset')
        expectSoundDataset(outcome.dataset, outcome.dataset.recordCount);
    }
    expectNoPollution();
  });

  it('an empty FeatureCollection is an empty dataset', () => {
    const dataset = loadBoth('{"type":"FeatureCollection","features":[]}');
    expect(dataset.events).toEqual([]);
    expect(dataset.metadata.title).toBe('Untitled dataset');
  });

  it('__proto__, constructor and prototype members everywhere, as JSON.parse makes them', () => {
    const poison = '{"polluted":"yes","title":"from the prototype","toString":"x"}';
    const text =
      `{"__proto__":${poison},"constructor":{"prototype":${poison}},"type":"FeatureCollection",` +
      `"metadata":{"__proto__":${poison},"title":"T"},"features":[` +
      // The record's own fields sit on __proto__ only: it must be reported, not read through.
      `{"type":"Feature","__proto__":{"properties":{"title":"x","date":"2024","sources":[{"publisher":"p"}]},"geometry":{"type":"Point","coordinates":[1,2]}}},` +
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"__proto__":{"title":"x","date":"2024","sources":[{"publisher":"p"}]}}},` +
      `{"type":"Feature","geometry":{"__proto__":{"type":"Point","coordinates":[1,2]}},"properties":{"title":"x","date":"2024","sources":[{"publisher":"p"}]}},` +
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"x","date":"2024","sources":[{"__proto__":{"publisher":"p"}}]}},` +
      `{"type":"Feature","id":"good","constructor":{"prototype":${poison}},"prototype":${poison},"geometry":{"type":"Point","coordinates":[1,2],"__proto__":${poison}},` +
      `"properties":{"__proto__":${poison},"constructor":${poison},"prototype":${poison},"title":"Kept","date":"2024-10-08",` +
      `"tags":["__proto__","constructor"],"related":["__proto__"],"sources":[{"__proto__":${poison},"constructor":{"prototype":${poison}},"publisher":"P","url":"https://example.org/"}]}}` +
      `]}`;
    const dataset = loadBoth(text);
    expect(dataset.events.map((event) => [event.id, event.title, event.tags])).toEqual([
      ['good', 'Kept', ['__proto__', 'constructor']],
    ]);
    expect(dataset.issues.map((issue) => [issue.position, issue.field])).toEqual([
      [0, 'properties'],
      [1, 'properties.title'],
      [2, 'geometry.type'],
      [3, 'properties.sources[0].publisher'],
    ]);
    expect(dataset.metadata.title).toBe('T');
    expectNoPollution();
  });

  it('ids named like Object members are ordinary ids, in every look-up', () => {
    const ids = ['constructor', 'tostring', 'hasownproperty', 'valueof', 'proto', 'prototype'];
    const text = collectionText([
      ...ids.map((id) => goodFeature({ id })),
      goodFeature({ id: 'constructor' }),
      goodFeature({ id: '__proto__' }),
      goodFeature({ id: 'toString' }),
      goodFeature({ id: 'hasOwnProperty' }),
    ]);
    const dataset = loadBoth(text);
    expect(dataset.events.map((event) => event.id).sort()).toEqual([...ids].sort());
    expect(dataset.issues.map((issue) => [issue.position, issue.id, issue.field])).toEqual([
      [6, 'constructor', 'id'],
      [7, '__proto__', 'id'],
      [8, 'toString', 'id'],
      [9, 'hasOwnProperty', 'id'],
    ]);
    expect(dataset.issues[0]?.reason).toBe('duplicate id: record 1 already uses "constructor"');
    const byId = indexById(dataset.events);
    expect(byId.get('__proto__')).toBeUndefined();
    expect(byId.get('constructor')).toBe(
      dataset.events.findIndex((event) => event.id === 'constructor'),
    );
    // Derived ids are slugs of the title: these titles derive ordinary ids too.
    for (const title of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const id = deriveEventId({
        title,
        date: parseDatasetText(collectionText([goodFeature()])).events[0]?.date ?? fail('date'),
        longitude: 0,
        latitude: 0,
      });
      expect(id).toMatch(ID_PATTERN);
    }
  });

  it('duplicate ids: the first record keeps it, each later one is reported, numbers and text alike', () => {
    const dataset = loadBoth(
      collectionText([
        goodFeature({ id: 'same' }, { title: 'First' }),
        goodFeature({ id: 'same' }, { title: 'Second' }),
        goodFeature({ id: 0 }, { title: 'Zero' }),
        goodFeature({ id: '0' }, { title: 'Zero again' }),
        goodFeature({ id: 'same' }, { title: 'Third' }),
        goodFeature({ id: 'same', geometry: null }, { title: 'Broken' }),
      ]),
    );
    expect(dataset.events.map((event) => [event.id, event.title])).toEqual([
      ['0', 'Zero'],
      ['same', 'First'],
    ]);
    expect(dataset.issues.map((issue) => [issue.position, issue.field, issue.reason])).toEqual([
      [1, 'id', 'duplicate id: record 1 already uses "same"'],
      [3, 'id', 'duplicate id: record 3 already uses "0"'],
      [4, 'id', 'duplicate id: record 1 already uses "same"'],
      [5, 'geometry', 'the record has no location (geometry is missing)'],
    ]);
  });

  it('a 5 MB title is reported as too long, never kept, and the load does not crash', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    // Just over the limit is enough for every other field (and keeps the file small).
    const over = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const text = collectionText([
      goodFeature({}, { title: huge }),
      goodFeature({}, { summary: over }),
      goodFeature({}, { place: over }),
      goodFeature({}, { category: over }),
      goodFeature({}, { tags: ['ok', over] }),
      goodFeature({}, { related: [over] }),
      goodFeature({}, { sources: [{ publisher: over }] }),
      goodFeature({}, { sources: [{ publisher: 'P', quote: over }] }),
      goodFeature({}, { sources: [{ publisher: 'P', url: `https://example.org/${over}` }] }),
      goodFeature({}, { date: over }),
      goodFeature({ id: over }),
      goodFeature({ id: 'x' }, { title: `  ${'y'.repeat(MAX_TEXT_LENGTH)}  ` }),
      goodFeature({ id: 'kept' }),
    ]);
    const dataset = loadBoth(text);
    expect(dataset.events.map((event) => event.id)).toEqual(['kept', 'x']);
    expect(dataset.issues.map((issue) => [issue.position, issue.field])).toEqual([
      [0, 'properties.title'],
      [1, 'properties.summary'],
      [2, 'properties.place'],
      [3, 'properties.category'],
      [4, 'properties.tags[1]'],
      [5, 'properties.related[0]'],
      [6, 'properties.sources[0].publisher'],
      [7, 'properties.sources[0].quote'],
      [8, 'properties.sources[0].url'],
      [9, 'properties.date'],
      [10, 'id'],
    ]);
    expect(dataset.issues[0]?.reason).toBe('title is longer than 100000 characters');
    // Nothing of the 5 MB reaches what the page renders.
    expect(JSON.stringify(dataset).length).toBeLessThan(2 * MAX_TEXT_LENGTH);
  }, 30_000);

  it('a 5 MB title, a long id or metadata in a foreign JSON or CSV file is not kept either', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const over = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const csv = `date,lat,lon,title,id\n2024-10-08,1,2,${huge},a\n2024-10-08,1,2,T,${over}\n`;
    for (const [name, text] of [
      ['huge.csv', csv],
      [
        'huge.json',
        JSON.stringify([
          { date: '2024-10-08', lat: 1, lon: 2, title: huge, id: 'a' },
          { date: '2024-10-08', lat: 1, lon: 2, title: 'T', id: over },
        ]),
      ],
    ] as const) {
      const outcome = importText(text, name);
      if (outcome instanceof DatasetError || outcome.kind !== 'dataset')
        return fail(`not imported: ${name}`);
      expectSoundDataset(outcome.dataset, 2, { csv: name.endsWith('.csv') });
      expect(outcome.dataset.issues.map((issue) => issue.position)).toEqual([0]);
      // The long id is no id: the row keeps its place with one derived from its content.
      expect(outcome.dataset.events[0]?.idDerived).toBe(true);
      expect(JSON.stringify(outcome.dataset).length).toBeLessThan(2 * MAX_TEXT_LENGTH);
      // Nor does it reach the column dialog's preview of the first rows.
      expect(JSON.stringify(outcome.report).length).toBeLessThan(2 * MAX_TEXT_LENGTH);
    }
    const metadata = loadBoth(
      `{"type":"FeatureCollection","metadata":{"title":"${huge}","description":"${over}"},"features":[]}`,
    ).metadata;
    expect(metadata.title).toBe('Untitled dataset');
    expect(metadata.description).toBe('');
  }, 30_000);

  it('a record id of any length stays a link the URL can carry', () => {
    // A 99 999-character one-word title is within the text limit; its derived id must still fit.
    const title = 'w'.repeat(MAX_TEXT_LENGTH - 1);
    const dataset = loadBoth(collectionText([goodFeature({}, { title })]));
    const [event] = dataset.events;
    expect(event?.title).toBe(title);
    expect(event?.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(event?.id).toMatch(/^w+-[0-9a-z]{7}$/);
    const atLimit = 'a'.repeat(MAX_ID_LENGTH);
    expect(loadBoth(collectionText([goodFeature({ id: atLimit })])).events[0]?.id).toBe(atLimit);
    const tooLong = loadBoth(collectionText([goodFeature({ id: `${atLimit}b` })]));
    expect(tooLong.issues[0]?.reason).toBe(
      `ids may be at most ${MAX_ID_LENGTH} characters long, got ${MAX_ID_LENGTH + 1}`,
    );
  });

  it('10 000 levels of nesting anywhere in a record: reported or ignored, no stack overflow', () => {
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const deep of [deepArray, deepObject]) {
      const features = [
        `{"type":"Feature","id":"ignored","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}],"extra":${deep}}}`,
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}],"locationPrecision":${deep}}}`,
        `{"type":"Feature","geometry":{"type":${deep},"coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}]}}`,
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[${deep},2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}]}}`,
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":${deep},"date":${deep},"sources":[{"publisher":"P"}]}}`,
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P","url":${deep},"published":${deep}}]}}`,
        `{"type":"Feature","id":${deep},"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":${deep}}}`,
        deep,
      ];
      const text = collectionText(features, `"metadata":{"title":${deep}},`);
      const dataset = loadBoth(text);
      expect(dataset.events.map((event) => event.id)).toEqual(['ignored']);
      expect(dataset.issues.map((issue) => issue.field)).toEqual([
        'properties.locationPrecision',
        'geometry.type',
        'geometry.coordinates',
        'properties.title',
        'properties.sources[0].url',
        'id',
        deep === deepArray ? '' : 'type',
      ]);
      // The same nesting in files that are not in our contract: a table of rows, a foreign GeoJSON.
      const rows = [1, 2, 3].map(
        (day) => `{"date":"2024-10-0${day}","lat":1,"lon":2,"title":"T${day}","extra":${deep}}`,
      );
      const table = importText(`[${rows.join(',')}]`, 'rows.json');
      if (table instanceof DatasetError || table.kind !== 'dataset') return fail('rows not read');
      expectSoundDataset(table.dataset, 3);
      expect(table.dataset.events).toHaveLength(3);
      const foreign = importText(
        collectionText(
          [1, 2, 3].map(
            (day) =>
              `{"type":"Feature","id":${day},"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"time":"2024-10-0${day}","name":"Q${day}","deep":${deep}}}`,
          ),
        ),
        'foreign.geojson',
      );
      if (foreign instanceof DatasetError || foreign.kind !== 'dataset')
        return fail('foreign GeoJSON not read');
      expect(foreign.dataset.events).toHaveLength(3);
      expect(importText(deep, 'deep.json')).toBeInstanceOf(DatasetError);
    }
  });

  it('a GeoJSON FeatureCollection from another tool, without ids, is read rather than refused', () => {
    // Such features have one plain value of their own ("type"): their records are in properties.
    const text = collectionText(
      [1, 2, 3].map((day) => ({
        type: 'Feature',
        geometry: point(day, day),
        properties: { time: `2024-10-0${day}`, name: `Quake ${day}`, mag: day },
      })),
    );
    const outcome = importText(text, 'quakes.geojson');
    if (outcome instanceof DatasetError) return fail(outcome.message);
    expect(outcome.report.format).toBe('geojson');
    expect(outcome.report.recordsPath).toBe('features[]');
    if (outcome.kind !== 'dataset') return fail('asked for columns');
    expectSoundDataset(outcome.dataset, 3);
    expect(outcome.dataset.events.map((event) => event.title)).toEqual([
      'Quake 1',
      'Quake 2',
      'Quake 3',
    ]);
  });

  it('numbers JSON cannot write as such: 1e400 (Infinity), -0, huge and tiny ones', () => {
    const at = (coordinates: string) =>
      `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}]}}`;
    const cases: [string, string | null][] = [
      ['[1e400,0]', 'longitude must be a number, got Infinity'],
      ['[0,-1e400]', 'latitude must be a number, got -Infinity'],
      ['[1e308,0]', 'longitude 1e+308 is outside −180…180'],
      ['[0,91]', 'latitude 91 is outside −90…90'],
      ['[181,0]', 'longitude 181 is outside −180…180'],
      ['[0,-90.0000001]', 'latitude -90.0000001 is outside −90…90'],
      ['[-180.0000001,0]', 'longitude -180.0000001 is outside −180…180'],
      ['["126.9",37.5]', 'longitude must be a number, got a string'],
      ['[126.9,"37.5"]', 'latitude must be a number, got a string'],
      ['[null,0]', 'longitude must be a number, got null'],
      ['[1]', 'expected [longitude, latitude]'],
      ['[]', 'expected [longitude, latitude]'],
      ['"1,2"', 'expected [longitude, latitude]'],
      ['{"0":1,"1":2,"length":2}', 'expected [longitude, latitude]'],
      ['[-0,-0]', null],
      ['[180,90]', null],
      ['[-180,-90]', null],
      ['[1e-320,5e-324]', null],
      ['[1,2,3]', null],
      ['[1,2,3,4,"altitude as text"]', null],
    ];
    const dataset = loadBoth(collectionText(cases.map(([coordinates]) => at(coordinates))));
    cases.forEach(([coordinates, reason], position) => {
      const issue = dataset.issues.find((found) => found.position === position);
      if (reason === null) {
        expect(issue, coordinates).toBeUndefined();
      } else {
        expect(issue, coordinates).toMatchObject({ field: 'geometry.coordinates', reason });
      }
    });
    const negativeZero = dataset.events.find((event) => event.position === 14);
    expect(Object.is(negativeZero?.longitude, -0)).toBe(true);
    // Ids: -0 and 0 are the id "0"; huge and fractional numbers are no ids.
    const ids = loadBoth(
      collectionText([
        goodFeature({ id: -0 }),
        `{"type":"Feature","id":1e400,"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"T","date":"2024","sources":[{"publisher":"P"}]}}`,
        goodFeature({ id: 2 ** 53 }),
        goodFeature({ id: 0.5 }),
      ]),
    );
    expect(ids.events.map((event) => event.id)).toEqual(['0']);
    expect(ids.issues.map((issue) => [issue.position, issue.field, issue.reason])).toEqual([
      [1, 'id', 'expected a text id, got Infinity'],
      [2, 'id', 'expected a text id, got a number'],
      [3, 'id', 'expected a text id, got a number'],
    ]);
  });

  it('hostile source links are reported, and only absolute http(s) links are kept', () => {
    const allowed = [
      'https://example.org/a',
      'http://example.org',
      'HTTPS://EXAMPLE.ORG/A',
      ' https://example.org/padded ',
      'https:example.org',
      'http://[::1]:8080/x',
      'https://例え.jp/パス',
    ];
    const text = collectionText([
      ...HOSTILE_URLS.map((url) => goodFeature({}, { sources: [{ publisher: 'P', url }] })),
      ...allowed.map((url) => goodFeature({}, { sources: [{ publisher: 'P', url }] })),
    ]);
    const dataset = loadBoth(text);
    expect(dataset.issues.map((issue) => issue.position)).toEqual(HOSTILE_URLS.map((_, i) => i));
    for (const issue of dataset.issues) {
      expect(issue.field).toBe('properties.sources[0].url');
      expect(issue.reason).toMatch(
        /^(only http\(s\) links are allowed|links may not hold a user name or password), got "/,
      );
    }
    expect(dataset.events.map((event) => event.sources[0]?.url).sort()).toEqual(
      allowed.map((url) => url.trim()).sort(),
    );
    for (const url of HOSTILE_URLS) expect(isHttpUrl(url), url).toBe(false);
  });

  it('strings where numbers belong, and numbers where text belongs', () => {
    const dataset = loadBoth(
      collectionText([
        goodFeature({}, { title: 42 }),
        goodFeature({}, { title: ['A title'] }),
        goodFeature({}, { date: 20241008 }),
        goodFeature({}, { date: ['2024-10-08'] }),
        goodFeature({}, { summary: {} }),
        goodFeature({}, { country: 410 }),
        goodFeature({}, { tags: 'one,two' }),
        goodFeature({}, { sources: { publisher: 'P' } }),
        goodFeature({}, { sources: ['https://example.org'] }),
        goodFeature({ type: 'feature' }),
        goodFeature({ properties: [] }),
        goodFeature({ geometry: '126.9,37.5' }),
        goodFeature({ id: true }),
      ]),
    );
    expect(dataset.events).toEqual([]);
    expect(dataset.issues.map((issue) => [issue.field, issue.reason])).toEqual([
      ['properties.title', 'expected text, got a number'],
      ['properties.title', 'expected text, got an array'],
      ['properties.date', 'expected an EDTF date string, got a number'],
      ['properties.date', 'expected an EDTF date string, got an array'],
      ['properties.summary', 'expected text, got an object'],
      ['properties.country', 'expected text, got a number'],
      ['properties.tags', 'expected a list of text, got a string'],
      ['properties.sources', 'expected a list of sources, got an object'],
      ['properties.sources[0]', 'expected a source object, got a string'],
      ['type', 'expected "type": "Feature"'],
      ['properties', 'expected an object of properties, got an array'],
      ['geometry', 'expected a GeoJSON Point, got a string'],
      ['id', 'expected a text id, got a true or false value'],
    ]);
  });

  it('CSV: formula cells, quotes, stray line breaks and prototype column names', () => {
    const text =
      '"__proto__",date,lat,lon,title,constructor,url\r\n' +
      'x,2024-10-08,1,2,"=HYPERLINK(""http://evil.example"")",y,javascript:alert(1)\r\n' +
      'x,2024-10-08,1,2,"multi\nline\ntitle",y,http://user:pass@evil.example/\r\n' +
      'x,2024-10-08,91,2,bad latitude,y,\r\n' +
      'x,2024-10-08,1,2,<script>alert(1)</script>,y,//evil.example\r\n' +
      'x,,1,2,no date,y,https://ok.example/a\r\n';
    const outcome = importText(text, 'hostile.csv');
    if (outcome instanceof DatasetError) return fail(outcome.message);
    const result =
      outcome.kind === 'dataset'
        ? outcome
        : importDataset(
            [{ name: 'hostile.csv', bytes: encoder.encode(text) }],
            { mapping: outcome.proposal.mapping, dayOrder: 'day-first' },
            { sourceUrl: null },
          );
    if (result.kind !== 'dataset') return fail('asked again');
    expectSoundDataset(result.dataset, 5, { csv: true });
    expect(result.dataset.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [6, 'lat'],
      [8, 'date'],
    ]);
    for (const event of result.dataset.events)
      for (const source of event.sources) expect(source.url ?? 'https:').toMatch(/^https:/);
    expectNoPollution();
  });
});
