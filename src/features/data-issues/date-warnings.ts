import type { DatasetEvent } from '../../data/model/schema.ts';
import type { DateBulk } from '../../data/query/date-bulk.ts';
import { eventsOutsideBulk } from '../../data/query/outside-bulk.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

/** One event dated far from the rest, as the Data issues panel lists it. */
export interface DateWarning {
  id: string;
  /** The record's place in the file, from 1 (a CSV file's data row, not counting the header). */
  row: number;
  /** The date as the data has it, unchanged. */
  value: string;
  title: string;
  /** How far from the bulk: "5 months after most of the dates." */
  reason: string;
}

/** "12 days", "5 months", "17 months", "3 years": roughly, as a reader would say it. */
function distanceInWords(days: number): string {
  if (days < 61) return i18n._('{count, plural, one {# day} other {# days}}', { count: days });
  if (days < 730)
    return i18n._('{count, plural, one {# month} other {# months}}', {
      count: Math.round(days / 30.44),
    });
  return i18n._('{count, plural, one {# year} other {# years}}', {
    count: Math.round(days / 365.25),
  });
}

/** The warnings for the events (all of them, in order) outside the bulk of the dates. */
export function dateWarnings(events: readonly DatasetEvent[], bulk: DateBulk): DateWarning[] {
  return eventsOutsideBulk(events, bulk).map((event) => {
    const after = event.date.start > bulk.last;
    const days = after ? event.date.start - bulk.last : bulk.first - event.date.end;
    return {
      id: event.id,
      row: event.position + 1,
      value: event.date.edtf,
      title: event.title,
      reason: after
        ? i18n._('{distance} after most of the dates.', { distance: distanceInWords(days) })
        : i18n._('{distance} before most of the dates.', { distance: distanceInWords(days) }),
    };
  });
}
