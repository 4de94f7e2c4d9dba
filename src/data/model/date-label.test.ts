import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { parseIsoDay } from './calendar-day.ts';
import {
  describeEventDate,
  formatDay,
  formatDayAs,
  formatEventDate,
  formatMonthHeading,
  localDayRange,
} from './date-label.ts';
import { parseEdtf, type EventDate } from './edtf.ts';

function parsed(text: string): EventDate {
  const result = parseEdtf(text);
  if (!result.ok) throw new Error(result.reason);
  return result.date;
}

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

describe('date labels in Korean', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));

  it.each([
    ['2024-10-08', '2024년 10월 8일'],
    ['2024-06', '2024년 6월'],
    ['2024', '2024년'],
    ['2024-09~', '2024년 9월경'],
    ['2024-10-04?', '2024년 10월 4일?'],
    ['2024%', '2024년경?'],
    ['2024-09-01/2024-10-08', '2024년 9월 1일~10월 8일'],
    ['2024-10-03/2024-10-04', '2024년 10월 3일~4일'],
    ['2023-12-30/2024-01-02', '2023년 12월 30일~2024년 1월 2일'],
    ['2024-09/2024-10', '2024년 9월~10월'],
    ['2024-10-08/2024-10-08', '2024년 10월 8일'],
    ['2024-06/2024-10-08', '2024년 6월 ~ 2024년 10월 8일'],
    ['2024-09~/2024-10-08', '2024년 9월경 ~ 2024년 10월 8일'],
    ['2024-10-08T09:30:00+09:00', '2024년 10월 8일, 09:30 UTC+09:00'],
  ])('%s reads "%s" at its precision', (text, label) => {
    expect(formatEventDate(parsed(text))).toBe(label);
  });

  it('reads out qualifiers and intervals in Korean words', () => {
    expect(describeEventDate(parsed('2024-09~'))).toBe('2024년 9월경');
    expect(describeEventDate(parsed('2024-10-04?'))).toBe('2024년 10월 4일(불확실)');
    expect(describeEventDate(parsed('2024-10-03/2024-10-04'))).toBe(
      '2024년 10월 3일부터 2024년 10월 4일까지',
    );
  });

  it('names days, months and ranges of days, never shifted by the time zone', () => {
    expect(formatDay(day('2024-01-01'))).toBe('2024년 1월 1일');
    expect(formatDay(day('2024-12-31'))).toBe('2024년 12월 31일');
    expect(formatMonthHeading(day('2024-10-01'))).toBe('2024년 10월');
    expect(formatDayAs(day('2024-03-08'), 'md')).toBe('3월 8일');
    expect(formatDayAs(day('2024-03-08'), 'm')).toBe('3월');
    expect(localDayRange(day('2024-06-01'), day('2024-10-31'))).toBe('2024년 6월 1일~10월 31일');
  });
});

describe('date labels in English after Korean', () => {
  it('are the AP style again once English is active', () => {
    i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages });
    i18n.loadAndActivate({ locale: 'en', messages: englishMessages });
    expect(formatEventDate(parsed('2024-09~'))).toBe('c. Sept 2024');
    expect(formatDay(day('2024-10-08'))).toBe('8 Oct 2024');
    expect(formatMonthHeading(day('2024-10-01'))).toBe('October 2024');
  });
});
