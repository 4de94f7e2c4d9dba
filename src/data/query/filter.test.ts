import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDay } from '../model/calendar-day.ts';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { NO_FILTER, type EventFilter } from '../model/event-filter.ts';
import {
  buildEventIndex,
  eventPassesFilter,
  filterEvents,
  matchesShownText,
  translationsMatching,
  widenToInclude,
} from './filter.ts';
import { normalizeForSearch } from './search-text.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

function dataset(features: unknown[]) {
  return validateFeatureCollection(makeFeatureCollection(features)).events;
}

function ids(events: { id: string }[]) {
  return events.map((event) => event.id);
}

describe('the date range keeps events whose interval overlaps it, boundaries included', () => {
  const events = dataset([
    makeFeature({ id: 'day', properties: { date: '2024-10-08' } }),
    makeFeature({ id: 'month', properties: { date: '2024-06' } }),
    makeFeature({ id: 'year', properties: { date: '2023' } }),
    makeFeature({ id: 'interval', properties: { date: '2024-10-03/2024-10-04' } }),
  ]);
  const index = buildEventIndex(events);
  const within = (from: string | null, to: string | null) =>
    ids(
      filterEvents(index, {
        ...NO_FILTER,
        from: from === null ? null : day(from),
        to: to === null ? null : day(to),
      }),
    ).sort();

  it.each([
    ['a day, on its own day at either end', '2024-10-08', '2024-10-08', ['day']],
    ['a day, ending the day before', '2024-09-01', '2024-10-07', ['interval']],
    ['a day, starting the day after', '2024-10-09', '2024-12-31', []],
    ['a month, touched on its last day', '2024-06-30', '2024-07-15', ['month']],
    ['a month, touched on its first day', '2024-05-01', '2024-06-01', ['month']],
    ['a month, missed by a day', '2024-07-01', '2024-07-31', []],
    ['a year, touched on 31 December', '2023-12-31', '2024-01-05', ['year']],
    ['a year, touched on 1 January', '2022-06-01', '2023-01-01', ['year']],
    ['an interval, touched on its first day', '2024-09-20', '2024-10-03', ['interval']],
    ['an interval, touched on its last day', '2024-10-04', '2024-10-05', ['interval']],
    ['an interval, missed by a day', '2024-10-05', '2024-10-07', []],
  ])('%s', (_, from, to, expected) => {
    expect(within(from, to)).toEqual([...expected].sort());
  });

  it('leaves either end open when it is not set', () => {
    expect(within('2024-10-04', null)).toEqual(['day', 'interval']);
    expect(within(null, '2023-06-01')).toEqual(['year']);
    expect(within(null, null)).toEqual(['day', 'interval', 'month', 'year']);
  });
});

describe('text and category filters', () => {
  const events = dataset([
    makeFeature({
      id: 'sinpo',
      properties: {
        title: 'Submarine site at Sinp’o',
        place: '신포',
        tags: ['Navy'],
        category: 'military-activity',
      },
    }),
    makeFeature({
      id: 'kyiv',
      properties: {
        title: 'Statement',
        summary: 'Reported by the KYÏV Post',
        category: 'statement',
      },
    }),
    makeFeature({
      id: 'quoted',
      properties: {
        title: 'Plain',
        category: 'strike',
        sources: [{ publisher: 'Yonhap', quote: 'cruise missiles fired' }],
      },
    }),
  ]);
  const index = buildEventIndex(events);
  const search = (query: string, categories: string[] = []) =>
    ids(filterEvents(index, { ...NO_FILTER, query, categories }));

  it('ignores case and diacritics, and finds Korean as typed', () => {
    expect(search('kyiv post')).toEqual(['kyiv']);
    expect(search('SUBMARINE')).toEqual(['sinpo']);
    expect(search('신포')).toEqual(['sinpo']);
    expect(search('navy')).toEqual(['sinpo']);
    expect(search('Cruise')).toEqual(['quoted']);
    expect(search('yonhap cruise')).toEqual(['quoted']);
    expect(search('nothing like this')).toEqual([]);
    expect(normalizeForSearch('Éé Ÿ 신포')).toBe('ee y 신포');
  });

  it('keeps only the chosen categories', () => {
    expect(search('', ['strike'])).toEqual(['quoted']);
    expect(search('', ['strike', 'statement']).sort()).toEqual(['kyiv', 'quoted']);
    expect(search('plain', ['statement'])).toEqual([]);
  });
});

