import { civilFromDay, dayFromCivil, type CalendarDay } from '../../data/model/calendar-day.ts';
import { formatDayAs } from '../../data/model/date-label.ts';
import type { Bins } from '../../data/query/histogram.ts';
import type { TimelineScale } from './timeline-scale.ts';

export interface AxisTick {
  day: CalendarDay;
  x: number;
  label: string;
  anchor: 'start' | 'middle';
}

const MIN_GAP_PX = 64;

/** How many months apart ticks may be: every month … every two hundred years. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400];
/** Ticks are one step coarser than the bars: weeks get months, months years, years decades. */
const FEWEST_MONTHS = { day: 1, week: 1, month: 12, year: 120 };

/**
 * Labels along the strip at calendar boundaries coarser than the bins (days of the month over
 * days, months over weeks, years over months, decades over years), at the finest step whose
 * labels do not collide, and aligned to it (every third month is January, April, July and
 * October), so that a year's first month and the decades are always among them.
 */
export function axisTicks(bins: Bins, scale: TimelineScale, width: number): AxisTick[] {
  const dayWidth = scale.x(scale.first + 1) - scale.x(scale.first);
  // Within a month of days: the 1st, 8th, 15th and 22nd, or the 1st and 15th.
  const days = bins.unit === 'day' ? [7, 14].find((step) => step * dayWidth >= MIN_GAP_PX) : 0;
  const months = days
    ? 0
    : (MONTH_STEPS.find(
        (step) => step >= FEWEST_MONTHS[bins.unit] && step * 30.4 * dayWidth >= MIN_GAP_PX,
      ) ?? 2400);
  const ticks: AxisTick[] = [];
  let { year, month } = civilFromDay(scale.first);
  for (let day = 1; ;) {
    const tickDay = dayFromCivil(year, month, day);
    if (tickDay >= scale.end) break;
    const x = scale.x(tickDay);
    const monthIndex = year * 12 + month - 1;
    if (tickDay >= scale.first && x <= width - 20 && (days || monthIndex % months === 0)) {
      const label = formatDayAs(
        tickDay,
        months >= 12 ? 'y' : months > 0 ? (month === 1 || ticks.length === 0 ? 'ym' : 'm') : 'md',
      );
      ticks.push({ day: tickDay, x, label, anchor: x < 24 ? 'start' : 'middle' });
    }
    // The next candidate: a week or two on within the month, else the next month's first day.
    if (days && day + days <= 22) day += days;
    else {
      day = 1;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }
  return ticks;
}
