/** The quick ranges beside the date inputs, computed from the data's own extent. */
import { addDays, subYears } from 'date-fns';
import {
  civilFromDay,
  dayFromCivil,
  dayOfLocalDate,
  localDateOfDay,
  type CalendarDay,
} from '../model/calendar-day.ts';

export interface RangePreset {
  label: string;
  from: CalendarDay | null;
  to: CalendarDay | null;
}

/** All; the last 30 days and the last year of the data (not of today); each calendar year present. */
export function rangePresets(
  first: CalendarDay,
  last: CalendarDay,
  years: readonly number[],
): RangePreset[] {
  const presets: RangePreset[] = [{ label: 'All', from: null, to: null }];
  if (last - first >= 30) presets.push({ label: 'Last 30 days', from: last - 29, to: last });
  const yearBefore = dayOfLocalDate(addDays(subYears(localDateOfDay(last), 1), 1));
  if (yearBefore > first) presets.push({ label: 'Last year', from: yearBefore, to: last });
  if (years.length > 1) {
    for (const year of years)
      presets.push({
        label: String(year),
        from: dayFromCivil(year, 1, 1),
        to: dayFromCivil(year, 12, 31),
      });
  }
  return presets;
}

/** The calendar years in which events start, ascending. */
export function yearsPresent(starts: Iterable<CalendarDay>): number[] {
  const years = new Set<number>();
  for (const start of starts) years.add(civilFromDay(start).year);
  return [...years].sort((a, b) => a - b);
}
