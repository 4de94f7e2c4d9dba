import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { formatIsoDay, parseIsoDay } from '../model/calendar-day.ts';
import { rangePresets, yearsPresent } from './presets.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

describe('quick ranges', () => {
  it('are counted back from the last day of the data, not from today', () => {
    const presets = rangePresets(day('2022-03-10'), day('2024-10-08'), [2022, 2023, 2024]);
    const shown = presets.map((preset) => [
      preset.label,
      preset.from === null ? null : formatIsoDay(preset.from),
      preset.to === null ? null : formatIsoDay(preset.to),
    ]);
    expect(shown).toEqual([
      ['All', null, null],
      ['Last 30 days', '2024-09-09', '2024-10-08'],
      ['Last year', '2023-10-09', '2024-10-08'],
      ['2022', '2022-01-01', '2022-12-31'],
      ['2023', '2023-01-01', '2023-12-31'],
      ['2024', '2024-01-01', '2024-12-31'],
    ]);
  });

  it('leave out ranges longer than the data, and a single year', () => {
    const presets = rangePresets(day('2024-01-01'), day('2024-01-20'), [2024]);
    expect(presets.map((preset) => preset.label)).toEqual(['All']);
  });

  it('handle a leap day at the end of the data', () => {
    const lastYear = rangePresets(day('2020-01-01'), day('2024-02-29'), []).find(
      (preset) => preset.label === 'Last year',
    );
    expect(lastYear && formatIsoDay(lastYear.from ?? 0)).toBe('2023-03-01');
  });

  it('end at the last day of the bulk given, leaving later stray dates out', () => {
    // The civilian-harm file: most events from 1 Jan to 29 Sept 2022, three strays in 2023–2024.
    const presets = rangePresets(day('2022-01-01'), day('2022-09-29'), [2022, 2023, 2024]);
    const relative = presets
      .filter((preset) => preset.label.startsWith('Last'))
      .map((preset) => [
        preset.label,
        formatIsoDay(preset.from ?? 0),
        formatIsoDay(preset.to ?? 0),
      ]);
    // Less than a year of most events: "Last year" would be all of them, so it is left out.
    expect(relative).toEqual([['Last 30 days', '2022-08-31', '2022-09-29']]);
    expect(presets.map((preset) => preset.label).slice(-3)).toEqual(['2022', '2023', '2024']);
  });

  it('go back a year from 28 February to the day after 28 February, in a leap year too', () => {
    const lastYear = rangePresets(day('2020-01-01'), day('2025-02-28'), []).find(
      (preset) => preset.label === 'Last year',
    );
    expect(lastYear && formatIsoDay(lastYear.from ?? 0)).toBe('2024-02-29');
  });

  it('list the years in which events start', () => {
    expect(yearsPresent([day('2024-06-01'), day('1984-04-09'), day('2024-01-01')])).toEqual([
      1984, 2024,
    ]);
  });
});

describe('quick ranges in Korean', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));
  it('are labelled in Korean, the years too', () => {
    const presets = rangePresets(day('2022-03-10'), day('2024-10-08'), [2022, 2023, 2024]);
    expect(presets.map((preset) => [preset.kind, preset.label])).toEqual([
      ['all', '전체'],
      ['recent', '최근 30일'],
      ['recent', '최근 1년'],
      ['year', '2022년'],
      ['year', '2023년'],
      ['year', '2024년'],
    ]);
  });
});
