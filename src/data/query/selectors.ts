/**
 * Derived views of a dataset, as pure functions: what the chronology lists, grouped by month, and
 * which events lie in the map's view.
 */
import { civilFromDay, dayFromCivil } from '../model/calendar-day.ts';
import { formatMonthHeading } from '../model/date-label.ts';
import type { DatasetEvent } from '../model/schema.ts';

/**
 * A row of the chronology. Its key stays the same whatever the filters: an event's position in the
 * file (0 or more), a month's −1 − its month number. The virtualized list keys its rows and their
 * measured heights by it. A number rather than the event's id: working out the positions of a
 * million rows read a million ids and hashed them, twice (estimates, then measured sizes), a
 * large share of the first render at a million events (docs/performance.md).
 */
export type ChronologyRow =
  | {
      kind: 'month';
      key: number;
      label: string;
      /** Months since the start of year 0: a number that names the month. */
      monthNumber: number;
    }
  | { kind: 'event'; key: number; event: DatasetEvent; eventIndex: number };

/**
 * Month headings between events (already in chronological order). An event belongs to the month
 * of its first day, so "June 2024" and "2024-06-19" sit under the same heading.
 */
export function groupByMonth(events: DatasetEvent[]): ChronologyRow[] {
  const rows: ChronologyRow[] = [];
  // The current month as a range of days: most events fall inside it, and then no date needs
  // converting, the calendar arithmetic that was most of the grouping's time.
  let monthStart = Number.NaN;
  let nextMonthStart = Number.NaN;
  events.forEach((event, eventIndex) => {
    const { start } = event.date;
    if (!(start >= monthStart && start < nextMonthStart)) {
      const { year, month } = civilFromDay(start);
      monthStart = dayFromCivil(year, month, 1);
      nextMonthStart =
        month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
      const monthNumber = year * 12 + month - 1;
      rows.push({
        kind: 'month',
        // Below zero, so a heading never shares a key with an event.
        key: -1 - monthNumber,
        label: formatMonthHeading(monthStart),
        monthNumber,
      });
    }
    rows.push({ kind: 'event', key: event.position, event, eventIndex });
  });
  return rows;
}

/** Where the month headings are among the rows. */
export function monthHeadingIndexes(rows: readonly ChronologyRow[]): number[] {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (row.kind === 'month') indexes.push(index);
  });
  return indexes;
}

/** The row of the event with this id, or undefined. */
export function rowIndexOf(rows: readonly ChronologyRow[], id: string): number | undefined {
  const index = rows.findIndex((row) => row.kind === 'event' && row.event.id === id);
  return index === -1 ? undefined : index;
}

export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

function normalizeLongitude(longitude: number): number {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

/** True when the point lies in the bounds; bounds may cross the antimeridian or span the world. */
export function isInBounds(longitude: number, latitude: number, bounds: GeoBounds): boolean {
  if (latitude < bounds.south || latitude > bounds.north) return false;
  if (bounds.east - bounds.west >= 360) return true;
  const west = normalizeLongitude(bounds.west);
  const east = normalizeLongitude(bounds.east);
  const lon = normalizeLongitude(longitude);
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

export function eventsInBounds(events: DatasetEvent[], bounds: GeoBounds): DatasetEvent[] {
  return events.filter((event) => isInBounds(event.longitude, event.latitude, bounds));
}

/**
 * Where each id sits in `events`, for O(1) look-ups from the URL or a marker. The map is built on
 * the first look-up, or ahead of it a slice at a time (`prepareSome`, at idle moments): for a
 * large dataset it takes long enough that the first render of a page with nothing selected should
 * not wait for it, and at a million events it would be one long task.
 */
export class PositionsById {
  private readonly events: readonly DatasetEvent[];
  private readonly positions = new Map<string, number>();
  private prepared = 0;

  constructor(events: readonly DatasetEvent[]) {
    this.events = events;
  }

  get(id: string): number | undefined {
    this.prepareSome(Number.POSITIVE_INFINITY);
    return this.positions.get(id);
  }

  /** Indexes up to `count` more events; true once all are. */
  prepareSome(count: number): boolean {
    const end = Math.min(this.events.length, this.prepared + count);
    for (let index = this.prepared; index < end; index += 1) {
      this.positions.set((this.events[index] as DatasetEvent).id, index);
    }
    this.prepared = end;
    return end === this.events.length;
  }
}

export function indexById(events: readonly DatasetEvent[]): PositionsById {
  return new PositionsById(events);
}
