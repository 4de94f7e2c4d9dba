import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { binEnd, binIndexOf, type Bins } from '../../data/query/histogram.ts';

/** Maps calendar days to x positions across the strip, and back, snapping to bins. */
export interface TimelineScale {
  x: (day: CalendarDay) => number;
  dayAt: (x: number) => CalendarDay;
  first: CalendarDay;
  /** The day after the last bin. */
  end: CalendarDay;
}

export function timelineScale(bins: Bins, width: number): TimelineScale {
  const first = bins.starts[0] ?? 0;
  const span = Math.max(bins.end - first, 1);
  return {
    first,
    end: bins.end,
    x: (day) => ((day - first) / span) * width,
    dayAt: (x) =>
      Math.min(Math.max(first + Math.floor((x / Math.max(width, 1)) * span), first), bins.end - 1),
  };
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
