/**
 * Everything the explorer derives from the dataset and the URL, memoized on exactly what it
 * depends on: the index and histogram once per dataset, the text match once per search, the date
 * filter once per range. Nothing here runs on a hover, a scroll or a map move.
 */
import { useDeferredValue, useMemo } from 'react';
import type { CalendarDay } from '../data/calendar-day.ts';
import { buildEventIndex, filterEvents, matchTextAndCategory } from '../data/filter.ts';
import type { DatasetEvent } from '../data/schema.ts';
import { indexById } from '../data/selectors.ts';
import { binWeights, buildBins } from '../features/timeline/histogram.ts';
import { yearsPresent } from '../features/timeline/presets.ts';

export interface ExplorerFilter {
  from: CalendarDay | null;
  to: CalendarDay | null;
  query: string;
  categories: readonly string[];
}

export function useExplorerData(events: DatasetEvent[], filter: ExplorerFilter) {
  const index = useMemo(() => buildEventIndex(events), [events]);
  const positionById = useMemo(() => indexById(events), [events]);
  const extent = useMemo(() => {
    if (events.length === 0) return null;
    let last = Number.NEGATIVE_INFINITY;
    for (const event of events) last = Math.max(last, event.date.end);
    return { first: events[0]?.date.start ?? 0, last };
  }, [events]);
  const bins = useMemo(() => (extent ? buildBins(extent.first, extent.last) : null), [extent]);
  const allWeights = useMemo(
    () => (bins ? binWeights(bins, events) : new Float64Array()),
    [bins, events],
  );
  const years = useMemo(() => yearsPresent(index.starts), [index]);
  const knownCategories = useMemo(() => new Set(events.map((event) => event.category)), [events]);

  // Typing and dragging stay responsive: the heavy results follow a moment later if they must.
  const query = useDeferredValue(filter.query);
  const categoriesKey = useDeferredValue(filter.categories.join('\n'));
  const from = useDeferredValue(filter.from);
  const to = useDeferredValue(filter.to);

  const textMatches = useMemo(
    () =>
      matchTextAndCategory(index, {
        query,
        categories: categoriesKey ? categoriesKey.split('\n') : [],
      }),
    [index, query, categoriesKey],
  );
  const matchWeights = useMemo(
    () => (bins && textMatches ? binWeights(bins, events, textMatches) : allWeights),
    [bins, events, textMatches, allWeights],
  );
  const filtered = useMemo(
    () => filterEvents(index, { from, to, query, categories: [] }, textMatches),
    [index, from, to, query, textMatches],
  );

  return { positionById, extent, bins, allWeights, matchWeights, years, knownCategories, filtered };
}
