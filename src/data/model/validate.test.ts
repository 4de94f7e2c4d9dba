import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { DatasetError } from './dataset-error.ts';
import { FeatureChecker } from './feature-checker.ts';
import { parseDatasetText, validateFeatureCollection } from './validate.ts';
import { formatEventDate } from './date-label.ts';
import { koreanTitle } from '../../testing/korean-titles.ts';

function validate(features: unknown[]) {
  return validateFeatureCollection(makeFeatureCollection(features));
}

function onlyIssue(features: unknown[]) {
  const dataset = validate(features);
  expect(dataset.issues).toHaveLength(1);
  const [issue] = dataset.issues;
  if (!issue) throw new Error('no issue');
  return issue;
}

describe('validating a FeatureCollection', () => {
  it('keeps good records, typed, and sorts them by start, end, id', () => {
    const dataset = validate([
      makeFeature({ id: 'b-day', properties: { date: '2024-06-15' } }),
      makeFeature({ id: 'a-month', properties: { date: '2024-06' } }),
      makeFeature({ id: 'c-day', properties: { date: '2024-06-01' } }),
      makeFeature({ id: 'a-day', properties: { date: '2024-06-01' } }),
    ]);
    expect(dataset.issues).toEqual([]);
    expect(dataset.events.map((event) => event.id)).toEqual(['a-day', 'c-day', 'a-month', 'b-day']);
    const first = dataset.events[0];
    expect(first?.longitude).toBe(126.977);
    expect(first?.latitude).toBe(37.538);
    expect(first?.sources[0]?.url).toBe('https://example.org/a');
    expect(dataset.metadata.title).toBe('Test dataset');
    expect(dataset.recordCount).toBe(4);
  });

  it('reports a repeated id on the later record, naming the record that used it first', () => {
    const issue = onlyIssue([
      makeFeature({ id: 'same' }),
      makeFeature({ id: 'other' }),
      makeFeature({ id: 'same' }),
    ]);
    expect(issue).toMatchObject({
      position: 2,
      id: 'same',
      field: 'id',
      reason: 'duplicate id: record 1 already uses "same"',
    });
  });

  it.each([
    [[200, 10], 'longitude 200 is outside'],
    [[10, -91], 'latitude -91 is outside'],
    [['126.9', 37.5], 'longitude must be a number'],
    [[126.9], 'expected [longitude, latitude]'],
    [null, 'expected [longitude, latitude]'],
  ])('reports bad coordinates %j', (coordinates, reason) => {
    const issue = onlyIssue([makeFeature({ id: 'bad-place', coordinates })]);
    expect(issue.field).toBe('geometry.coordinates');
    expect(issue.id).toBe('bad-place');
    expect(issue.reason).toContain(reason);
  });

  it('reports a record without geometry, or with a non-Point geometry', () => {
    const noGeometry = { ...makeFeature({ id: 'nowhere' }), geometry: null };
    expect(onlyIssue([noGeometry]).reason).toContain('no location');
    const line = {
      ...makeFeature({ id: 'line' }),
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    };
    expect(onlyIssue([line])).toMatchObject({
      field: 'geometry.type',
      reason: expect.stringContaining('only Point'),
    });
  });

  it('reports unparseable and missing dates', () => {
    expect(onlyIssue([makeFeature({ properties: { date: '8 October' } })])).toMatchObject({
      field: 'properties.date',
      reason: expect.stringContaining('not an EDTF date'),
    });
    expect(onlyIssue([makeFeature({ properties: { date: undefined } })]).reason).toBe(
      'the date is missing',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/x',
    '/relative/path',
  ])('refuses the source URL %j', (url) => {
    const issue = onlyIssue([makeFeature({ properties: { sources: [{ publisher: 'X', url }] } })]);
    expect(issue.field).toBe('properties.sources[0].url');
    expect(issue.reason).toContain('only http(s) links');
  });

  it('reports missing titles, sources, publishers and malformed ids', () => {
    expect(onlyIssue([makeFeature({ properties: { title: '  ' } })])).toMatchObject({
      field: 'properties.title',
      reason: 'title is empty',
    });
    expect(onlyIssue([makeFeature({ properties: { sources: [] } })]).reason).toBe(
      'at least one source is required',
    );
    expect(
      onlyIssue([makeFeature({ properties: { sources: [{ url: 'https://a.org' }] } })]).field,
    ).toBe('properties.sources[0].publisher');
    expect(onlyIssue([makeFeature({ id: 'Has Spaces' })]).field).toBe('id');
    expect(onlyIssue([makeFeature({ properties: { locationPrecision: 'street' } })]).field).toBe(
      'properties.locationPrecision',
    );
    expect(onlyIssue([makeFeature({ properties: { country: 'Korea' } })]).field).toBe(
      'properties.country',
    );
    expect(onlyIssue([makeFeature({ properties: { tags: 'one,two' } })]).field).toBe(
      'properties.tags',
    );
  });

  it('derives a stable id for a record without one', () => {
    const withoutId = makeFeature({
      id: undefined,
      properties: { title: 'Cruise missiles tested near Sinpo', date: '2024-01' },
    });
    const [event] = validate([withoutId]).events;
    expect(event?.idDerived).toBe(true);
    expect(event?.id).toMatch(/^cruise-missiles-tested-near-sinpo-[a-z0-9]{7}$/);
    const again = validate([makeFeature({ id: 'other' }), withoutId]).events.find(
      (e) => e.idDerived,
    );
    expect(again?.id).toBe(event?.id);
  });

  it('throws a DatasetError, with a clear message, for a file that is not a FeatureCollection', () => {
    expect(() => parseDatasetText('<html>Not found</html>')).toThrow(/not valid JSON.*HTML page/);
    expect(() => parseDatasetText('{"type":"Feature"}')).toThrow(DatasetError);
    expect(() => parseDatasetText('[]')).toThrow(/got|holds an array/);
    expect(() => parseDatasetText('{"type":"FeatureCollection"}')).toThrow(/no "features"/);
    expect(() => parseDatasetText('null')).toThrow(DatasetError);
  });

  it('never reads inherited keys such as __proto__ or constructor', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"x","__proto__":{"properties":{"title":"evil"}},"geometry":{"type":"Point","coordinates":[1,2]}}]}';
    const dataset = parseDatasetText(text);
    expect(dataset.issues[0]?.field).toBe('properties');
    expect(({} as Record<string, unknown>).properties).toBeUndefined();
  });

  it('never throws on arbitrary JSON, and shown + reported always equals the records (property)', () => {
    const anyFeature = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          type: fc.constantFrom('Feature', 'feature', 'Point'),
          id: fc.oneof(
            fc.constantFrom('a', 'b', 'a-b', 'Bad Id'),
            fc.integer(),
            fc.constant(undefined),
          ),
          geometry: fc.oneof(
            fc.record({
              type: fc.constant('Point'),
              coordinates: fc.array(fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 })), {
                maxLength: 3,
              }),
            }),
            fc.jsonValue(),
          ),
          properties: fc.oneof(
            fc.record(
              {
                title: fc.oneof(fc.string(), fc.jsonValue()),
                date: fc.oneof(
                  fc.constantFrom('2024-10-08', '2024-06', '2024-09~', '2024/2025', 'nope'),
                  fc.string(),
                  fc.jsonValue(),
                ),
                sources: fc.oneof(
                  fc.array(
                    fc.record({
                      publisher: fc.oneof(fc.string(), fc.jsonValue()),
                      url: fc.oneof(fc.webUrl(), fc.string(), fc.jsonValue()),
                    }),
                    { maxLength: 2 },
                  ),
                  fc.jsonValue(),
                ),
                tags: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue()),
              },
              { requiredKeys: [] },
            ),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(anyFeature, { maxLength: 12 }), (features) => {
        const dataset = validate(features);
        expect(dataset.events.length + dataset.issues.length).toBe(features.length);
        expect(new Set(dataset.events.map((event) => event.id)).size).toBe(dataset.events.length);
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          validateFeatureCollection(json);
        } catch (error) {
          expect(error).toBeInstanceOf(DatasetError);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('labels every date of a valid record', () => {
    const dataset = validate([makeFeature({ properties: { date: '2024-09~' } })]);
    const event = dataset.events[0];
    expect(event && formatEventDate(event.date)).toBe('c. Sept 2024');
  });
});

