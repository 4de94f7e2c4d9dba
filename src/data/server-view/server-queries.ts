/**
 * The TanStack Query options for each view the explorer asks the data server for, keyed by the
 * view itself (the filter, and the bin unit, the map's box and zoom, or the window's offset), so
 * the same view asked twice is answered from the cache, and a view left behind is cancelled: every
 * query function hands TanStack Query's `signal` to fetch.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { EventFilter } from '../model/event-filter.ts';
import type { BinUnit } from '../query/histogram.ts';
import type { QueryServer } from './descriptor.ts';
import {
  endpointUrl,
  fetchAnswer,
  filterParams,
  readCategoryCounts,
  readClosest,
  readClusters,
  readEvent,
  readFrame,
  readHistogram,
  readWindow,
  ServerAnswerError,
  type ClusterBox,
} from './server-api.ts';

/** Views do not change under a running server: a minute before one is asked again. */
const VIEW_STALE_MS = 60_000;

/** The filter as a key: its parameters, so equal filters share an entry whatever their identity. */
export function filterKey(filter: EventFilter): string {
  return filterParams(filter).toString();
}

/** A bad request or a missing event will answer the same again; a dropped connection may not. */
function retryView(failureCount: number, error: unknown): boolean {
  return (
    !(error instanceof ServerAnswerError && error.status >= 400 && error.status < 500) &&
    failureCount < 1
  );
}

const common = { staleTime: VIEW_STALE_MS, retry: retryView } as const;

export function histogramQuery(server: QueryServer, filter: EventFilter, unit: BinUnit) {
  const params = filterParams(filter);
  params.set('unit', unit);
  return queryOptions({
    queryKey: ['server', server.base, 'histogram', filterKey(filter), unit],
    queryFn: async ({ signal }) =>
      readHistogram(await fetchAnswer(endpointUrl(server, 'histogram', params), signal)),
    placeholderData: keepPreviousData,
    ...common,
  });
}

/** The map's view: west, south, east, north in degrees, and the zoom, whole. */
export interface ServerMapView {
  bbox: readonly [number, number, number, number];
  zoom: number;
  /** What the reader sees, without the margin `bbox` adds for the markers at the edges. */
  visible?: readonly [number, number, number, number];
}

/** The list's box on the map ("Only events in map view"): west, south, east, north. */
export type ListBounds = readonly [number, number, number, number];

/**
 * A box as the server reads it: a map zoomed out past one world, or panned round it, has
 * longitudes far beyond ±180 that the server refuses; the same box is sent as the whole world, or
 * moved by whole turns so that its west side is within −180…180. Degrees to a micro-degree,
 * latitudes within ±90.
 */
export function boxParam([west, south, east, north]: ListBounds): string {
  const wholeWorld = east - west >= 360;
  const turns = Math.floor((west + 180) / 360) * 360;
  const box = wholeWorld ? [-180, south, 180, north] : [west - turns, south, east - turns, north];
  const [boxWest = -180, boxSouth = -90, boxEast = 180, boxNorth = 90] = box;
  return [boxWest, Math.max(-90, boxSouth), boxEast, Math.min(90, boxNorth)]
    .map((value) => Number(value.toFixed(6)))
    .join(',');
}

/**
 * The box rounded outwards to a grid finer than a cell (1/8 of 64 px at that zoom), so that a
 * map nudged by a pixel asks the same question and hits the cache.
 */
export function roundedView(view: ServerMapView): ServerMapView {
  const zoom = Math.max(0, Math.min(22, Math.round(view.zoom)));
  const step = 360 / (2 ** zoom * 32);
  const [west, south, east, north] = view.bbox;
  const down = (value: number) => Math.floor(value / step) * step;
  const up = (value: number) => Math.ceil(value / step) * step;
  return {
    bbox: [down(west), Math.max(-90, down(south)), up(east), Math.min(90, up(north))],
    zoom,
  };
}

export function clustersQuery(server: QueryServer, filter: EventFilter, view: ServerMapView) {
  const { bbox, zoom } = roundedView(view);
  const params = filterParams(filter);
  params.set('bbox', boxParam(bbox));
  params.set('zoom', String(zoom));
  return queryOptions({
    queryKey: ['server', server.base, 'clusters', filterKey(filter), params.get('bbox'), zoom],
    queryFn: async ({ signal }) =>
      readClusters(await fetchAnswer(endpointUrl(server, 'clusters', params), signal)),
    placeholderData: keepPreviousData,
    ...common,
  });
}

/**
 * A question of the filter alone, whose last answer stands in while the next filter's is asked:
 * the legend's counts do not blank, and "Zoom to results" stays put while the reader types.
 */
function filterOnlyQuery<T>(
  server: QueryServer,
  filter: EventFilter,
  endpoint: 'categories' | 'frame',
  read: (body: unknown) => T,
) {
  const params = filterParams(filter);
  return queryOptions({
    queryKey: ['server', server.base, endpoint, filterKey(filter)],
    queryFn: async ({ signal }) =>
      read(await fetchAnswer(endpointUrl(server, endpoint, params), signal)),
    placeholderData: keepPreviousData,
    ...common,
  });
}

/** How many events of each category pass the filter: the legend's counts. */
export function categoriesQuery(server: QueryServer, filter: EventFilter) {
  return filterOnlyQuery(server, filter, 'categories', readCategoryCounts);
}

/** Where the events passing the filter are: the map's first view and "Zoom to results". */
export function frameQuery(server: QueryServer, filter: EventFilter) {
  return filterOnlyQuery(server, filter, 'frame', readFrame);
}

