import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { parseIsoDay } from '../model/calendar-day.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import {
  historyFor,
  keepKnownCategories,
  openDataset,
  removeFilter,
  resetFilters,
  search,
  selectEvent,
  setDateRange,
  setPlayback,
  showBundledDataset,
  showView,
  stepSelection,
  toggleCategory,
  widenToEvent,
} from './explorer-actions.ts';
import { EMPTY_URL_STATE, type UrlState } from './url-state.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

const { events } = validateFeatureCollection(
  makeFeatureCollection([
    makeFeature({ id: 'a', properties: { date: '2024-06-19', category: 'summit' } }),
    makeFeature({ id: 'b', properties: { date: '2024-09', category: 'test' } }),
    makeFeature({ id: 'c', properties: { date: '2024-10-08', category: 'statement' } }),
  ]),
);
const [eventA, , eventC] = events;
const CATEGORIES = ['summit', 'test', 'statement'];
const state = (patch: Partial<UrlState> = {}): UrlState => ({ ...EMPTY_URL_STATE, ...patch });

describe('selecting and stepping', () => {
  it('selects and clears, keeping the filters', () => {
    const filtered = state({ query: 'kim' });
    expect(selectEvent(filtered, 'b')).toEqual({ ...filtered, selectedId: 'b' });
    expect(selectEvent(state({ selectedId: 'b' }), null).selectedId).toBeNull();
  });

  it('steps through the listed events and stops at either end', () => {
    expect(stepSelection(state(), events, 1).selectedId).toBe('a');
    expect(stepSelection(state(), events, -1).selectedId).toBe('c');
    expect(stepSelection(state({ selectedId: 'a' }), events, 1).selectedId).toBe('b');
    expect(stepSelection(state({ selectedId: 'c' }), events, 1).selectedId).toBe('c');
    expect(stepSelection(state({ selectedId: 'a' }), events, -1).selectedId).toBe('a');
  });

  it('starts from an end when the selection is not listed, and does nothing with no events', () => {
    expect(stepSelection(state({ selectedId: 'gone' }), events, 1).selectedId).toBe('a');
    const selected = state({ selectedId: 'a' });
    expect(stepSelection(selected, [], 1)).toBe(selected);
  });
});

describe('filters', () => {
  it('sets the range and the search, trimmed', () => {
    const range = { from: day('2024-06-01'), to: day('2024-06-30') };
    expect(setDateRange(state(), range)).toMatchObject(range);
    expect(search(state(), '  kim jong  ').query).toBe('kim jong');
  });

  it('sets the playback settings, kept through the filters and replacing the entry', () => {
    const playing = setPlayback(state({ query: 'kim' }), 'week,2x');
    expect(playing).toEqual(state({ query: 'kim', play: 'week,2x' }));
    expect(setDateRange(playing, { from: day('2024-06-03'), to: null }).play).toBe('week,2x');
    expect(resetFilters(playing).play).toBe('week,2x');
    expect(historyFor(state(), playing)).toBe('replace');
  });

  it('toggles a category: the rest stay shown, and all shown is written as none', () => {
    const hidden = toggleCategory(state(), CATEGORIES, 'test');
    expect(hidden.categories).toEqual(['summit', 'statement']);
    expect(toggleCategory(hidden, CATEGORIES, 'test').categories).toEqual([]);
  });

  it('refuses to hide the last category shown', () => {
    const one = state({ categories: ['summit'] });
    expect(toggleCategory(one, CATEGORIES, 'summit')).toBe(one);
  });

  it('keeps only the categories the dataset has', () => {
    const linked = state({ categories: ['summit', 'nonsense'] });
    expect(keepKnownCategories(linked, new Set(CATEGORIES)).categories).toEqual(['summit']);
  });

  it('widens a range and drops a search that would hide an event', () => {
    if (!eventA) throw new Error('no event');
    const hiding = state({ from: day('2024-09-01'), query: 'nothing like it' });
    const widened = widenToEvent(hiding, eventA, CATEGORIES.length);
    expect(widened.from).toBe(eventA.date.start);
    expect(widened.query).toBe('');
  });

  it('adds the event’s category, and writes every category as none', () => {
    if (!eventC) throw new Error('no event');
    const twoOfThree = state({ categories: ['summit', 'test'] });
    expect(widenToEvent(twoOfThree, eventC, CATEGORIES.length).categories).toEqual([]);
    const oneOfThree = state({ categories: ['summit'] });
    expect(widenToEvent(oneOfThree, eventC, CATEGORIES.length).categories).toEqual([
      'summit',
      'statement',
    ]);
  });

  it('removes one filter and keeps the others, the selection and the dataset', () => {
    const state: UrlState = {
      ...EMPTY_URL_STATE,
      selectedId: 'a',
      from: day('2024-06-01'),
      to: day('2024-10-31'),
      query: 'summit',
      categories: ['summit'],
    };
    expect(removeFilter(state, 'query')).toEqual({ ...state, query: '' });
    expect(removeFilter(state, 'dates')).toEqual({ ...state, from: null, to: null });
    expect(removeFilter(state, 'categories')).toEqual({ ...state, categories: [] });
    expect(historyFor(state, removeFilter(state, 'dates'))).toBe('replace');
  });

  it('reset clears every filter and keeps the selection and the dataset', () => {
    const params: [string, string][] = [['data', 'https://example.org/e.geojson']];
    const busy = state({
      selectedId: 'a',
      from: 1,
      to: 2,
      query: 'x',
      categories: ['test'],
      params,
    });
    expect(resetFilters(busy)).toEqual(state({ selectedId: 'a', params }));
  });
});

