import { civilFromDay, type CalendarDay } from '../../data/model/calendar-day.ts';
import { apStyle, formatDay, localDayRange } from '../../data/model/date-label.ts';
import { binEnd, binIndexOf, type BinUnit, type Bins } from '../../data/query/histogram.ts';

/** Maps calendar days to x positions across the strip, and back. */
export interface TimelineScale {
  x: (day: CalendarDay) => number;
  /** The day under `x`. */
  dayAt: (x: number) => CalendarDay;
  /** The start of the day nearest `x`: where a brush edge dropped at `x` falls. */
  boundaryAt: (x: number) => CalendarDay;
  first: CalendarDay;
  /** The day after the last bin. */
  end: CalendarDay;
  /** What a drag snaps to (snapUnit). */
  snap: BinUnit;
}

/**
 * Wider than this, a day is easy to aim at with a mouse or a finger: the brush snaps to days, so a
 * drag from the March tick starts on 1 March. Narrower, it snaps to the bars (weeks, months …).
 */
const DAY_MIN_PX = 4;

/** What the brush snaps to when a day is `dayWidth` pixels wide and the bars are `binUnit`s. */
export function snapUnit(dayWidth: number, binUnit: BinUnit): BinUnit {
  return dayWidth > DAY_MIN_PX ? 'day' : binUnit;
}

export function timelineScale(bins: Bins, width: number): TimelineScale {
  const first = bins.starts[0] ?? 0;
  const span = Math.max(bins.end - first, 1);
  const daysAt = (x: number) => (x / Math.max(width, 1)) * span;
  const clamp = (day: number, last: CalendarDay) => Math.min(Math.max(day, first), last);
  return {
    first,
    end: bins.end,
    x: (day) => ((day - first) / span) * width,
    dayAt: (x) => clamp(first + Math.floor(daysAt(x)), bins.end - 1),
    boundaryAt: (x) => clamp(first + Math.round(daysAt(x)), bins.end),
    snap: snapUnit(width / span, bins.unit),
  };
}

/** The whole days between the day boundaries nearest two positions: at least one day. */
export function daysBetween(scale: TimelineScale, x0: number, x1: number): DayRange {
  const a = scale.boundaryAt(x0);
  const b = scale.boundaryAt(x1);
  const from = Math.min(a, b, scale.end - 1);
  return { from, to: Math.max(a, b, from + 1) - 1 };
}

export interface DayRange {
  from: CalendarDay;
  to: CalendarDay;
}

/** The whole bins a range touches: a brush always snaps to bin boundaries. */
export function snapToBins(bins: Bins, range: DayRange): DayRange {
  const first = binIndexOf(bins, Math.min(range.from, range.to));
  const last = binIndexOf(bins, Math.max(range.from, range.to));
  return { from: bins.starts[first] ?? range.from, to: binEnd(bins, last) };
}

/** Moves one end of a range by `steps` bins, never past the other end or the data. */
export function stepEnd(bins: Bins, range: DayRange, end: 'from' | 'to', steps: number): DayRange {
  const lastBin = bins.starts.length - 1;
  if (end === 'from') {
    const limit = binIndexOf(bins, range.to);
    const index = Math.min(Math.max(binIndexOf(bins, range.from) + steps, 0), limit);
    return { from: bins.starts[index] ?? range.from, to: range.to };
  }
  const limit = binIndexOf(bins, range.from);
  const index = Math.max(Math.min(binIndexOf(bins, range.to) + steps, lastBin), limit);
  return { from: range.from, to: binEnd(bins, index) };
}

/** Moves a whole range by whole bins, keeping its length in bins, within the data. */
export function shiftRange(bins: Bins, range: DayRange, steps: number): DayRange {
  const lastBin = bins.starts.length - 1;
  const first = binIndexOf(bins, range.from);
  const last = binIndexOf(bins, range.to);
  const shift = Math.min(Math.max(steps, -first), lastBin - last);
  return { from: bins.starts[first + shift] ?? range.from, to: binEnd(bins, last + shift) };
}

/** "3 March – 17 April 2022", "28 Dec 2022 – 3 Jan 2023", "3 March 2022": a range of days. */
export function rangeLabel({ from, to }: DayRange): string {
  const first = formatDay(from);
  if (from === to) return first;
  if (!apStyle()) return localDayRange(from, to);
  const sameYear = civilFromDay(from).year === civilFromDay(to).year;
  return `${sameYear ? first.slice(0, first.lastIndexOf(' ')) : first} – ${formatDay(to)}`;
}
