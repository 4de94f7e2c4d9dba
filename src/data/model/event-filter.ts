/**
 * What the reader filters by: one shape for the URL, the filter code and the explorer, so that a
 * filter read from a link is the filter applied, with no copy to fall out of step.
 */
import type { CalendarDay } from './calendar-day.ts';

export interface EventFilter {
  /** Inclusive date range in calendar days; null leaves that end open. */
  from: CalendarDay | null;
  to: CalendarDay | null;
  /** Free-text search, trimmed; '' for none. */
  query: string;
  /** Categories to keep; empty keeps every category. */
  categories: readonly string[];
}

export const NO_FILTER: EventFilter = { from: null, to: null, query: '', categories: [] };

export function isFiltered(filter: EventFilter): boolean {
  return (
    filter.from !== null ||
    filter.to !== null ||
    filter.query !== '' ||
    filter.categories.length > 0
  );
}
