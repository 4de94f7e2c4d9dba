import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { formatIsoDay, parseIsoDay } from '../model/calendar-day.ts';
import {
  addMonths,
  advanceFrame,
  alignToWindow,
  daysPerSecond,
  DEFAULT_PLAYBACK,
  frameLabel,
  frameToRange,
  loopFrame,
  startFrame,
  widthOnStart,
  windowEnd,
  type DayFrame,
  type PlaybackSettings,
  type PlayContext,
} from './playback.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;
const frame = (from: string, to: string): DayFrame => ({ from: day(from), to: day(to) });
const iso = ({ from, to }: DayFrame) => [formatIsoDay(from), formatIsoDay(to)];
/** The bundled dataset's span: 1 Jan to 8 Oct 2024. */
const EXTENT = frame('2024-01-01', '2024-10-08');
const context = (settings: Partial<PlaybackSettings> = {}, width = 7): PlayContext => ({
  settings: { ...DEFAULT_PLAYBACK, ...settings },
  extent: EXTENT,
  width,
});

describe('calendar arithmetic', () => {
  it('adds months on calendar days, keeping the day or taking the month’s last', () => {
    expect(formatIsoDay(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonths(day('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatIsoDay(addMonths(day('2024-11-15'), 2))).toBe('2025-01-15');
    expect(formatIsoDay(addMonths(day('2024-03-31'), -1))).toBe('2024-02-29');
  });

  it('aligns a week to its Monday and a month to its 1st; a day and a range stay', () => {
    expect(formatIsoDay(alignToWindow(day('2024-06-09'), 'week'))).toBe('2024-06-03'); // a Sunday
    expect(formatIsoDay(alignToWindow(day('2024-06-03'), 'week'))).toBe('2024-06-03');
    expect(formatIsoDay(alignToWindow(day('1969-12-31'), 'week'))).toBe('1969-12-29');
    expect(formatIsoDay(alignToWindow(day('2024-02-29'), 'month'))).toBe('2024-02-01');
    expect(alignToWindow(day('2024-06-09'), 'day')).toBe(day('2024-06-09'));
    expect(alignToWindow(day('2024-06-09'), 'range')).toBe(day('2024-06-09'));
  });

  it('ends a window: a day on itself, a week six days on, a month the day before the next', () => {
    const start = day('2024-02-10');
    expect(formatIsoDay(windowEnd(start, 'day', 0))).toBe('2024-02-10');
    expect(formatIsoDay(windowEnd(start, 'week', 0))).toBe('2024-02-16');
    expect(formatIsoDay(windowEnd(start, 'month', 0))).toBe('2024-03-09');
    expect(formatIsoDay(windowEnd(day('2024-02-01'), 'month', 0))).toBe('2024-02-29');
    expect(formatIsoDay(windowEnd(start, 'range', 30))).toBe('2024-03-10');
  });
});

describe('where a play starts', () => {
  it('an open range starts at the data’s beginning, with a tenth of the span as the range', () => {
    const open = { ...EXTENT };
    expect(widthOnStart(open, EXTENT)).toBe(29); // 282 days / 10, rounded up
    expect(iso(startFrame(open, context({}, 29)))).toEqual(['2024-01-01', '2024-01-29']);
    expect(iso(startFrame(open, context({ window: 'month' })))).toEqual([
      '2024-01-01',
      '2024-01-31',
    ]);
  });

  it('a week from the data’s beginning starts on that week’s Monday', () => {
    const extent = frame('2024-06-05', '2024-10-08');
    const start = startFrame(extent, { ...context({ window: 'week' }), extent });
    expect(iso(start)).toEqual(['2024-06-03', '2024-06-09']);
  });

  it('a paused frame resumes where it is, a moving window taking its shape at once', () => {
    const paused = frame('2024-06-05', '2024-06-11');
    expect(widthOnStart(paused, EXTENT)).toBe(7);
    expect(iso(startFrame(paused, context()))).toEqual(['2024-06-05', '2024-06-11']);
    expect(iso(startFrame(paused, context({ window: 'day' })))).toEqual([
      '2024-06-05',
      '2024-06-05',
    ]);
    expect(iso(startFrame(paused, context({ cumulative: true })))).toEqual([
      '2024-06-05',
      '2024-06-11',
    ]);
  });

  it('a range already at the data’s end starts again from the beginning (cumulative: its own)', () => {
    const atEnd = frame('2024-09-01', '2024-10-08');
    expect(iso(startFrame(atEnd, context({ window: 'week' })))).toEqual([
      '2024-01-01',
      '2024-01-07',
    ]);
    expect(iso(startFrame(atEnd, context({ window: 'week', cumulative: true })))).toEqual([
      '2024-09-01',
      '2024-09-01',
    ]);
  });
});

describe('moving on', () => {
  it('a moving window moves by whole days, keeping its width', () => {
    const next = advanceFrame(frame('2024-06-05', '2024-06-11'), 3, context());
    expect(iso(next.frame)).toEqual(['2024-06-08', '2024-06-14']);
    expect(next.atEnd).toBe(false);
  });

  it('under reduced motion, by one whole window: the next week, the next calendar month', () => {
    const week = advanceFrame(
      frame('2024-06-03', '2024-06-09'),
      'window',
      context({ window: 'week' }),
    );
    expect(iso(week.frame)).toEqual(['2024-06-10', '2024-06-16']);
    const month = advanceFrame(
      frame('2024-01-01', '2024-01-31'),
      'window',
      context({ window: 'month' }),
    );
    expect(iso(month.frame)).toEqual(['2024-02-01', '2024-02-29']);
    const range = advanceFrame(frame('2024-06-05', '2024-06-14'), 'window', context({}, 10));
    expect(iso(range.frame)).toEqual(['2024-06-15', '2024-06-24']);
  });

  it('cumulative: From stays while To grows, by days or by the next window', () => {
    const settings = { window: 'month', cumulative: true } as const;
    const smooth = advanceFrame(frame('2024-01-01', '2024-01-31'), 5, context(settings));
    expect(iso(smooth.frame)).toEqual(['2024-01-01', '2024-02-05']);
    const stepped = advanceFrame(frame('2024-01-01', '2024-01-31'), 'window', context(settings));
    expect(iso(stepped.frame)).toEqual(['2024-01-01', '2024-02-29']);
  });

  it('the last frame ends on the data’s last day, and says so', () => {
    const last = advanceFrame(
      frame('2024-09-28', '2024-10-04'),
      'window',
      context({ window: 'week' }),
    );
    expect(iso(last.frame)).toEqual(['2024-10-05', '2024-10-08']);
    expect(last.atEnd).toBe(true);
    const leap = advanceFrame(frame('2024-09-28', '2024-10-04'), 400, context());
    expect(iso(leap.frame)).toEqual(['2024-10-08', '2024-10-08']);
    expect(leap.atEnd).toBe(true);
    const cumulative = advanceFrame(
      frame('2024-01-01', '2024-10-01'),
      30,
      context({ cumulative: true }),
    );
    expect(iso(cumulative.frame)).toEqual(['2024-01-01', '2024-10-08']);
    expect(cumulative.atEnd).toBe(true);
  });

  it('loops to the first frame: the data’s beginning, or a cumulative play’s own start', () => {
    expect(iso(loopFrame(frame('2024-10-05', '2024-10-08'), context({ window: 'week' })))).toEqual([
      '2024-01-01',
      '2024-01-07',
    ]);
    const cumulative = context({ window: 'week', cumulative: true });
    expect(iso(loopFrame(frame('2024-06-05', '2024-10-08'), cumulative))).toEqual([
      '2024-06-05',
      '2024-06-09',
    ]);
  });

  it('a play from the beginning to the end visits every window once, in order', () => {
    const weekly = context({ window: 'week' });
    let current = startFrame(EXTENT, weekly);
    const starts = [current.from];
    for (let guard = 0; guard < 100; guard += 1) {
      const { frame: next, atEnd } = advanceFrame(current, 'window', weekly);
      expect(next.from).toBe(current.to + 1);
      current = next;
      starts.push(current.from);
      if (atEnd) break;
    }
    expect(starts).toHaveLength(41); // 1 Jan to 8 Oct 2024: 40 whole weeks and 2 days
    expect(current.to).toBe(EXTENT.to);
  });
});

describe('speed, the URL and words', () => {
  it('at 1× crosses the span in 20 s, at least a day a second; speed multiplies', () => {
    expect(daysPerSecond(EXTENT, 1)).toBeCloseTo(282 / 20);
    expect(daysPerSecond(EXTENT, 8)).toBeCloseTo((282 / 20) * 8);
    expect(daysPerSecond(frame('2024-01-01', '2024-01-05'), 0.5)).toBe(0.5);
  });

  it('writes an end at the data’s edge as open, as the brush does', () => {
    expect(frameToRange(EXTENT, EXTENT)).toEqual({ from: null, to: null });
    expect(frameToRange(frame('2024-06-05', '2024-10-08'), EXTENT)).toEqual({
      from: day('2024-06-05'),
      to: null,
    });
  });

  it('names a frame as a reader would say it', () => {
    expect(frameLabel(frame('2024-06-03', '2024-06-09'))).toBe('3–9 June 2024');
    expect(frameLabel(frame('2024-09-01', '2024-09-30'))).toBe('Sept 2024');
    expect(frameLabel(frame('2024-05-28', '2024-06-03'))).toBe('28 May – 3 June 2024');
    expect(frameLabel(frame('2023-12-28', '2024-01-03'))).toBe('28 Dec 2023 – 3 Jan 2024');
    expect(frameLabel(frame('2024-10-08', '2024-10-08'))).toBe('8 Oct 2024');
  });
});

describe('a frame in Korean words', () => {
  beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
  afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));
  it('names a week, a whole month and a day at their precision', () => {
    expect(frameLabel(frame('2024-06-03', '2024-06-09'))).toBe('2024년 6월 3일~9일');
    expect(frameLabel(frame('2024-09-01', '2024-09-30'))).toBe('2024년 9월');
    expect(frameLabel(frame('2024-10-08', '2024-10-08'))).toBe('2024년 10월 8일');
  });
});
