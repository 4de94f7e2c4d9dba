import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { formatIsoDay, parseIsoDay } from '../../data/model/calendar-day.ts';
import { buildBins } from '../../data/query/histogram.ts';
import { axisTicks } from './axis-ticks.ts';
import {
  daysBetween,
  rangeLabel,
  shiftRange,
  snapToBins,
  snapUnit,
  stepEnd,
  timelineScale,
} from './timeline-scale.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;
const iso = (range: { from: number; to: number }) => [
  formatIsoDay(range.from),
  formatIsoDay(range.to),
];
const bins = buildBins(day('2020-03-15'), day('2024-10-08')); // months

describe('the brush', () => {
  it('snaps to whole bins', () => {
    expect(bins.unit).toBe('month');
    expect(iso(snapToBins(bins, { from: day('2024-06-19'), to: day('2024-06-20') }))).toEqual([
      '2024-06-01',
      '2024-06-30',
    ]);
    expect(iso(snapToBins(bins, { from: day('2024-09-02'), to: day('2024-06-20') }))).toEqual([
      '2024-06-01',
      '2024-09-30',
    ]);
  });

  it('moves one end a bin at a time, never past the other end or the data', () => {
    const june = { from: day('2024-06-01'), to: day('2024-06-30') };
    expect(iso(stepEnd(bins, june, 'from', -1))).toEqual(['2024-05-01', '2024-06-30']);
    expect(iso(stepEnd(bins, june, 'to', 2))).toEqual(['2024-06-01', '2024-08-31']);
    expect(iso(stepEnd(bins, june, 'from', 5))).toEqual(['2024-06-01', '2024-06-30']);
    expect(iso(stepEnd(bins, june, 'to', 99))).toEqual(['2024-06-01', '2024-10-31']);
    expect(iso(stepEnd(bins, june, 'from', -999))).toEqual(['2020-03-01', '2024-06-30']);
  });

  it('moves the whole range, keeping its length, within the data', () => {
    const summer = { from: day('2024-06-01'), to: day('2024-08-31') };
    expect(iso(shiftRange(bins, summer, 1))).toEqual(['2024-07-01', '2024-09-30']);
    expect(iso(shiftRange(bins, summer, 10))).toEqual(['2024-08-01', '2024-10-31']);
  });

  it('maps days to positions and back', () => {
    const scale = timelineScale(bins, 1000);
    expect(scale.x(scale.first)).toBe(0);
    expect(scale.x(scale.end)).toBe(1000);
    expect(scale.dayAt(0)).toBe(scale.first);
    expect(scale.dayAt(1000)).toBe(scale.end - 1);
    expect(scale.dayAt(-50)).toBe(scale.first);
    const middle = scale.dayAt(scale.x(day('2022-01-15')) + 0.01);
    expect(formatIsoDay(middle)).toBe('2022-01-15');
  });
});

describe('snapping a drag', () => {
  it('snaps to days wider than 4 px, else to the bars', () => {
    expect(snapUnit(4.1, 'week')).toBe('day');
    expect(snapUnit(4, 'week')).toBe('week');
    expect(snapUnit(1.3, 'week')).toBe('week');
    expect(snapUnit(0.2, 'month')).toBe('month');
    expect(snapUnit(30, 'day')).toBe('day');
  });

  // 1 Jan – 29 Sept 2022 in weeks (from Monday 27 Dec 2021), on a desktop's strip and a phone's.
  const weeks = buildBins(day('2022-01-01'), day('2022-09-29'));
  const desktop = timelineScale(weeks, 1156);
  const phone = timelineScale(weeks, 290);

  it('knows from the width which it snaps to', () => {
    expect(weeks.unit).toBe('week');
    expect(desktop.snap).toBe('day');
    expect(phone.snap).toBe('week');
  });

  it('chooses the days between the day boundaries nearest the pointer: from a tick, its day', () => {
    const march = desktop.x(day('2022-03-01'));
    const july = desktop.x(day('2022-07-01'));
    // A pixel either side of the March tick still starts on 1 March.
    for (const x of [march - 1, march, march + 1]) {
      expect(iso(daysBetween(desktop, x, july))).toEqual(['2022-03-01', '2022-06-30']);
      expect(iso(daysBetween(desktop, july, x))).toEqual(['2022-03-01', '2022-06-30']);
    }
    // No distance is one day; beyond the strip is its edge.
    expect(iso(daysBetween(desktop, march, march))).toEqual(['2022-03-01', '2022-03-01']);
    expect(iso(daysBetween(desktop, -40, 1400))).toEqual([
      formatIsoDay(desktop.first),
      formatIsoDay(desktop.end - 1),
    ]);
    expect(iso(daysBetween(desktop, 1400, 1500))).toEqual([
      formatIsoDay(desktop.end - 1),
      formatIsoDay(desktop.end - 1),
    ]);
  });
});

