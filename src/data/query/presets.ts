/**
 * The quick ranges beside the date inputs, counted back from the last day of the bulk of the data
 * (date-bulk.ts), not from today and not from a stray date years after the rest.
 */
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  type CalendarDay,
} from '../model/calendar-day.ts';
import { formatDayAs } from '../model/date-label.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export interface RangePreset {
  /** All, a range counted back from the bulk's last day, or a calendar year. */
  kind: 'all' | 'recent' | 'year';
  /** In the active language: "Last 30 days", "2024" ("최근 30일", "2024년"). */
  label: string;
  from: CalendarDay | null;
  to: CalendarDay | null;
}

/**
 * All; the last 30 days and the last year of the bulk `first` … `last`; each calendar year in
 * which events start (strays' years too: a year chip reaches them).
 */
export function rangePresets(
  first: CalendarDay,
  last: CalendarDay,
  years: readonly number[],
): RangePreset[] {
  const presets: RangePreset[] = [{ kind: 'all', label: i18n._('All'), from: null, to: null }];
  if (last - first >= 30)
    presets.push({ kind: 'recent', label: i18n._('Last 30 days'), from: last - 29, to: last });
  // The day after the same date a year before; 29 February goes back to 28 February.
  const end = civilFromDay(last);
  const yearBefore =
    dayFromCivil(end.year - 1, end.month, Math.min(end.day, daysInMonth(end.year - 1, end.month))) +
    1;
  if (yearBefore > first)
    presets.push({ kind: 'recent', label: i18n._('Last year'), from: yearBefore, to: last });
  if (years.length > 1) {
    for (const year of years) {
      const from = dayFromCivil(year, 1, 1);
      presets.push({
        kind: 'year',
        label: formatDayAs(from, 'y'),
        from,
        to: dayFromCivil(year, 12, 31),
      });
    }
  }
  return presets;
}

/** The calendar years in which events start, ascending. */
export function yearsPresent(starts: Iterable<CalendarDay>): number[] {
  const years = new Set<number>();
  for (const start of starts) years.add(civilFromDay(start).year);
  return [...years].sort((a, b) => a - b);
}
