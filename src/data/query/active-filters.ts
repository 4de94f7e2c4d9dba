/**
 * The filters in force, each as a short label a reader can scan ("“submarine”", "1 Jun – 31 Oct
 * 2024", "Strike, Statement"): the chips on a phone, where the filters themselves sit in a sheet.
 */
import { civilFromDay, type CalendarDay } from '../model/calendar-day.ts';
import { apStyle, formatDay, formatDayAs, localDayRange } from '../model/date-label.ts';
import type { EventFilter } from '../model/event-filter.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export type ActiveFilter =
  | { kind: 'query'; label: string }
  | { kind: 'dates'; label: string }
  | { kind: 'categories'; label: string }
  | { kind: 'map-view'; label: string };

/** "1 Jun – 31 Oct 2024", "3–9 Jun 2024", "1 Dec 2023 – 31 Jan 2024", "From 1 Jun 2024". */
export function formatDayRange(from: CalendarDay | null, to: CalendarDay | null): string {
  if (from === null) return to === null ? '' : i18n._('Until {date}', { date: formatDay(to) });
  if (to === null) return i18n._('From {date}', { date: formatDay(from) });
  if (from === to) return formatDay(from);
  if (!apStyle()) return localDayRange(from, to);
  const start = civilFromDay(from);
  const end = civilFromDay(to);
  if (start.year !== end.year) return `${formatDay(from)} – ${formatDay(to)}`;
  if (start.month !== end.month) {
    return `${formatDayAs(from, 'md')} – ${formatDay(to)}`;
  }
  return `${start.day}–${formatDay(to)}`;
}

/** Up to two names, then how many more: a chip stays one short line. */
function listCategories(categories: readonly string[], labelOf: (category: string) => string) {
  const names = categories.map(labelOf);
  if (names.length <= 2) return names.join(', ');
  return i18n._('{names} and {count} more', {
    names: names.slice(0, 2).join(', '),
    count: names.length - 2,
  });
}

/**
 * One entry per filter the reader can remove at once: the search, the date range (both ends
 * together), the categories kept (all together: removing one of them would narrow the view, not
 * widen it), and "only events in map view".
 */
export function activeFilters(
  filter: EventFilter,
  onlyInMapView: boolean,
  labelOf: (category: string) => string,
): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (filter.query !== '') active.push({ kind: 'query', label: `“${filter.query}”` });
  if (filter.from !== null || filter.to !== null) {
    active.push({ kind: 'dates', label: formatDayRange(filter.from, filter.to) });
  }
  if (filter.categories.length > 0) {
    active.push({ kind: 'categories', label: listCategories(filter.categories, labelOf) });
  }
  if (onlyInMapView) active.push({ kind: 'map-view', label: i18n._('In map view') });
  return active;
}
