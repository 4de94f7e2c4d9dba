/**
 * The events outside the bulk of the dates (date-bulk.ts), and the timeline's axis around them.
 * Apart from date-bulk.ts because only datasets with stray dates need them: they load with the
 * parts of the page that show such datasets, not with the first page.
 */
import type { CalendarDay } from '../model/calendar-day.ts';
import type { DateBulk } from './date-bulk.ts';

/** The events outside the bulk, in order: their dates are far from the rest, likely mistyped. */
export function eventsOutsideBulk<T>(events: readonly T[], bulk: DateBulk): T[] {
  return [...events.slice(0, bulk.earlier), ...events.slice(events.length - bulk.later)];
}

/** Which sides of the axis show their outside events: the reader's choice, or a range's need. */
export interface AxisSides {
  earlier: boolean;
  later: boolean;
}

/**
 * The days the timeline's axis spans: the bulk, stretched to the data's edge on each side the
 * reader opened or the date range reaches past (a typed date or a year among the strays), so
 * the brush always shows the range it stands for.
 */
export function axisSpan(
  extent: { first: CalendarDay; last: CalendarDay },
  bulk: DateBulk,
  opened: AxisSides,
  range: { from: CalendarDay | null; to: CalendarDay | null },
): { first: CalendarDay; last: CalendarDay; needed: AxisSides } {
  const ends = [range.from, range.to].filter((day) => day !== null);
  const needed = {
    earlier: ends.some((day) => day < bulk.first),
    later: ends.some((day) => day > bulk.last),
  };
  return {
    first: opened.earlier || needed.earlier ? extent.first : bulk.first,
    last: opened.later || needed.later ? extent.last : bulk.last,
    needed,
  };
}