/** Rows per window of the chronology: a few screens, well under the server's limit. */
export function windowSize(server: QueryServer): number {
  return Math.min(100, server.windowRows);
}

/** The window holding the row at `index`, as its first row's offset. */
export function windowStart(index: number, size: number): number {
  return Math.floor(index / size) * size;
}

/**
 * The row j and k move the selection to in a list of `total` rows, as over a file
 * (explorer-actions.ts `stepSelection`), one key at a time: from no place in the list (nothing
 * selected, or the selection hidden by the filters) to the first or the last row; otherwise one
 * row on, holding at the ends. `moves` are the keys pressed since the selection last changed (keys
 * pressed faster than the server answers: j j is two rows on). Null when there is nowhere to go.
 */
export function stepRow(
  position: number | null,
  total: number,
  moves: readonly (1 | -1)[],
): number | null {
  if (total <= 0) return null;
  let row = position;
  for (const move of moves)
    row =
      row === null ? (move === 1 ? 0 : total - 1) : Math.min(Math.max(row + move, 0), total - 1);
  return row === position ? null : row;
}

/** The windows that cover rows `first` to `last`, as their offsets. */
export function windowsCovering(first: number, last: number, size: number): number[] {
  const offsets: number[] = [];
  for (let offset = windowStart(Math.max(0, first), size); offset <= last; offset += size)
    offsets.push(offset);
  return offsets;
}

export function windowQuery(
  server: QueryServer,
  filter: EventFilter,
  offset: number,
  bounds: ListBounds | null = null,
) {
  const params = filterParams(filter);
  if (bounds) params.set('bbox', boxParam(bounds));
  params.set('offset', String(offset));
  params.set('limit', String(windowSize(server)));
  return queryOptions({
    queryKey: ['server', server.base, 'window', filterKey(filter), params.get('bbox'), offset],
    queryFn: async ({ signal }) =>
      readWindow(await fetchAnswer(endpointUrl(server, 'window', params), signal)),
    ...common,
  });
}

/**
 * How far a cluster's box is widened for the list of its events: boxParam writes degrees to a
 * micro-degree, and rounding to the nearest could leave out the events on the box's very edge.
 */
const SPOT_MARGIN = 1e-6;

/**
 * The box that holds a cluster's events once written as the server reads it: widened by a
 * micro-degree each way (about 11 cm), and kept within ±180° so that a spot on the
 * antimeridian is not read as a box across it.
 */
export function spotBounds([west, south, east, north]: ClusterBox): ListBounds {
  return [
    Math.max(-180, west - SPOT_MARGIN),
    south - SPOT_MARGIN,
    Math.min(180, east + SPOT_MARGIN),
    north + SPOT_MARGIN,
  ];
}

/**
 * The events of a cluster the map cannot split (one spot, or the closest zoom), a window at a
 * time in the chronology's order: the list its popup shows, with the total under the filter.
 */
export function spotQuery(server: QueryServer, filter: EventFilter, box: ClusterBox) {
  const params = filterParams(filter);
  params.set('bbox', boxParam(spotBounds(box)));
  params.set('limit', String(windowSize(server)));
  return infiniteQueryOptions({
    queryKey: ['server', server.base, 'spot', filterKey(filter), params.get('bbox')],
    queryFn: async ({ signal, pageParam }) => {
      const page = new URLSearchParams(params);
      page.set('offset', String(pageParam));
      return readWindow(await fetchAnswer(endpointUrl(server, 'window', page), signal));
    },
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.events.length;
      return last.events.length > 0 && next < last.total ? next : undefined;
    },
    ...common,
  });
}

/** Where the selected event stands in the filtered chronology (`position`, null when hidden). */
export function aroundQuery(
  server: QueryServer,
  filter: EventFilter,
  id: string,
  bounds: ListBounds | null = null,
) {
  const params = filterParams(filter);
  if (bounds) params.set('bbox', boxParam(bounds));
  params.set('around', id);
  params.set('limit', '1');
  return queryOptions({
    queryKey: ['server', server.base, 'around', filterKey(filter), params.get('bbox'), id],
    queryFn: async ({ signal }) =>
      readWindow(await fetchAnswer(endpointUrl(server, 'window', params), signal)),
    ...common,
  });
}

/** One event by its id; null for an id the dataset does not have (the server's 404). */
export function eventQuery(server: QueryServer, id: string) {
  return queryOptions({
    queryKey: ['server', server.base, 'event', id],
    queryFn: async ({ signal }) => {
      try {
        return readEvent(
          await fetchAnswer(endpointUrl(server, 'event', new URLSearchParams(), id), signal),
        );
      } catch (error) {
        if (error instanceof ServerAnswerError && error.status === 404) return null;
        throw error;
      }
    },
    ...common,
    staleTime: Infinity,
  });
}

export function closestQuery(server: QueryServer, id: string) {
  return queryOptions({
    queryKey: ['server', server.base, 'closest', id],
    queryFn: async ({ signal }) =>
      readClosest(
        await fetchAnswer(endpointUrl(server, 'closest', new URLSearchParams({ id })), signal),
      ),
    ...common,
    staleTime: Infinity,
  });
}

/** The streamed export of the filtered events: a plain link the browser downloads. */
export function exportUrl(server: QueryServer, filter: EventFilter, format: 'geojson' | 'csv') {
  const params = filterParams(filter);
  params.set('format', format);
  return endpointUrl(server, 'export', params);
}
