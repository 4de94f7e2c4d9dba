import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { categoryPalette } from '../data/model/categories.ts';
import { isFiltered, type EventFilter } from '../data/model/event-filter.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { buildBins } from '../data/query/histogram.ts';
import type { QueryServer } from '../data/server-view/descriptor.ts';
import type { ClusterBox } from '../data/server-view/server-api.ts';
import { weightsOnBins, yearsWithEvents } from '../data/server-view/server-bins.ts';
import {
  aroundQuery,
  categoriesQuery,
  closestQuery,
  filterKey,
  frameQuery,
  clustersQuery,
  eventQuery,
  exportUrl,
  histogramQuery,
  spotQuery,
  stepRow,
  windowQuery,
  windowSize,
  windowStart,
  windowsCovering,
  type ServerMapView,
} from '../data/server-view/server-queries.ts';
import { EMPTY_URL_STATE, serializeUrl, type UrlState } from '../data/url/url-state.ts';
import { APP_BASE } from '../data/url/use-url-state.ts';
import { useCustomColours } from './custom-colours.ts';

/** The related events whose titles are asked for with the selected event's details. */
const MAX_RELATED_ASKED = 30;
const NO_IDS: readonly string[] = [];
/** Each answer's event (null: not in the dataset; undefined: not known yet). */
const answersOf = (answers: readonly { data: DatasetEvent | null | undefined }[]) =>
  answers.map((answer) => answer.data);

