// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../data/model/calendar-day.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../testing/dataset-factory.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import { useExplorerData } from './use-explorer-data.ts';

const { events } = validateFeatureCollection(
  makeFeatureCollection(
    ['2024-05-20', '2024-06', '2024-06-19', '2024-10-08'].map((date) =>
      makeFeature({
        properties: { date, category: date.startsWith('2024-06') ? 'summit' : 'statement' },
      }),
    ),
  ),
);
const ALL: EventFilter = { from: null, to: null, query: '', categories: [] };
const FROM_JUNE: EventFilter = { ...ALL, from: parseIsoDay('2024-06-01') };
const SUMMITS: EventFilter = { ...ALL, categories: ['summit'] };

/** Every render's filter and the number of events it showed, from the change on. */
function rendersAfterChange(next: EventFilter, deferFiltersAbove?: number) {
  const renders: { filter: EventFilter; shown: number }[] = [];
  const { rerender } = renderHook(
    (filter: EventFilter) => {
      const data = useExplorerData(events, filter, { deferFiltersAbove });
      renders.push({ filter, shown: data.filtered.length });
      return data;
    },
    { initialProps: ALL },
  );
  renders.length = 0;
  rerender(next);
  return renders;
}

describe('a filter change', () => {
  it('shows its events in the same render that moves the control, for a dataset of usual size', () => {
    for (const [next, expected] of [
      [FROM_JUNE, 3],
      [SUMMITS, 2],
    ] as const) {
      const renders = rendersAfterChange(next);
      expect(renders.map(({ shown }) => shown)).toEqual([expected]);
    }
  });

  it('lets the control move first and the results follow, for a very large dataset', () => {
    for (const [next, expected] of [
      [FROM_JUNE, 3],
      [SUMMITS, 2],
    ] as const) {
      const renders = rendersAfterChange(next, 2);
      // The first render still shows all four (the control has moved); then the results follow.
      expect(renders.map(({ shown }) => shown)).toEqual([4, expected]);
      expect(renders.every(({ filter }) => filter === next)).toBe(true);
    }
  });
});
