/**
 * Everything the explorer derives from the dataset and the URL, memoized on exactly what it
 * depends on: the index and the bulk of the dates once per dataset, the text match once per
 * search, the date filter once per range, the histogram once per span of the timeline's axis.
 * Nothing here runs on a hover, a scroll or a map move.
 */
import { useDeferredValue, useEffect, useMemo } from 'react';
import type { CalendarDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import { buildEventIndex, filterEvents, matchTextAndCategory } from '../data/query/filter.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { indexById } from '../data/query/selectors.ts';
import { dateBulk } from '../data/query/date-bulk.ts';
import { binWeights, buildBins, type DayRanges } from '../data/query/histogram.ts';
import { yearsPresent } from '../data/query/presets.ts';
import { useDeferredWhen } from '../lib/use-deferred-when.ts';
import { whenIdle } from '../lib/when-idle.ts';

/** Datasets larger than this apply date and category changes a moment after the controls move. */
const DEFER_FILTERS_ABOVE = 250_000;

/** Small enough that indexing one slice of ids fits in an idle moment. */
const POSITIONS_PER_IDLE_SLICE = 20_000;

export function useExplorerData(
  events: DatasetEvent[],
  filter: EventFilter,
  { deferFiltersAbove = DEFER_FILTERS_ABOVE } = {},
) {
  const index = useMemo(() => buildEventIndex(events), [events]);
  const positionById = useMemo(() => indexById(events), [events]);
  useEffect(
    function preparePositionsWhenIdle() {
      // Ready before the first click, without holding up the first render of a large dataset:
      // a slice per idle moment, so that even a million events never make one long task.
      let cancel = () => {};
      const step = () => {
        if (!positionById.prepareSome(POSITIONS_PER_IDLE_SLICE)) {
          cancel = whenIdle(step, { fallbackMs: 50 });
        }
      };
      cancel = whenIdle(step, { fallbackMs: 50 });
      return () => cancel();
    },
    [positionById],
  );
  // From the index's day numbers: a pass over a typed array, not over a million event objects.
  const extent = useMemo(() => {
    const { starts, ends } = index;
    if (starts.length === 0) return null;
    let last = Number.NEGATIVE_INFINITY;
    for (const end of ends) if (end > last) last = end;
    return { first: starts[0] ?? 0, last };
  }, [index]);
  const bulk = useMemo(() => dateBulk(index.starts, index.ends), [index]);
  const years = useMemo(() => yearsPresent(index.starts), [index]);

  // Typing stays responsive: the results follow a keystroke later if they must.
  const query = useDeferredValue(filter.query);
  // A range or a category applies in one render up to a few hundred thousand events: deferring it
  // costs a second render of the whole page, which slows a brush move at 100,000 events
  // (docs/performance.md). Beyond that the filtering itself is slow enough that the brush should
  // move first and the results follow.
  const deferFilters = events.length > deferFiltersAbove;
  const categoriesKey = useDeferredWhen(deferFilters, filter.categories.join('\n'), 'value');
  const from = useDeferredWhen(deferFilters, filter.from, 'value');
  const to = useDeferredWhen(deferFilters, filter.to, 'value');

  const textMatches = useMemo(
    () =>
      matchTextAndCategory(index, {
        query,
        categories: categoriesKey ? categoriesKey.split('\n') : [],
      }),
    [index, query, categoriesKey],
  );
  const filtered = useMemo(
    () => filterEvents(index, { from, to, query, categories: [] }, textMatches),
    [index, from, to, query, textMatches],
  );

  return { index, positionById, extent, bulk, textMatches, years, filtered };
}

/**
 * The timeline's bars over the days `first` … `last` of its axis: every event's weight, and the
 * weight of those passing search and categories (`textMatches`, null when every event does).
 */
export function useTimelineBins(
  days: DayRanges,
  textMatches: Int32Array | null,
  first: CalendarDay,
  last: CalendarDay,
) {
  const bins = useMemo(() => buildBins(first, last), [first, last]);
  const allWeights = useMemo(() => binWeights(bins, days), [bins, days]);
  const matchWeights = useMemo(
    () => (textMatches ? binWeights(bins, days, textMatches) : allWeights),
    [bins, days, textMatches, allWeights],
  );
  return { bins, allWeights, matchWeights };
}
