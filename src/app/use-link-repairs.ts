import { useEffect, useRef } from 'react';
import type { Dataset, DatasetEvent } from '../data/model/schema.ts';
import { eventPassesFilter } from '../data/query/filter.ts';
import { keepKnownCategories, widenToEvent } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/**
 * A link's own filters repaired against the dataset it opens (docs/contracts.md §2): a category
 * the dataset does not have is dropped, and filters that would hide the linked event are widened
 * to show it, once, as the page opens (later, filtering the selection away is the reader's choice).
 * Each repair says what it did in a notice.
 */
export function useLinkRepairs(
  url: UrlStateApi,
  dataset: Dataset | undefined,
  selectedEvent: DatasetEvent | null,
  knownCategories: ReadonlySet<string>,
  addNotice: (notice: string) => void,
): void {
  const { state, apply } = url;
  const unknownKey = dataset
    ? state.categories.filter((category) => !knownCategories.has(category)).join(',')
    : '';
  useEffect(
    function dropUnknownCategories() {
      if (!unknownKey) return;
      addNotice(
        i18n._('This dataset has no category “{category}”, so it was ignored.', {
          category: unknownKey,
        }),
      );
      apply(keepKnownCategories, knownCategories);
    },
    [unknownKey, knownCategories, apply, addNotice],
  );

  const checkedDatasetRef = useRef<Dataset | null>(null);
  useEffect(
    function widenFiltersForLinkedEvent() {
      if (!dataset || checkedDatasetRef.current === dataset) return;
      checkedDatasetRef.current = dataset;
      // Judged by the filters as the category repair above leaves them in the same commit.
      const repaired = keepKnownCategories(state, knownCategories);
      if (!selectedEvent || eventPassesFilter(selectedEvent, repaired)) return;
      addNotice(
        i18n._("“{title}” was outside this link's filters, so they were widened to show it.", {
          title: selectedEvent.title,
        }),
      );
      apply(widenToEvent, selectedEvent, knownCategories.size);
    },
    [dataset, selectedEvent, state, knownCategories, apply, addNotice],
  );
}
