import { describe, expect, it } from 'vitest';
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