describe('derived ids', () => {
  it('never take an id that a record gives, even a later one', () => {
    const withoutId = makeFeature({ id: undefined, properties: { title: 'No id of its own' } });
    const derived = validate([withoutId]).events[0]?.id ?? '';
    expect(derived).not.toBe('');
    const givesThatId = makeFeature({ id: derived, properties: { title: 'Gives it' } });
    const { events, issues } = validate([withoutId, givesThatId]);
    expect(issues).toEqual([]);
    expect(events.find((event) => event.title === 'Gives it')?.id).toBe(derived);
    expect(events.find((event) => event.title === 'No id of its own')?.id).toBe(`${derived}-2`);
  });

  it('leave issues in file order, a repeated id among other problems', () => {
    const { issues } = validate([
      makeFeature({ id: 'same' }),
      makeFeature({ id: 'bad-date', properties: { date: 'yesterday' } }),
      makeFeature({ id: 'same' }),
      makeFeature({ id: 'bad-place', coordinates: [200, 0] }),
    ]);
    expect(issues.map((issue) => [issue.position, issue.id, issue.field])).toEqual([
      [1, 'bad-date', 'properties.date'],
      [2, 'same', 'id'],
      [3, 'bad-place', 'geometry.coordinates'],
    ]);
  });

  it('do not change when records are reordered or others are added (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc
            .oneof(fc.string({ minLength: 1, maxLength: 30 }), koreanTitle)
            .filter((title) => title.trim() !== ''),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (titles, seed) => {
          const features = titles.map((title, index) =>
            makeFeature({
              id: undefined,
              coordinates: [index, index / 2],
              properties: { title, date: `20${10 + (index % 15)}` },
            }),
          );
          const idsByTitle = (events: { title: string; id: string }[]) =>
            Object.fromEntries(events.map((event) => [event.title, event.id]));
          const before = idsByTitle(validate(features).events);
          const shuffled = [...features].sort(
            (a, b) =>
              ((JSON.stringify(a).length * seed) % 7) - ((JSON.stringify(b).length * seed) % 7),
          );
          const extra = makeFeature({
            id: undefined,
            properties: { title: 'An added record', date: '2001' },
          });
          const after = idsByTitle(validate([extra, ...shuffled.reverse()]).events);
          for (const [title, id] of Object.entries(before))
            expect(after[title.trim()] ?? after[title]).toBe(id);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('FeatureChecker handing records over while a file downloads', () => {
  const collection = () => makeFeatureCollection([]) as unknown as Record<string, unknown>;

  it('settles the order and ids of records it handed over, keeping none of their text', () => {
    const checker = new FeatureChecker();
    checker.add([
      makeFeature({ id: 'later', properties: { date: '2024-10-08' } }),
      makeFeature({ id: undefined, properties: { title: 'No id', date: '2024-06' } }),
    ]);
    const first = checker.takeNew();
    checker.add([makeFeature({ id: 'earliest', properties: { date: '2023' } })]);
    const { dataset, order } = checker.settle(collection());
    const last = checker.takeNew();
    expect([...first, ...last].map((event) => event.position)).toEqual([0, 1, 2]);
    // Chronological: 2023, June 2024, 8 Oct 2024; the record without an id got one derived.
    expect(order.map((record) => record.position)).toEqual([2, 1, 0]);
    expect(order[1]?.idDerived).toBe(true);
    expect(first[1]?.id).toBe(order[1]?.id);
    // Handed over with an id of its own: only what settling needs is kept, not the title.
    expect(Object.keys(order[2] ?? {}).sort()).toEqual(['date', 'id', 'idDerived', 'position']);
    // Not handed over yet when settled: still whole, for takeNew to hand out.
    expect(order[0]).toBe(last[0]);
    expect(dataset.events).toEqual([]);
    expect(dataset.recordCount).toBe(3);
  });

  it('refuses to finish with whole events once it has handed records over', () => {
    const checker = new FeatureChecker();
    checker.add([makeFeature()]);
    checker.takeNew();
    expect(() => checker.finish(collection())).toThrow(/handed over/);
  });
});

describe('metadata of a published site', () => {
  it('keeps well-formed category labels and colours, and only the good part of a bad entry', () => {
    const dataset = validateFeatureCollection({
      type: 'FeatureCollection',
      metadata: {
        title: 'Harbour log',
        categories: {
          fire: { label: 'Fire', colour: '#CC5500' },
          flood: { label: 'Flooding', colour: 'blue' },
          storm: 'Storms',
          quiet: { label: '' },
        },
      },
      features: [makeFeature()],
    });
    expect(dataset.events).toHaveLength(1);
    expect(dataset.metadata.categories).toEqual({
      fire: { label: 'Fire', colour: '#cc5500' },
      flood: { label: 'Flooding' },
    });
  });

  it('lists the rows its build could not read among the Data issues, and counts them', () => {
    const dataset = validateFeatureCollection({
      type: 'FeatureCollection',
      metadata: {
        issues: [
          { position: 1, line: 3, id: null, field: 'latitude', reason: '“north” is not a number' },
          { position: 'two', field: 'date', reason: 'not kept: no position' },
        ],
      },
      features: [makeFeature()],
    });
    expect(dataset.issues).toEqual([
      { position: 1, line: 3, id: null, field: 'latitude', reason: '“north” is not a number' },
    ]);
    expect(dataset.recordCount).toBe(2);
  });
});

describe('reading translations (docs/contracts.md §1)', () => {
  it('reads translations, quote translations and the language of the dataset', () => {
    const dataset = validateFeatureCollection({
      ...makeFeatureCollection([
        makeFeature({
          id: 'sinpo',
          properties: {
            translations: {
              ko: { title: ' 신포 시험 ', summary: '', place: '신포' },
              'PT-br': { summary: 'Testes.' },
              ja: {},
            },
            sources: [
              { publisher: 'Yonhap', quote: 'Tested.', quoteTranslations: { ko: '시험.' } },
            ],
          },
        }),
      ]),
      metadata: { title: 'T', language: 'EN' },
    });
    expect(dataset.issues).toEqual([]);
    const [event] = dataset.events;
    // Tags in their canonical form; empty text and empty languages are left out.
    expect(event?.translations).toEqual({
      ko: { title: '신포 시험', place: '신포' },
      'pt-BR': { summary: 'Testes.' },
    });
    expect(event?.sources[0]?.quoteTranslations).toEqual({ ko: '시험.' });
    expect(dataset.metadata.language).toBe('en');
  });

  it('leaves out a language that is not a tag, in the metadata', () => {
    const dataset = validateFeatureCollection({
      ...makeFeatureCollection([]),
      metadata: { title: 'T', language: 'not a language' },
    });
    expect(dataset.metadata.language).toBeUndefined();
  });

  it.each([
    [['ko'], 'properties.translations', 'expected text by language, like {"ko": …}, got an array'],
    [{ 'not a tag': { title: 'x' } }, 'properties.translations.not a tag', 'is not a language tag'],
    [
      { ko: 'x' },
      'properties.translations.ko',
      'expected {"title", "summary", "place"}, got a string',
    ],
    [{ ko: { title: 5 } }, 'properties.translations.ko.title', 'expected text, got a number'],
    [{ ko: { titel: 'x' } }, 'properties.translations.ko.titel', 'only title, summary and place'],
  ])(
    'shows the event without a malformed translation %j, with a warning',
    (translations, field, reason) => {
      const dataset = validate([
        makeFeature({ id: 'kept', properties: { translations: { ko: { title: '유지' } } } }),
        makeFeature({ id: 'warned', properties: { translations } }),
      ]);
      expect(dataset.events.map((event) => event.id).sort()).toEqual(['kept', 'warned']);
      expect(dataset.issues).toHaveLength(1);
      expect(dataset.issues[0]).toMatchObject({ position: 1, id: 'warned', field, shown: true });
      expect(dataset.issues[0]?.reason).toContain(reason);
      expect(dataset.events.find((event) => event.id === 'warned')?.translations).toBeUndefined();
    },
  );

  it('keeps the good languages of a translation with a bad one', () => {
    const dataset = validate([
      makeFeature({
        id: 'mixed',
        properties: {
          translations: { ko: { title: '좋음' }, xx_1: { title: 'bad' } },
          sources: [{ publisher: 'P', quoteTranslations: { ko: 7, ja: '良い' } }],
        },
      }),
    ]);
    expect(dataset.events[0]?.translations).toEqual({ ko: { title: '좋음' } });
    expect(dataset.events[0]?.sources[0]?.quoteTranslations).toEqual({ ja: '良い' });
    expect(dataset.issues.map((issue) => issue.field)).toEqual([
      'properties.sources[0].quoteTranslations.ko',
      'properties.translations.xx_1',
    ]);
  });

  it('reports no warning for a record left out for another reason', () => {
    const dataset = validate([
      makeFeature({ coordinates: [500, 0], properties: { translations: 3 } }),
    ]);
    expect(dataset.events).toEqual([]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]?.field).toBe('geometry.coordinates');
  });
});