describe('showing a kept view', () => {
  it('takes its selection and filters, keeps the dataset, and pushes when the selection changes', () => {
    const params: [string, string][] = [['data', 'https://example.org/e.geojson']];
    const before = state({ selectedId: 'a', query: 'old', params });
    const view = {
      selectedId: 'c',
      from: day('2024-06-01'),
      to: null,
      query: '',
      categories: ['statement'],
    };
    const after = showView(before, view);
    expect(after).toEqual(state({ ...view, params }));
    expect(historyFor(before, after)).toBe('push');
  });
});

describe('datasets and history', () => {
  const params: [string, string][] = [['data', 'local:events.csv']];

  it('another dataset starts a fresh view; the same one keeps it', () => {
    const view = state({ selectedId: 'a', query: 'x' });
    expect(openDataset(view, params, false)).toEqual(state({ params }));
    expect(openDataset(view, params, true)).toEqual({ ...view, params });
    expect(showBundledDataset(view)).toEqual(EMPTY_URL_STATE);
  });

  it('every action keeps the reader view (embed) inside a frame', () => {
    const framed = state({ selectedId: 'a', query: 'x', embed: true, params });
    const after = [
      selectEvent(framed, 'c'),
      selectEvent(framed, null),
      stepSelection(framed, events, 1),
      setDateRange(framed, { from: day('2024-06-01'), to: null }),
      search(framed, 'kim'),
      toggleCategory(framed, CATEGORIES, 'test'),
      ...(eventC ? [widenToEvent(framed, eventC, CATEGORIES.length)] : []),
      keepKnownCategories(framed, new Set(CATEGORIES)),
      resetFilters(framed),
      showBundledDataset(framed),
      openDataset(framed, [['data', 'local:other.csv']], false),
      openDataset(framed, params, true),
    ];
    for (const next of after) expect(next.embed).toBe(true);
  });

  it('a selection or another dataset pushes an entry; a filter change replaces it', () => {
    const before = state({ selectedId: 'a' });
    expect(historyFor(before, selectEvent(before, 'b'))).toBe('push');
    expect(historyFor(before, openDataset(before, params, false))).toBe('push');
    expect(historyFor(before, search(before, 'kim'))).toBe('replace');
    expect(historyFor(before, toggleCategory(before, CATEGORIES, 'test'))).toBe('replace');
    expect(historyFor(before, resetFilters(before))).toBe('replace');
  });
});
