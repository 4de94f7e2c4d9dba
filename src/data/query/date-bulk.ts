/**
 * The span of days that holds the bulk of a dataset's events. A few stray dates (a year typed
 * wrong: 2024 for 2022) would otherwise stretch the timeline's axis until the real events are
 * squeezed into a corner, and make "Last 30 days" select nothing. The axis fits the bulk; the
 * events outside it are counted at its edges and listed as warnings, never dropped.
 *
 * Events are left outside only when both hold, so that a real tail is never cut off:
 * - they are few: at most a handful, and at most 1 % of the events (a dataset of fewer than 100
 *   events keeps all of its dates);
 * - a gap separates them from the rest that is far wider than the bulk's own spacing, a good
 *   share of its span, and at least four weeks.
 * The bulk's own spacing and span are measured between the 5th and 95th percentiles of the start
 * days, which a handful of strays cannot move.
 */
import type { CalendarDay } from '../model/calendar-day.ts';

export interface DateBulk {
  /** The bulk's first day (its first event's start) and last day (the latest end among its events). */
  first: CalendarDay;
  last: CalendarDay;
  /** How many events start before the bulk: the first `earlier` in chronological order. */
  earlier: number;
  /** How many events start after it: the last `later` in chronological order. */
  later: number;
}

/** "A handful": more stray dates than this on one side look like a real tail, not mistakes. */
const MOST_STRAYS = 5;
/** The gap before strays is at least this many times the bulk's average spacing … */
const GAP_IN_SPACINGS = 50;
/** … and at least this share of the bulk's central span (so leaving them out changes the axis) … */
const GAP_IN_SPAN = 0.25;
/** … and at least four weeks: a dataset of a few busy days may pause for a day or two. */
const SHORTEST_GAP_DAYS = 28;

/**
 * The bulk of events whose start days are `starts` (ascending, as the event index holds them) and
 * end days `ends` (same order). O(1) to find the strays, then one pass over `ends` for the last
 * day: a few milliseconds for a million events (docs/performance.md).
 */
export function dateBulk(starts: Int32Array, ends: Int32Array): DateBulk | null {
  const count = starts.length;
  if (count === 0) return null;
  const at = (position: number) => starts[position] ?? 0;
  const mostStrays = Math.min(MOST_STRAYS, Math.floor(count / 100));
  let begin = 0;
  let end = count;
  if (mostStrays > 0) {
    const central = at(Math.ceil(0.95 * (count - 1))) - at(Math.floor(0.05 * (count - 1))) + 1;
    const shortestGap = Math.max(
      (GAP_IN_SPACINGS * central) / (0.9 * count),
      GAP_IN_SPAN * central,
      SHORTEST_GAP_DAYS,
    );
    // The most strays first: with two apart from each other and a third nearer the bulk, all three
    // are strays, not only the farthest two.
    for (let strays = mostStrays; strays > 0 && begin === 0; strays -= 1)
      if (at(strays) - at(strays - 1) >= shortestGap) begin = strays;
    for (let strays = mostStrays; strays > 0 && end === count; strays -= 1)
      if (at(count - strays) - at(count - strays - 1) >= shortestGap) end = count - strays;
  }
  let last = Number.NEGATIVE_INFINITY;
  for (let position = begin; position < end; position += 1)
    last = Math.max(last, ends[position] ?? 0);
  // An event of the bulk may run on past a stray's start (a year-long "2022" beside a stray in
  // November): a stray within the axis is not outside it.
  while (end < count && at(end) <= last) {
    last = Math.max(last, ends[end] ?? 0);
    end += 1;
  }
  return { first: at(begin), last, earlier: begin, later: count - end };
}
