/**
 * The query string of a request to the data server (docs/server.md) read into a filter and the
 * view's own parameters, or refused with a 400 that says which parameter and why. The filter's
 * parameters are the explorer's own (`from`, `to`, `q`, `cat`), read as the explorer reads them.
 */
import { parseIsoDay, type CalendarDay } from '../data/model/calendar-day.ts';
import type { EventFilter } from '../data/model/event-filter.ts';
import type { BinUnit } from '../data/query/histogram.ts';

/** What a request may ask for, at most: a view needs no more, and a hostile request gets no more. */
export const LIMITS = {
  /** Events in one chronology window. */
  windowRows: 500,
  /** Bins of one histogram. */
  bins: 5_000,
  /** Map zoom, as Leaflet counts it. */
  zoom: 22,
  /** Characters of a search. */
  query: 500,
  /** Categories in one filter. */
  categories: 100,
  /** Characters of one parameter's value. */
  value: 2_000,
} as const;

export class BadRequest extends Error {
  override name = 'BadRequest';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = URLSearchParams;

/** A parameter given at most once; a repeated one is a 400 rather than a silent choice. */
export function one(params: Params, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1)
    throw new BadRequest(name, `give "${name}" once, not ${values.length} times`);
  const value = values[0] ?? null;
  if (value !== null && value.length > LIMITS.value)
    throw new BadRequest(name, `"${name}" is longer than ${LIMITS.value} characters`);
  return value;
}

function day(params: Params, name: string): CalendarDay | null {
  const value = one(params, name);
  if (value === null || value === '') return null;
  const parsed = parseIsoDay(value);
  if (parsed === null)
    throw new BadRequest(name, `"${name}" must be a date in the form YYYY-MM-DD`);
  return parsed;
}

/** The filter every view shares: the explorer's own `from`, `to`, `q` and `cat` parameters. */
export function readFilter(params: Params): EventFilter {
  const from = day(params, 'from');
  const to = day(params, 'to');
  if (from !== null && to !== null && from > to)
    throw new BadRequest('to', '"to" is before "from"');
  const query = (one(params, 'q') ?? '').trim();
  if (query.length > LIMITS.query)
    throw new BadRequest('q', `"q" is longer than ${LIMITS.query} characters`);
  const categories = params.getAll('cat');
  if (categories.length > LIMITS.categories)
    throw new BadRequest('cat', `at most ${LIMITS.categories} categories`);
  for (const category of categories) {
    if (category.length > LIMITS.value)
      throw new BadRequest('cat', `a category is longer than ${LIMITS.value} characters`);
  }
  return { from, to, query, categories: [...new Set(categories)] };
}

export function readInteger(
  params: Params,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback?: number },
): number {
  const value = one(params, name);
  if (value === null || value === '') {
    if (fallback !== undefined) return fallback;
    throw new BadRequest(name, `"${name}" is required`);
  }
  if (!/^-?\d{1,9}$/.test(value)) throw new BadRequest(name, `"${name}" must be a whole number`);
  const number = Number(value);
  if (number < min || number > max)
    throw new BadRequest(name, `"${name}" must be between ${min} and ${max}`);
  return number;
}

const BIN_UNITS: readonly BinUnit[] = ['day', 'week', 'month', 'year'];

export function readBinUnit(params: Params): BinUnit | null {
  const value = one(params, 'unit');
  if (value === null || value === '') return null;
  if (!(BIN_UNITS as readonly string[]).includes(value))
    throw new BadRequest('unit', `"unit" must be one of ${BIN_UNITS.join(', ')}`);
  return value as BinUnit;
}

export interface MapView {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

/** `bbox=west,south,east,north` in degrees (west may exceed east across the antimeridian) and `zoom`. */
export function readMapView(params: Params): MapView {
  const bounds = readBounds(params);
  if (bounds === null) throw new BadRequest('bbox', '"bbox" is required: west,south,east,north');
  return { ...bounds, zoom: readInteger(params, 'zoom', { min: 0, max: LIMITS.zoom }) };
}

/** A box on the map, `bbox=west,south,east,north` in degrees; null when not given. */
export function readBounds(params: Params): Omit<MapView, 'zoom'> | null {
  const value = one(params, 'bbox');
  if (value === null) return null;
  const parts = value.split(',');
  const numbers = parts.map((part) =>
    /^-?\d{1,3}(\.\d{1,12})?$/.test(part.trim()) ? Number(part) : NaN,
  );
  const [west = NaN, south = NaN, east = NaN, north = NaN] = numbers;
  if (parts.length !== 4 || numbers.some((number) => !Number.isFinite(number)))
    throw new BadRequest('bbox', '"bbox" must be four numbers: west,south,east,north');
  if (south < -90 || north > 90 || south > north)
    throw new BadRequest('bbox', 'south and north must be latitudes, south below north');
  if (west < -540 || east > 540 || east - west > 720)
    throw new BadRequest('bbox', 'west and east must be longitudes');
  return { west, south, east, north };
}

/**
 * "Only events in map view" as the browser's `isInBounds` decides it (data/query/selectors.ts),
 * for an engine to write: the latitudes, and the longitudes as one range (`west` ≤ `east`), two
 * across the antimeridian (`west` > `east`: at or above west, or at or below east), or none when
 * the box spans the world. Longitudes are normalized to −180…180 as the browser's are, so an
 * event's longitude of 180 counts as −180.
 */
export interface BoundsTest {
  south: number;
  north: number;
  longitudes: { west: number; east: number } | null;
}

function normalizedLongitude(longitude: number): number {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

export function boundsTest(bounds: Omit<MapView, 'zoom'>): BoundsTest {
  return {
    south: bounds.south,
    north: bounds.north,
    longitudes:
      bounds.east - bounds.west >= 360
        ? null
        : { west: normalizedLongitude(bounds.west), east: normalizedLongitude(bounds.east) },
  };
}