/** A query's failure as an Error the page can say, or null. */
function failure(error: unknown): Error | null {
  if (error === null || error === undefined) return null;
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Everything the page shows of a data server's events under the URL's filter and selection, each
 * part a query of its own (data/server-view/server-queries.ts): the count and the list's windows,
 * the timeline's two histograms, the map's clusters, the selected event and its place.
 */
export function useServerView(
  server: QueryServer,
  state: UrlState,
  /** "Only events in map view": the list (its count, its rows, the selection's place) keeps to it. */
  onlyInMapView = false,
) {
  const { from, to, query, categories, selectedId, params, embed } = state;
  const filter: EventFilter = useMemo(
    () => ({ from, to, query, categories }),
    [from, to, query, categories],
  );
  // The map's view, once it has one: the clusters' question, and the list's box when asked.
  const [mapView, setMapView] = useState<ServerMapView | null>(null);
  const listBounds = (onlyInMapView && mapView?.visible) || null;

  // The list: the window at the top (which also gives the count) and those in view.
  const size = windowSize(server);
  const [rows, setRows] = useState({ first: 0, last: 0 });
  const onRangeChange = useCallback(
    (first: number, last: number) =>
      setRows((current) =>
        current.first === first && current.last === last ? current : { first, last },
      ),
    [],
  );
  const head = useQuery(windowQuery(server, filter, 0, listBounds));
  const offsets = windowsCovering(rows.first, rows.last, size);
  const windows = useQueries({
    queries: offsets.map((offset) => windowQuery(server, filter, offset, listBounds)),
  });
  // The count stays while the next filter's is on its way, so the list does not flash empty.
  const [lastTotal, setLastTotal] = useState<number | null>(null);
  const total = head.data?.total ?? null;
  if (total !== null && total !== lastTotal) setLastTotal(total);
  const eventsByOffset = new Map<number, DatasetEvent[]>();
  offsets.forEach((offset, index) => {
    const events = windows[index]?.data?.events;
    if (events) eventsByOffset.set(offset, events);
  });
  const eventAt = (index: number) =>
    eventsByOffset.get(windowStart(index, size))?.[index - windowStart(index, size)];
  const windowError = windows.find((window) => window.isError);

  // The selected event, its place in the filtered list, and for an unknown id the closest ones.
  const selected = useQuery({
    ...eventQuery(server, selectedId ?? ''),
    enabled: selectedId !== null,
  });
  const selectedEvent = selectedId === null ? null : (selected.data ?? null);
  const around = useQuery({
    ...aroundQuery(server, filter, selectedId ?? '', listBounds),
    enabled: selectedEvent !== null,
  });
  const missing = selectedId !== null && selected.data === null;
  // Its related events, by id: their titles name the links in its details. The first few only:
  // a long list's later links show their ids, and open as any link to an event does.
  const relatedIds = useMemo(
    () =>
      selectedEvent ? [...new Set(selectedEvent.related)].slice(0, MAX_RELATED_ASKED) : NO_IDS,
    [selectedEvent],
  );
  const related = useQueries({
    // The embed shows no details, so it names no related events.
    queries: relatedIds.map((id) => ({ ...eventQuery(server, id), enabled: !embed })),
    combine: answersOf,
  });
  const relatedById = useMemo(
    () => new Map(relatedIds.map((id, index) => [id, related[index]])),
    [relatedIds, related],
  );
  const relatedEvent = useCallback((id: string) => relatedById.get(id), [relatedById]);

  // j and k: the row the keys pressed lead to (server-queries.ts stepRow), fetched if its
  // window is not in view. The row a step went to stands for the selection's place until the
  // server has said it, so that the next key goes on from there.
  const queryClient = useQueryClient();
  const [stepped, setStepped] = useState<{ id: string; key: string; row: number } | null>(null);
  const key = `${filterKey(filter)} ${listBounds?.join(',') ?? ''}`;
  const knownRow = stepped && stepped.id === selectedId && stepped.key === key ? stepped.row : null;
  const position = around.data?.position ?? knownRow;
  const step = useCallback(
    async (moves: readonly (1 | -1)[]): Promise<string | null> => {
      const { total: rows } = await queryClient.fetchQuery(
        windowQuery(server, filter, 0, listBounds),
      );
      // The selection's place: known, or asked now (null when the filters hide it).
      const place =
        selectedId === null
          ? null
          : (position ??
            (await queryClient.fetchQuery(aroundQuery(server, filter, selectedId, listBounds)))
              .position ??
            null);
      const row = stepRow(place, rows, moves);
      if (row === null) return null;
      const offset = windowStart(row, size);
      const answer = await queryClient.fetchQuery(windowQuery(server, filter, offset, listBounds));
      const event = answer.events[row - offset];
      if (!event) return null;
      setStepped({ id: event.id, key, row });
      return event.id;
    },
    [queryClient, server, filter, listBounds, key, size, selectedId, position],
  );

  const closest = useQuery({ ...closestQuery(server, selectedId ?? ''), enabled: missing });

  // Every Retry asks again every question of this view that failed, not only its own part's: a
  // server that was down failed them all, and some (the legend's counts, the results' frame) have
  // no Retry of their own.
  const retryFailed = useCallback(() => {
    void queryClient.refetchQueries({
      queryKey: ['server', server.base],
      type: 'active',
      predicate: (query) => query.state.status === 'error',
    });
  }, [queryClient, server.base]);

  // The timeline: the axis spans the data; every event behind, those the search and categories
  // keep in front (the date range is the brush itself).
  const extent = server.extent;
  const bins = useMemo(() => (extent ? buildBins(extent.first, extent.last) : null), [extent]);
  const axisFilter = (kept: Pick<EventFilter, 'query' | 'categories'>): EventFilter => ({
    from: extent?.first ?? null,
    to: extent?.last ?? null,
    ...kept,
  });
  const allHistogram = useQuery({
    ...histogramQuery(server, axisFilter({ query: '', categories: [] }), bins?.unit ?? 'day'),
    enabled: bins !== null,
  });
  const matchHistogram = useQuery({
    ...histogramQuery(server, axisFilter({ query, categories }), bins?.unit ?? 'day'),
    enabled: bins !== null,
  });
  const timeline = useMemo(() => {
    if (!bins) return null;
    const allWeights = weightsOnBins(bins, allHistogram.data);
    const matchWeights =
      query === '' && categories.length === 0
        ? allWeights
        : weightsOnBins(bins, matchHistogram.data);
    return { bins, allWeights, matchWeights, years: yearsWithEvents(bins, allWeights) };
  }, [bins, allHistogram.data, matchHistogram.data, query, categories]);

  // The map: the clusters in its view, asked for once it has one.
  const clusters = useQuery({
    ...clustersQuery(server, filter, mapView ?? { bbox: [-180, -85, 180, 85], zoom: 2 }),
    enabled: mapView !== null,
  });

  // Where the filter's events are, for the map's first view and "Zoom to results" (servers
  // older than that endpoint leave the map at its opening view, without the button).
  const frame = useQuery({
    ...frameQuery(server, filter),
    enabled: server.endpoints.frame !== null,
  });

  // Categories: the descriptor's, most first (ties as they come in time, as a file's), named and
  // coloured as a loaded dataset's would be, the file's own labels and colours included.
  const allCategories = useMemo(
    () => server.categories.map((entry) => entry.name),
    [server.categories],
  );
  const categoryStyles = server.metadata.categories;
  const palette = useMemo(
    () => categoryPalette(allCategories, server.categoryColumn, categoryStyles),
    [allCategories, server.categoryColumn, categoryStyles],
  );
  useCustomColours(palette.customColours);
  // Under a filter the server counts each category's events (servers older than that endpoint
  // leave the legend at the file's counts, a hidden category at none).
  const filteredCounts = useQuery({
    ...categoriesQuery(server, filter),
    enabled: isFiltered(state) && server.endpoints.categories !== null,
  });
  const shownCounts = isFiltered(state) ? filteredCounts.data?.counts : undefined;
  // Under a search or dates only the server knows the counts: until its first answer (or while it
  // does not answer), none is given rather than the whole file's. Once it has answered, the last
  // filter's counts stay while the next are asked (keepPreviousData, as the timeline's bars).
  const countsUnknown =
    server.endpoints.categories !== null &&
    (filter.query !== '' || filter.from !== null || filter.to !== null);
  const categoryCounts = useMemo(
    () =>
      palette.order(allCategories).map((category) => {
        const count = server.categories.find((entry) => entry.name === category)?.count ?? 0;
        const shown = shownCounts
          ? (shownCounts.get(category) ?? 0)
          : countsUnknown
            ? null
            : categories.length === 0 || categories.includes(category)
              ? count
              : 0;
        return { category, total: count, shown };
      }),
    [palette, allCategories, server.categories, categories, shownCounts, countsUnknown],
  );

  const eventHref = useCallback(
    (id: string) => serializeUrl({ ...EMPTY_URL_STATE, selectedId: id, params, embed }, APP_BASE),
    [params, embed],
  );
  const filtered = isFiltered(state);
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

  const spotEvents = useCallback(
    (box: ClusterBox) => spotQuery(server, filter, box),
    [server, filter],
  );

  return {
    filter,
    /** The list's box on the map, while "Only events in map view" is on and the map has a view. */
    listBounds,
    filtered,
    list: {
      // The last filter's count stands in while this one's is asked, never once asking it failed.
      total: total ?? (head.isError ? null : lastTotal),
      /** The count is for an older filter while the new one's is asked. */
      updating: head.isFetching,
      error: failure(head.error ?? windowError?.error),
      retry: retryFailed,
      eventAt,
      onRangeChange,
    },
    selection: {
      event: selectedEvent,
      loading: selectedId !== null && selected.isPending,
      error: failure(selected.error),
      retry: retryFailed,
      /**
       * Its place in the list: the server's answer, or the row j or k just moved to until that
       * answer comes; null while asked, or when the filters or the map's box hide it.
       */
      position,
      /** The id j or k (direction 1 or -1) moves the selection to; null at an end. */
      step,
      hidden: around.data !== undefined && around.data.position === null,
      missing,
      closest: closest.data ?? [],
      /**
       * A related event by id: null when the server has no such event, undefined while asked
       * (or past the first MAX_RELATED_ASKED).
       */
      related: relatedEvent,
    },
    timeline: {
      data: timeline,
      error: failure(allHistogram.error ?? matchHistogram.error),
      retry: retryFailed,
    },
    map: {
      clusters: clusters.data?.clusters ?? [],
      /** Where the filter's events are; null while asked, or from a server that cannot say. */
      frame: frame.data ?? null,
      /**
       * Asked and not yet answered: the map waits for it before asking for its first clusters,
       * but not through the retries of a failing server.
       */
      framePending: server.endpoints.frame !== null && frame.isPending && frame.failureCount === 0,
      loading: clusters.isFetching,
      error: failure(clusters.error),
      retry: retryFailed,
      onViewChange: setMapView,
      /** The events of a cluster the map cannot split, under the filter: its popup's list. */
      spotQuery: spotEvents,
    },
    categoryCounts,
    /**
     * Why the legend's counts under a search or dates are not known: the page says it, with Retry.
     * Under categories alone the page counts them itself.
     */
    categoryCountsError: countsUnknown ? failure(filteredCounts.error) : null,
    allCategories,
    palette,
    eventHref,
    absoluteEventUrl,
    exportUrls: {
      geojson: exportUrl(server, filter, 'geojson'),
      csv: exportUrl(server, filter, 'csv'),
    },
  };
}

export type ServerView = ReturnType<typeof useServerView>;