describe('the indexed filter equals the plain definition (property)', () => {
  const dateArbitrary = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 2018, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc
      .tuple(fc.integer({ min: 2018, max: 2026 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}~`),
    fc.integer({ min: 2018, max: 2026 }).map(String),
    fc
      .tuple(
        fc.integer({ min: 2018, max: 2022 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
      )
      .map(([y, span, m]) => `${y}-${String(m).padStart(2, '0')}/${y + span}`),
  );
  const dayArbitrary = fc.option(fc.integer({ min: day('2017-06-01'), max: day('2027-06-01') }), {
    nil: null,
  });

  it('for random datasets, ranges, words and categories', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            dateArbitrary,
            fc.constantFrom('strike', 'statement', 'other'),
            fc.constantFrom('alpha', 'beta', 'gamma delta'),
          ),
          {
            maxLength: 60,
          },
        ),
        dayArbitrary,
        dayArbitrary,
        fc.constantFrom('', 'alpha', 'delta', 'BETA', 'zeta'),
        fc.subarray(['strike', 'statement', 'other']),
        (records, from, to, query, categories) => {
          const events = dataset(
            records.map(([date, category, title], position) =>
              makeFeature({ id: `e-${position}`, properties: { date, category, title } }),
            ),
          );
          const filter: EventFilter = { from, to, query, categories };
          const expected = events.filter((event) => eventPassesFilter(event, filter));
          expect(ids(filterEvents(buildEventIndex(events), filter))).toEqual(ids(expected));
        },
      ),
      { numRuns: 700 },
    );
  });
});

describe('widening a filter to show a linked event', () => {
  const [event] = dataset([
    makeFeature({
      id: 'summit',
      properties: { date: '2024-06', category: 'diplomacy', title: 'Summit' },
    }),
  ]);

  it('stretches the range, adds the category and drops a search the event does not match', () => {
    if (!event) throw new Error('no event');
    const filter: EventFilter = {
      from: day('2024-09-01'),
      to: day('2024-10-31'),
      query: 'submarine',
      categories: ['strike'],
    };
    const widened = widenToInclude(event, filter);
    expect(eventPassesFilter(event, widened)).toBe(true);
    expect(widened).toEqual({
      from: day('2024-06-01'),
      to: day('2024-10-31'),
      query: '',
      categories: ['strike', 'diplomacy'],
    });
  });

  it('leaves a filter alone when the event already passes it', () => {
    if (!event) throw new Error('no event');
    const filter: EventFilter = {
      from: day('2024-06-30'),
      to: null,
      query: 'summit',
      categories: [],
    };
    expect(widenToInclude(event, filter)).toEqual(filter);
  });
});

describe('search finds an event in every language it has', () => {
  const events = dataset([
    makeFeature({
      id: 'sinpo',
      properties: {
        title: 'Tests at Sinpo',
        place: 'Sinpo',
        translations: { ko: { title: '신포 시험', place: '함경남도 신포' } },
        sources: [
          { publisher: 'Yonhap', quote: 'Missiles.', quoteTranslations: { ko: '순항미사일' } },
        ],
      },
    }),
    makeFeature({
      id: 'kyiv',
      properties: { title: 'Kyiv', place: 'Kyiv', translations: { ko: { title: '키이우' } } },
    }),
  ]);
  const index = buildEventIndex(events);
  const found = (query: string) => ids(filterEvents(index, { ...NO_FILTER, query }));

  it('in the original and in each translation, quotes included, ignoring case and accents', () => {
    expect(found('신포')).toEqual(['sinpo']);
    expect(found('SINPÓ')).toEqual(['sinpo']);
    expect(found('순항미사일')).toEqual(['sinpo']);
    expect(found('함경남도 tests')).toEqual(['sinpo']);
    expect(found('키이우')).toEqual(['kyiv']);
    expect(found('평양')).toEqual([]);
    const sinpo = events.find((event) => event.id === 'sinpo');
    if (!sinpo) throw new Error('no event');
    expect(eventPassesFilter(sinpo, { ...NO_FILTER, query: '신포' })).toBe(true);
  });

  it('tells an event found in the text a reader is shown from one found in another language', () => {
    const sinpo = events.find((event) => event.id === 'sinpo');
    if (!sinpo) throw new Error('no event');
    expect(matchesShownText(sinpo, '신포', 'ko', 'en')).toBe(true);
    expect(matchesShownText(sinpo, '신포', 'en', 'en')).toBe(false);
    expect(matchesShownText(sinpo, 'sinpo', 'en', 'en')).toBe(true);
    // The Korean reader is shown the Korean title and place, but the quote as it is.
    expect(matchesShownText(sinpo, 'tests', 'ko', 'en')).toBe(false);
    expect(matchesShownText(sinpo, 'missiles', 'ko', 'en')).toBe(true);
    expect(translationsMatching(sinpo, '신포')).toEqual(['ko']);
    expect(translationsMatching(sinpo, '신포 순항미사일')).toEqual(['ko']);
    expect(translationsMatching(sinpo, 'sinpo')).toEqual([]);
  });
});
