/**
 * The timeline's bins: their size chosen from the data's extent (days, weeks, months or years),
 * their boundaries real calendar boundaries, and each event's weight spread over the days it may
 * cover, so "June 2024" adds a little to each week of June instead of a spike on the 1st.
 */
import { civilFromDay, dayFromCivil, type CalendarDay } from '../model/calendar-day.ts';
import type { DatasetEvent } from '../model/schema.ts';

export type BinUnit = 'day' | 'week' | 'month' | 'year';

export interface Bins {
  unit: BinUnit;
  /** Start day of each bin; bin i covers starts[i] … starts[i + 1] − 1. */
  starts: Int32Array;
  /** The day after the last bin. */
  end: CalendarDay;
}

/** The bin size for an extent of `days` days: about 30–400 bins whatever the span. */
export function chooseBinUnit(days: number): BinUnit {
  if (days <= 120) return 'day';
  if (days <= 913) return 'week';
  if (days <= 40 * 365) return 'month';
  return 'year';
}

/** The first day of the bin of `unit` that holds `day`. Weeks start on Monday. */
export function binStartOf(day: CalendarDay, unit: BinUnit): CalendarDay {
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const { year, month } = civilFromDay(day);
  return unit === 'month' ? dayFromCivil(year, month, 1) : dayFromCivil(year, 1, 1);
}

/** The first day of the bin after the one starting at `start`. */
function nextBinStart(start: CalendarDay, unit: BinUnit): CalendarDay {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const { year, month } = civilFromDay(start);
  if (unit === 'year') return dayFromCivil(year + 1, 1, 1);
  return month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
}

/** Bins of `unit` from the one holding `first` to the one holding `last` (the unit fit to the span by default). */
export function buildBins(
  first: CalendarDay,
  last: CalendarDay,
  unit: BinUnit = chooseBinUnit(last - first + 1),
): Bins {
  const starts: number[] = [];
  let start = binStartOf(first, unit);
  while (start <= last) {
    starts.push(start);
    start = nextBinStart(start, unit);
  }
  return { unit, starts: Int32Array.from(starts), end: start };
}

/** The index of the bin holding `day`, clamped to the bins. */
export function binIndexOf(bins: Bins, day: CalendarDay): number {
  const { starts } = bins;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= day) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function binEnd(bins: Bins, index: number): CalendarDay {
  return (bins.starts[index + 1] ?? bins.end) - 1;
}

/** Events' first and last days by position: an index's typed arrays (filter.ts). */
export interface DayRanges {
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

/**
 * Each event's weight (1) spread over the bins its interval overlaps, in proportion to the days
 * it spends in each. `positions` limits the count to some events (the ones passing other filters).
 * Days outside the bins count nowhere: the bins may cover only the bulk of the dates (date-bulk.ts),
 * and a stray date must not swell the first or last bar.
 *
 * The events may be given as their day ranges: a million events' days read from typed arrays take
 * a fraction of the time their objects do (docs/performance.md).
 */
export function binWeights(
  bins: Bins,
  events: readonly DatasetEvent[] | DayRanges,
  positions: Iterable<number> | null = null,
): Float64Array {
  const weights = new Float64Array(bins.starts.length);
  const add = (start: number, end: number) => {
    if (end < (bins.starts[0] ?? 0) || start >= bins.end) return;
    const first = binIndexOf(bins, start);
    if (start === end) {
      weights[first] = (weights[first] ?? 0) + 1;
      return;
    }
    const days = end - start + 1;
    const last = binIndexOf(bins, end);
    for (let index = first; index <= last; index += 1) {
      const overlap =
        Math.min(end, binEnd(bins, index)) - Math.max(start, bins.starts[index] ?? 0) + 1;
      if (overlap > 0) weights[index] = (weights[index] ?? 0) + overlap / days;
    }
  };
  if (!Array.isArray(events)) {
    const { starts, ends } = events as DayRanges;
    if (positions === null)
      for (let position = 0; position < starts.length; position += 1)
        add(starts[position] ?? 0, ends[position] ?? 0);
    else for (const position of positions) add(starts[position] ?? 0, ends[position] ?? 0);
    return weights;
  }
  const addEvent = ({ date }: DatasetEvent) => add(date.start, date.end);
  if (positions === null) for (const event of events) addEvent(event);
  else
    for (const position of positions)
      addEvent((events as readonly DatasetEvent[])[position] as DatasetEvent);
  return weights;
}
