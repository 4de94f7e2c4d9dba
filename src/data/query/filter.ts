/**
 * Filtering by date range, text and category. A date range [from, to] of inclusive calendar days
 * keeps an event whose own interval overlaps it. With 100,000 events a change of range must take
 * far less than a frame's worth of typing, so the events (already sorted by start day) get an
 * index of typed arrays once per dataset, and a range query is a binary search plus a scan of the
 * candidates, with no Date objects anywhere.
 */
import type { EventFilter } from '../model/event-filter.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { eventText, quoteTranslation } from '../model/translations.ts';
import { normalizeForSearch, queryTerms } from './search-text.ts';

export interface EventIndex {
  events: DatasetEvent[];
  starts: Int32Array;
  ends: Int32Array;
  /** The longest interval in days: how far before `from` a still-overlapping event can start. */
  longestSpan: number;
  /** Normalized text of each event, built on the first search rather than on load. */
  searchText: () => string[];
}

/** Builds the index; `events` must be in chronological order (as the validator returns them). */
export function buildEventIndex(events: DatasetEvent[]): EventIndex {
  const starts = new Int32Array(events.length);
  const ends = new Int32Array(events.length);
  let longestSpan = 0;
  events.forEach((event, index) => {
    starts[index] = event.date.start;
    ends[index] = event.date.end;
    longestSpan = Math.max(longestSpan, event.date.end - event.date.start);
  });
  let texts: string[] | null = null;
  return {
    events,
    starts,
    ends,
    longestSpan,
    searchText: () => (texts ??= events.map(eventSearchText)),
  };
}

/** Normalized text of an event in every language it has: a search finds it in any of them. */
export function eventSearchText(event: DatasetEvent): string {
  const parts = [event.title, event.summary, event.place, event.category, ...event.tags];
  for (const source of event.sources) {
    parts.push(source.publisher, source.title ?? '', source.quote ?? '');
    for (const quote of Object.values(source.quoteTranslations ?? {})) parts.push(quote);
  }
  for (const translation of Object.values(event.translations ?? {}))
    parts.push(translation.title ?? '', translation.summary ?? '', translation.place ?? '');
  return normalizeForSearch(parts.join('\n'));
}

/**
 * Whether the text a reader of `reader` is shown of the event (translations.ts: their language
 * where the event has it, else the original) holds every word of `query`. An event found only
 * through its text in another language does not.
 */
export function matchesShownText(
  event: DatasetEvent,
  query: string,
  reader: string,
  original?: string,
): boolean {
  const shown = eventText(event, reader, original);
  const parts = [shown.title, shown.summary, shown.place, event.category, ...event.tags];
  for (const source of event.sources) {
    parts.push(source.publisher, source.title ?? '', source.quote ?? '');
    parts.push(quoteTranslation(source, reader, original)?.text ?? '');
  }
  const text = normalizeForSearch(parts.join('\n'));
  return queryTerms(query).every((term) => text.includes(term));
}

/**
 * The languages of the event's translations whose own text (title, summary, place, quotes) holds
 * every word of `query`: where a search found an event that its shown text does not explain.
 */
export function translationsMatching(event: DatasetEvent, query: string): string[] {
  const terms = queryTerms(query);
  return Object.entries(event.translations ?? {})
    .filter(([language, translation]) => {
      const parts = [translation.title, translation.summary, translation.place];
      for (const source of event.sources) parts.push(source.quoteTranslations?.[language]);
      const text = normalizeForSearch(parts.join('\n'));
      return terms.every((term) => text.includes(term));
    })
    .map(([language]) => language);
}

/** The first index whose start day is greater than `day` (upper bound). */
function firstStartAfter(starts: Int32Array, day: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index whose start day is at least `day` (lower bound). */
function firstStartFrom(starts: Int32Array, day: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Positions (into `index.events`) of the events that pass text and category, in order. */
export function matchTextAndCategory(
  index: EventIndex,
  filter: Pick<EventFilter, 'query' | 'categories'>,
): Int32Array | null {
  const terms = queryTerms(filter.query);
  if (terms.length === 0 && filter.categories.length === 0) return null;
  const categories = new Set(filter.categories);
  const texts = terms.length > 0 ? index.searchText() : null;
  const kept: number[] = [];
  index.events.forEach((event, position) => {
    if (categories.size > 0 && !categories.has(event.category)) return;
    if (texts) {
      const text = texts[position] ?? '';
      for (const term of terms) if (!text.includes(term)) return;
    }
    kept.push(position);
  });
  return Int32Array.from(kept);
}

/** Events of the index that overlap [from, to] and pass text and category, in chronological order. */
export function filterEvents(
  index: EventIndex,
  filter: EventFilter,
  textMatches = matchTextAndCategory(index, filter),
): DatasetEvent[] {
  const { starts, ends, events } = index;
  const from = filter.from ?? Number.NEGATIVE_INFINITY;
  const to = filter.to ?? Number.POSITIVE_INFINITY;
  if (filter.from === null && filter.to === null) {
    return textMatches === null
      ? events
      : Array.from(textMatches, (position) => events[position] as DatasetEvent);
  }
  const result: DatasetEvent[] = [];
  if (textMatches !== null) {
    for (const position of textMatches) {
      if ((starts[position] ?? 0) <= to && (ends[position] ?? 0) >= from)
        result.push(events[position] as DatasetEvent);
    }
    return result;
  }
  // An overlapping event starts no later than `to`, and no earlier than `from` minus the longest span.
  const begin = Number.isFinite(from) ? firstStartFrom(starts, from - index.longestSpan) : 0;
  const end = Number.isFinite(to) ? firstStartAfter(starts, to) : starts.length;
  for (let position = begin; position < end; position += 1) {
    if ((ends[position] ?? 0) >= from) result.push(events[position] as DatasetEvent);
  }
  return result;
}

/** The plain definition, for tests: does the event overlap the range and pass every filter? */
export function eventPassesFilter(event: DatasetEvent, filter: EventFilter): boolean {
  if (filter.from !== null && event.date.end < filter.from) return false;
  if (filter.to !== null && event.date.start > filter.to) return false;
  if (filter.categories.length > 0 && !filter.categories.includes(event.category)) return false;
  const text = eventSearchText(event);
  return queryTerms(filter.query).every((term) => text.includes(term));
}

/**
 * The smallest change to a filter that lets `event` through: the range stretched to reach it, the
 * search dropped if the event does not match it, its category added. Used when a shared link's
 * own filters would hide the event it points at.
 */
export function widenToInclude(event: DatasetEvent, filter: EventFilter): EventFilter {
  const categories = [...filter.categories];
  if (categories.length > 0 && !categories.includes(event.category))
    categories.push(event.category);
  const widened: EventFilter = { ...filter, categories };
  if (widened.from !== null && event.date.end < widened.from) widened.from = event.date.start;
  if (widened.to !== null && event.date.start > widened.to) widened.to = event.date.end;
  if (!eventPassesFilter(event, { ...widened, from: null, to: null, categories: [] }))
    widened.query = '';
  return widened;
}
