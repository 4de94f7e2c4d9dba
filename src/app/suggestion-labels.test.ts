import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../locales/en.ts';
import { messages as koreanMessages } from '../locales/ko.ts';
import { suggestionLabels } from './suggestion-labels.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../testing/dataset-factory.ts';

/** One event as the contract's reader makes it of a record. */
function event(id: string, title: string, date: string, place: string): DatasetEvent {
  const feature = makeFeature({ id, properties: { title, date, place } });
  const [read] = validateFeatureCollection(makeFeatureCollection([feature])).events;
  if (!read) throw new Error(`${id} was not read`);
  return { ...read };
}

describe('the labels of the suggestions for an unknown id', () => {
  it('are the titles alone when each names one event', () => {
    const events = [
      event('a', 'Putin and Kim sign a pact', '2024-06-19', 'Pyongyang'),
      event('b', 'Missile test at Sinpo', '2024-01', 'Sinpo'),
    ];
    expect(suggestionLabels(events, undefined)).toEqual([
      'Putin and Kim sign a pact',
      'Missile test at Sinpo',
    ]);
  });

  it('add the date to titles that repeat, at its own precision, and no more where it tells them apart', () => {
    const events = [
      event('149866', 'Russia - Ukraine', '2022-03-12', 'Izium'),
      event('149870', 'Russia - Ukraine', '2022-03', 'Kharkiv'),
      event('150001', 'Ukraine: Donetsk', '2022-03-12', 'Donetsk'),
    ];
    expect(suggestionLabels(events, undefined)).toEqual([
      'Russia - Ukraine (12 March 2022)',
      'Russia - Ukraine (March 2022)',
      'Ukraine: Donetsk',
    ]);
  });

  it('add the place where the dates repeat too, and the id where the places do', () => {
    const events = [
      event('149866', 'Russia - Ukraine', '2022-03-12', 'Izium'),
      event('149867', 'Russia - Ukraine', '2022-03-12', 'Kharkiv'),
      event('149868', 'Russia - Ukraine', '2022-03-12', 'Kharkiv'),
    ];
    expect(suggestionLabels(events, undefined)).toEqual([
      'Russia - Ukraine (12 March 2022, Izium)',
      'Russia - Ukraine (12 March 2022, Kharkiv, 149867)',
      'Russia - Ukraine (12 March 2022, Kharkiv, 149868)',
    ]);
  });

  it('skip an empty place', () => {
    const events = [
      event('x-1', 'Statement', '2024-10-08', ''),
      event('x-2', 'Statement', '2024-10-08', ''),
    ];
    expect(suggestionLabels(events, undefined)).toEqual([
      'Statement (8 Oct 2024, x-1)',
      'Statement (8 Oct 2024, x-2)',
    ]);
  });
});

describe('the labels of the suggestions, for a reader of Korean', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));

  it('say the date in Korean, and the place the data has in Korean', () => {
    const izium = event('149866', 'Russia - Ukraine', '2022-03-12', 'Izium');
    izium.translations = { ko: { title: '러시아 - 우크라이나', place: '이지움' } };
    const kharkiv = event('149867', 'Russia - Ukraine', '2022-03', 'Kharkiv');
    kharkiv.translations = { ko: { title: '러시아 - 우크라이나' } };
    expect(suggestionLabels([izium, kharkiv], 'en')).toEqual([
      '러시아 - 우크라이나 (2022년 3월 12일)',
      '러시아 - 우크라이나 (2022년 3월)',
    ]);
  });
});