describe('the dates a drag shows', () => {
  it('name the range briefly, the year once when it is the same', () => {
    const range = (from: string, to: string) => rangeLabel({ from: day(from), to: day(to) });
    expect(range('2022-03-03', '2022-04-17')).toBe('3 March – 17 April 2022');
    expect(range('2022-12-28', '2023-01-03')).toBe('28 Dec 2022 – 3 Jan 2023');
    expect(range('2022-03-03', '2022-03-03')).toBe('3 March 2022');
  });
});

describe('the axis labels', () => {
  const labels = (first: string, last: string, width: number) => {
    const bins = buildBins(day(first), day(last));
    return axisTicks(bins, timelineScale(bins, width), width).map((tick) => [
      formatIsoDay(tick.day),
      tick.label,
    ]);
  };

  it('put the months of weekly bars on their first days, the year on the first and on January', () => {
    expect(labels('2022-01-01', '2022-09-29', 1156).slice(0, 4)).toEqual([
      ['2022-01-01', 'Jan 2022'],
      ['2022-02-01', 'Feb'],
      ['2022-03-01', 'March'],
      ['2022-04-01', 'April'],
    ]);
    expect(labels('2022-02-10', '2022-09-29', 1156)[0]).toEqual(['2022-03-01', 'March 2022']);
  });

  it('thin out at steps aligned to the calendar, so that January stays', () => {
    // 2022 to February 2024 on a phone: every sixth month.
    expect(labels('2022-01-01', '2024-02-26', 290).map(([, label]) => label)).toEqual([
      'Jan 2022',
      'July',
      'Jan 2023',
      'July',
      'Jan 2024',
    ]);
    // Forty years of months: decades on a phone.
    expect(labels('1984-04-09', '2023-12-18', 290).map(([, label]) => label)).toEqual([
      '1990',
      '2000',
      '2010',
      '2020',
    ]);
  });

  it('label days by the day of the month', () => {
    expect(labels('2024-06-01', '2024-07-31', 1156).slice(0, 5)).toEqual([
      ['2024-06-01', '1 June'],
      ['2024-06-08', '8 June'],
      ['2024-06-15', '15 June'],
      ['2024-06-22', '22 June'],
      ['2024-07-01', '1 July'],
    ]);
  });
});

describe('the axis and the dragged dates in Korean', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));
  const labels = (first: string, last: string, width: number) => {
    const bins = buildBins(day(first), day(last));
    return axisTicks(bins, timelineScale(bins, width), width).map((tick) => tick.label);
  };

  it('label months, years and days in Korean', () => {
    expect(labels('2022-01-01', '2022-09-29', 1156).slice(0, 3)).toEqual([
      '2022년 1월',
      '2월',
      '3월',
    ]);
    expect(labels('1984-04-09', '2023-12-18', 290)).toEqual([
      '1990년',
      '2000년',
      '2010년',
      '2020년',
    ]);
    expect(labels('2024-06-01', '2024-07-31', 1156).slice(0, 2)).toEqual(['6월 1일', '6월 8일']);
  });

  it('name a dragged range once, the shared year and month said once', () => {
    const range = (from: string, to: string) => rangeLabel({ from: day(from), to: day(to) });
    expect(range('2022-03-03', '2022-04-17')).toBe('2022년 3월 3일~4월 17일');
    expect(range('2022-12-28', '2023-01-03')).toBe('2022년 12월 28일~2023년 1월 3일');
    expect(range('2022-03-03', '2022-03-03')).toBe('2022년 3월 3일');
  });
});
