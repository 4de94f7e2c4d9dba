import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { parseIsoDay } from '../model/calendar-day.ts';
import { NO_FILTER } from '../model/event-filter.ts';
import { activeFilters, formatDayRange } from './active-filters.ts';

const day = (iso: string) => {
  const parsed = parseIsoDay(iso);
  if (parsed === null) throw new Error(`not a day: ${iso}`);
  return parsed;
};
const capitalised = (category: string) => category[0]?.toUpperCase() + category.slice(1);

describe('formatDayRange', () => {
  it('says a range as briefly as it reads unambiguously', () => {
    expect(formatDayRange(day('2024-06-01'), day('2024-10-31'))).toBe('1 June – 31 Oct 2024');
    expect(formatDayRange(day('2024-06-03'), day('2024-06-09'))).toBe('3–9 June 2024');
    expect(formatDayRange(day('2023-12-01'), day('2024-01-31'))).toBe('1 Dec 2023 – 31 Jan 2024');
    expect(formatDayRange(day('2024-10-08'), day('2024-10-08'))).toBe('8 Oct 2024');
  });

  it('names an open end', () => {
    expect(formatDayRange(day('2024-06-01'), null)).toBe('From 1 June 2024');
    expect(formatDayRange(null, day('2024-10-31'))).toBe('Until 31 Oct 2024');
    expect(formatDayRange(null, null)).toBe('');
  });
});

describe('activeFilters', () => {
  it('lists nothing when nothing is filtered', () => {
    expect(activeFilters(NO_FILTER, false, capitalised)).toEqual([]);
  });

  it('lists the search, the dates, the categories and the map view, in that order', () => {
    const filter = {
      query: 'submarine',
      from: day('2024-06-01'),
      to: day('2024-10-31'),
      categories: ['strike', 'statement'],
    };
    expect(activeFilters(filter, true, capitalised)).toEqual([
      { kind: 'query', label: '“submarine”' },
      { kind: 'dates', label: '1 June – 31 Oct 2024' },
      { kind: 'categories', label: 'Strike, Statement' },
      { kind: 'map-view', label: 'In map view' },
    ]);
  });

  it('keeps the categories to one short chip', () => {
    const filter = { ...NO_FILTER, categories: ['strike', 'statement', 'deployment', 'other'] };
    expect(activeFilters(filter, false, capitalised)).toEqual([
      { kind: 'categories', label: 'Strike, Statement and 2 more' },
    ]);
  });
});

describe('the filters in force, in Korean', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));
  it('name the dates at their precision, with open ends', () => {
    expect(formatDayRange(day('2024-06-01'), day('2024-10-31'))).toBe('2024년 6월 1일~10월 31일');
    expect(formatDayRange(day('2023-12-01'), day('2024-01-31'))).toBe(
      '2023년 12월 1일~2024년 1월 31일',
    );
    expect(formatDayRange(day('2024-10-08'), day('2024-10-08'))).toBe('2024년 10월 8일');
    expect(formatDayRange(day('2024-06-01'), null)).toBe('2024년 6월 1일부터');
    expect(formatDayRange(null, day('2024-10-31'))).toBe('2024년 10월 31일까지');
  });

  it('say the map view and the categories left out in Korean', () => {
    const filter = { ...NO_FILTER, categories: ['strike', 'statement', 'deployment', 'other'] };
    expect(activeFilters(filter, true, capitalised)).toEqual([
      { kind: 'categories', label: 'Strike, Statement 외 2개' },
      { kind: 'map-view', label: '지도 화면 안' },
    ]);
  });
});
