/**
 * Every change the reader can make to what they are looking at, as a pure function of the URL
 * state: components dispatch these and never build a state by hand, so each change is written,
 * named and tested once. Whether a change pushes a history entry or replaces it follows from what
 * it changed (historyFor), as docs/contracts.md §2 asks.
 */
import type { CalendarDay } from '../model/calendar-day.ts';
import { NO_FILTER, type EventFilter } from '../model/event-filter.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { widenToInclude } from '../query/filter.ts';
import { EMPTY_URL_STATE, type UrlState } from './url-state.ts';
import type { Language } from '../../lib/i18n/languages.ts';

export type ExplorerAction<Args extends unknown[]> = (state: UrlState, ...args: Args) => UrlState;

/** Selects an event, or clears the selection with null. */
export function selectEvent(state: UrlState, id: string | null): UrlState {
  return { ...state, selectedId: id };
}

/**
 * The next (1) or previous (-1) of the listed events; with nothing selected, or the selection not
 * listed, the first or the last. Stops at either end.
 */
export function stepSelection(
  state: UrlState,
  listed: readonly DatasetEvent[],
  direction: 1 | -1,
): UrlState {
  if (listed.length === 0) return state;
  const current =
    state.selectedId === null ? -1 : listed.findIndex((event) => event.id === state.selectedId);
  const nextIndex =
    current === -1
      ? direction === 1
        ? 0
        : listed.length - 1
      : Math.min(Math.max(current + direction, 0), listed.length - 1);
  const next = listed[nextIndex];
  return next ? selectEvent(state, next.id) : state;
}

export function setDateRange(
  state: UrlState,
  range: { from: CalendarDay | null; to: CalendarDay | null },
): UrlState {
  return { ...state, from: range.from, to: range.to };
}

/** Playback's settings (`play`, data/url/play-param.ts); '' for the defaults. */
export function setPlayback(state: UrlState, play: string): UrlState {
  return { ...state, play };
}

export function search(state: UrlState, query: string): UrlState {
  return { ...state, query: query.trim() };
}

/**
 * Shows or hides one category. Every category shown is written as none (the shortest link), and
 * hiding the last one shown is refused: it would show nothing at all.
 */
export function toggleCategory(
  state: UrlState,
  allCategories: readonly string[],
  category: string,
): UrlState {
  const active = state.categories;
  const shown =
    active.length === 0
      ? [...allCategories]
      : active.filter((candidate) => allCategories.includes(candidate));
  const next = shown.includes(category)
    ? shown.filter((candidate) => candidate !== category)
    : [...shown, category];
  if (next.length === 0) return state;
  const categories =
    next.length === allCategories.length
      ? []
      : allCategories.filter((candidate) => next.includes(candidate));
  return { ...state, categories };
}

/** Widens the filters just enough to show `event` (see widenToInclude); all categories is none. */
export function widenToEvent(
  state: UrlState,
  event: DatasetEvent,
  knownCategoryCount: number,
): UrlState {
  const widened = widenToInclude(event, state);
  const allShown = widened.categories.length >= knownCategoryCount;
  return { ...state, ...widened, categories: allShown ? [] : [...widened.categories] };
}

/** Keeps only the categories this dataset has (a link may name others). */
export function keepKnownCategories(state: UrlState, known: ReadonlySet<string>): UrlState {
  return { ...state, categories: state.categories.filter((category) => known.has(category)) };
}

/** Removes one filter, as a chip on a phone does: the search, the date range or the categories. */
export function removeFilter(state: UrlState, filter: 'query' | 'dates' | 'categories'): UrlState {
  switch (filter) {
    case 'query':
      return { ...state, query: '' };
    case 'dates':
      return { ...state, from: null, to: null };
    case 'categories':
      return { ...state, categories: [] };
  }
}

export function resetFilters(state: UrlState): UrlState {
  return { ...state, ...NO_FILTER };
}

/**
 * A view kept elsewhere (a story step's "Show"): its selection and filters replace the reader's,
 * on the same dataset.
 */
export function showView(
  state: UrlState,
  view: EventFilter & { selectedId: string | null },
): UrlState {
  const { selectedId, from, to, query, categories } = view;
  return { ...state, selectedId, from, to, query, categories: [...categories] };
}

/** What a fresh view keeps: the reader view inside a frame, and the chosen language. */
function freshView(state: UrlState): UrlState {
  const fresh: UrlState = { ...EMPTY_URL_STATE, embed: state.embed };
  if (state.lang !== undefined) fresh.lang = state.lang;
  return fresh;
}

/** The bundled dataset, with a fresh view (still the reader view inside a frame). */
export function showBundledDataset(state: UrlState): UrlState {
  return freshView(state);
}

/** The interface in another language, chosen by the reader: the address keeps it. */
export function chooseLanguage(state: UrlState, lang: Language): UrlState {
  return { ...state, lang };
}

/**
 * Another dataset: a fresh view, unless it is the one already shown (a file opened again after a
 * reload, or edited), whose view and deep link are kept.
 */
export function openDataset(
  state: UrlState,
  params: [string, string][],
  sameDataset: boolean,
): UrlState {
  return sameDataset ? { ...state, params } : { ...freshView(state), params };
}

/**
 * A new selection or another dataset is a place to come Back to: it pushes a history entry. A
 * filter change replaces the entry, so that typing or dragging does not flood Back.
 */
export function historyFor(before: UrlState, after: UrlState): 'push' | 'replace' {
  const sameParams =
    before.params.length === after.params.length &&
    before.params.every(
      ([key, value], index) =>
        after.params[index]?.[0] === key && after.params[index]?.[1] === value,
    );
  return before.selectedId === after.selectedId && before.storyId === after.storyId && sameParams
    ? 'replace'
    : 'push';
}
