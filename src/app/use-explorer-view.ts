import { useCallback, useMemo } from 'react';
import { categoryPalette } from '../data/model/categories.ts';
import { isFiltered } from '../data/model/event-filter.ts';
import type { CategoryStyle, DatasetEvent } from '../data/model/schema.ts';
import { useCustomColours } from './custom-colours.ts';
import { eventsInBounds, type GeoBounds } from '../data/query/selectors.ts';
import { APP_BASE } from '../data/url/use-url-state.ts';
import { EMPTY_URL_STATE, serializeUrl, type UrlState } from '../data/url/url-state.ts';
import { categoryCounter } from '../data/query/category-counts.ts';
import { useExplorerData } from './use-explorer-data.ts';
import { eventText } from '../data/model/translations.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/**
 * What the reader sees of the dataset under the URL's filters and selection: the events listed
 * (in the map view only, when asked), the selected event, the category counts, and the links.
 */
export function useExplorerView(
  state: UrlState,
  allEvents: DatasetEvent[],
  mapViewBounds: GeoBounds | null,
  /** The column an imported file's categories came from, which names bare levels. */
  categoryColumn: string | null = null,
  /** The dataset's own category labels and colours (metadata.categories). */
  categoryStyles: Readonly<Record<string, CategoryStyle>> | undefined = undefined,
  /** The language the dataset's own text is written in (metadata.language), when it says. */
  originalLanguage: string | undefined = undefined,
) {
  const data = useExplorerData(allEvents, state);
  const { selectedId, params, embed } = state;
  const selectedPosition = selectedId === null ? undefined : data.positionById.get(selectedId);
  const selectedEvent =
    selectedPosition === undefined ? null : (allEvents[selectedPosition] ?? null);
  const listedEvents = useMemo(
    () => (mapViewBounds ? eventsInBounds(data.filtered, mapViewBounds) : data.filtered),
    [mapViewBounds, data.filtered],
  );
  const selectedIsListed = useMemo(
    () => selectedEvent === null || listedEvents.includes(selectedEvent),
    [selectedEvent, listedEvents],
  );
  // One pass over the dataset numbers and counts its categories (most frequent first, the order
  // the palette hands out its colours in); every count after that is an array's.
  const counter = useMemo(() => categoryCounter(allEvents), [allEvents]);
  const totalCounts = counter.totals;
  const allCategories = useMemo(() => [...totalCounts.keys()], [totalCounts]);
  /** The categories the dataset has, which a link's may be checked against. */
  const knownCategories = useMemo(() => new Set(allCategories), [allCategories]);
  const palette = useMemo(
    () => categoryPalette(allCategories, categoryColumn, categoryStyles),
    [allCategories, categoryColumn, categoryStyles],
  );
  useCustomColours(palette.customColours);
  const shownCounts = useMemo(() => counter.count(data.filtered), [counter, data.filtered]);
  /** The legend's rows: every category, with how many of its events the filters show. */
  const categoryCounts = useMemo(
    () =>
      palette.order(allCategories).map((category) => ({
        category,
        total: totalCounts.get(category) ?? 0,
        shown: shownCounts.get(category) ?? 0,
      })),
    [totalCounts, palette, allCategories, shownCounts],
  );

  /**
   * An event's own link: its id, plus the dataset if it is not the bundled one, never the filters.
   * Inside a frame it stays the reader view (embed), so a link followed there keeps the frame calm.
   */
  const eventHref = useCallback(
    (id: string) => serializeUrl({ ...EMPTY_URL_STATE, selectedId: id, params, embed }, APP_BASE),
    [params, embed],
  );
  const filtered = isFiltered(state);
  /**
   * The event's absolute address, with this view's filters or without; null when none are set.
   * Always the full view (no embed): a copied link is for sharing, not for another frame.
   */
  const absoluteEventUrl = useCallback(
    (id: string, withFilters: boolean) => {
      if (withFilters && !filtered) return null;
      const href = serializeUrl(
        withFilters
          ? { ...state, selectedId: id, embed: false }
          : { ...EMPTY_URL_STATE, selectedId: id, params },
        APP_BASE,
      );
      return new URL(href, window.location.origin).href;
    },
    [params, state, filtered],
  );
  const eventById = useCallback(
    (id: string) => {
      const position = data.positionById.get(id);
      return position === undefined ? undefined : allEvents[position];
    },
    [data.positionById, allEvents],
  );
  /** An event's title in the reader's language where the data has it, as the list shows it. */
  const titleOf = useCallback(
    (id: string) => {
      const event = eventById(id);
      return event ? eventText(event, i18n.locale, originalLanguage).title : null;
    },
    [eventById, originalLanguage],
  );

  return {
    data,
    filtered,
    selectedEvent,
    selectedIsListed,
    listedEvents,
    categoryCounts,
    allCategories,
    knownCategories,
    palette,
    shownRange: data.extent
      ? { from: state.from ?? data.extent.first, to: state.to ?? data.extent.last }
      : null,
    eventHref,
    absoluteEventUrl,
    titleOf,
    eventById,
  };
}

export type ExplorerView = ReturnType<typeof useExplorerView>;
