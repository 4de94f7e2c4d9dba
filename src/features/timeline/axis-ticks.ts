import { civilFromDay, type CalendarDay } from '../../data/model/calendar-day.ts';
import { shortMonthName } from '../../data/model/date-label.ts';
import type { Bins } from '../../data/query/histogram.ts';
import type { TimelineScale } from './timeline-scale.ts';

export interface AxisTick {
  day: CalendarDay;
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

const MIN_GAP_PX = 64;

/**
 * Labels along the strip at calendar boundaries one step coarser than the bins (months over
 * weeks, years over months, decades over years), thinned so they never collide.
 */
export function axisTicks(bins: Bins, scale: TimelineScale, width: number): AxisTick[] {
  const candidates: { day: CalendarDay; label: string }[] = [];
  for (const start of bins.starts) {
    const { year, month, day } = civilFromDay(start);
    if (bins.unit === 'day' && (day === 1 || (day - 1) % 7 === 0)) {
      candidates.push({ day: start, label: `${day} ${shortMonthName(month)}` });
    } else if (bins.unit === 'week' && day <= 7) {
      candidates.push({
        day: start,
        label: month === 1 ? `${shortMonthName(month)} ${year}` : shortMonthName(month),
      });
    } else if (bins.unit === 'month' && month === 1) {
      candidates.push({ day: start, label: String(year) });
    } else if (bins.unit === 'year' && year % 10 === 0) {
      candidates.push({ day: start, label: String(year) });
    }
  }
  const ticks: AxisTick[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const x = scale.x(candidate.day);
    if (x - lastX < MIN_GAP_PX || x > width - 20) continue;
    ticks.push({ ...candidate, x, anchor: x < 24 ? 'start' : 'middle' });
    lastX = x;
  }
  return ticks;
}
