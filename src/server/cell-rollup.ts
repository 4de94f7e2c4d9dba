/**
 * The map's clusters from a rollup of the events by fine cell, which both engines keep
 * (duckdb-engine.ts, clickhouse-engine.ts): their events counted by cell of the map at
 * ROLLUP_ZOOM and category, with their sums of longitude and latitude, their first place in the
 * chronology, and the corners of the box they fill. A view at ROLLUP_ZOOM or wider whose filter is of categories alone (no
 * dates, no search: the view a reader opens on) reads those rows instead of every event
 * (docs/server.md, "Clusters from the rollup"). Days are not in its key: a real dataset's
 * places times its days make nearly a row per event.
 *
 * The answer is the one counting the events gives: the same counts, categories and lone events,
 * and the same means but for the last bits (the sums are added in another order). A fine cell falls in one cell of any
 * wider view, since the cells of a zoom split each cell of the zoom before in four. A view's edge
 * may cut through a fine cell: the box of its events then says whether every event of the cell
 * is in the view (its rows count), or the edge cuts it (its events are counted one by one, for
 * those cells alone).
 */
import type { EventFilter } from '../data/model/event-filter.ts';
import { queryTerms } from '../data/query/search-text.ts';
import { MAX_LATITUDE } from './mercator-sql.ts';
import { cornersOf, type Corners } from './engine.ts';
import type { MapView } from './view-query.ts';

/** A cluster's cell on the map, in screen pixels at the view's zoom (256-pixel tiles). */
export const CELL_PIXELS = 64;
/** The zoom of the rollup's cells: the views at this zoom or wider can read it. */
export const ROLLUP_ZOOM = 8;
/** Fine cells across the world, each way. */
export const ROLLUP_CELLS = (256 * 2 ** ROLLUP_ZOOM) / CELL_PIXELS;
/**
 * A fine cell's number is its row times this plus its column: more than the cells across (twice,
 * a power of two), since an event at longitude 180 (or at the Mercator edge) is in the column
 * (row) past the last.
 */
export const ROW_STRIDE = 2 * ROLLUP_CELLS;

/** An event's fine cell, in SQL over its `longitude` and `mercator_y` (either engine's). */
export const FINE_CELL_ARITHMETIC = `floor(mercator_y * ${ROLLUP_CELLS}) * ${ROW_STRIDE} + floor((longitude + 180) / 360 * ${ROLLUP_CELLS})`;

/**
 * The most rollup rows per event for the rollup to be kept: events spread over many places make
 * nearly a row each, and reading such a rollup and then the cells at a view's edges would be
 * slower than counting the events.
 */
export const CELL_ROLLUP_SHARE = 0.5;

/**
 * The first fine cell of the view's cell holding a fine `cell`, in SQL (the same arithmetic in
 * both engines): a view's cell at `zoom` is a square of fine cells.
 */
export function firstFineCellSql(
  cell: string,
  zoom: number,
  divide: (a: string, b: number) => string,
): string {
  const across = 2 ** (ROLLUP_ZOOM - zoom);
  return `${divide(divide(cell, ROW_STRIDE), across)} * ${across * ROW_STRIDE} + ${divide(`(${cell} % ${ROW_STRIDE})`, across)} * ${across}`;
}

/** Whether the rollup can answer a view's clusters: no dates, no search, a zoom it has cells for. */
export function readsRollup(filter: EventFilter, view: Pick<MapView, 'zoom'>): boolean {
  return (
    filter.from === null &&
    filter.to === null &&
    queryTerms(filter.query).length === 0 &&
    view.zoom <= ROLLUP_ZOOM
  );
}

/** The view's longitudes as a cluster question reads them: every one, one range, or two. */
export type ViewLongitudes =
  | null
  | { west: number; east: number; acrossAntimeridian: false }
  /** Across the antimeridian: longitudes from `west` to 180 and from −180 to `east`. */
  | { west: number; east: number; acrossAntimeridian: true };

/**
 * Longitudes past ±180 wrap, and a west beyond the east crosses the antimeridian: either way the
 * view is every longitude (null), or one or two ranges of real longitudes.
 */
export function viewLongitudes(view: Pick<MapView, 'west' | 'east'>): ViewLongitudes {
  const west = ((((view.west + 180) % 360) + 360) % 360) - 180;
  const width = Math.min(
    360,
    view.east >= view.west ? view.east - view.west : view.east - view.west + 360,
  );
  if (width >= 360) return null;
  const east = west + width;
  return east <= 180
    ? { west, east, acrossAntimeridian: false }
    : { west, east: east - 360, acrossAntimeridian: true };
}

/** An edge of the view, as boxTest asks an engine to write it into the SQL. */
export type ViewEdge = 'south' | 'north' | 'west' | 'east';

/**
 * Whether the box of a rollup row's events (its `south`, `north`, `west`, `east` columns) touches
 * the view, so that some of its events may be in it, or is inside it, so that all are: the view's
 * own tests on the events, at the box's corners, latitudes pinned to the Mercator edge as the
 * events' are. A fine cell never crosses the antimeridian, so its box is one range.
 *
 * `edge` writes one of the view's edges each time the SQL needs it, in the SQL's order: ClickHouse
 * names a query parameter, DuckDB writes `?` and notes which edge's value goes there.
 */
export function boxTest(
  kind: 'touching' | 'inside',
  longitudes: ViewLongitudes,
  edge: (name: ViewEdge) => string,
): string {
  const pinned = (column: string) =>
    `least(greatest(${column}, -${MAX_LATITUDE}), ${MAX_LATITUDE})`;
  // Touching: the box's north at or above the view's south, and so on; inside: the other corners.
  const [low, high] = kind === 'touching' ? ['north', 'south'] : ['south', 'north'];
  const [eastern, western] = kind === 'touching' ? ['east', 'west'] : ['west', 'east'];
  const latitudes = `${pinned(low)} >= ${edge('south')} AND ${pinned(high)} <= ${edge('north')}`;
  // A view as wide as the world passes every longitude, and asks for no longitude edge.
  if (longitudes === null) return latitudes;
  const join = longitudes.acrossAntimeridian ? 'OR' : 'AND';
  const longitudeTest = `${eastern} >= ${edge('west')} ${join} ${western} <= ${edge('east')}`;
  return `${latitudes} AND ${longitudes.acrossAntimeridian ? `(${longitudeTest})` : longitudeTest}`;
}

/** Events of one category in one cell: of the rollup's rows, or of the events counted by cell. */
export interface CellCount {
  /** A fine cell, or the first fine cell of a wider cell. */
  cell: number;
  category: string;
  count: number;
  longitudeSum: number;
  latitudeSum: number;
  /** The first of these events in the chronology. */
  firstOrd: number;
  /** The box these events fill. */
  box: Corners;
}

/**
 * A row of fine cell counts (`cell`, `category`, `in_cell`, the totals, the `first` ord, the
 * corners).
 */
export function cellCountOf(row: Record<string, unknown>): CellCount {
  return {
    cell: Number(row.cell),
    category: String(row.category),
    count: Number(row.in_cell),
    longitudeSum: Number(row.longitude_total),
    latitudeSum: Number(row.latitude_total),
    firstOrd: Number(row.first),
    box: cornersOf(row, 'box'),
  };
}

/** One cluster of the view, before its lone event is named. */
export interface ViewCell {
  count: number;
  longitude: number;
  latitude: number;
  categories: Record<string, number>;
  firstOrd: number;
  /** The box its events fill: a click on the cluster zooms to it. */
  box: Corners;
}

/**
 * Fine cells' counts gathered into the cells of a view at `zoom` (at most ROLLUP_ZOOM), most
 * events first: what the question over every event groups in SQL.
 */
export function viewCells(counts: readonly CellCount[], zoom: number): ViewCell[] {
  const fineCellsPerCell = 2 ** (ROLLUP_ZOOM - zoom);
  const sums = new Map<
    number,
    {
      count: number;
      longitudeSum: number;
      latitudeSum: number;
      /** A Map, not an object: a category may be named `constructor` or `__proto__`. */
      categories: Map<string, number>;
      firstOrd: number;
      box: Corners;
    }
  >();
  for (const entry of counts) {
    const row = Math.floor(entry.cell / ROW_STRIDE);
    const column = entry.cell - row * ROW_STRIDE;
    const key =
      Math.floor(row / fineCellsPerCell) * ROW_STRIDE + Math.floor(column / fineCellsPerCell);
    let sum = sums.get(key);
    if (!sum) {
      sum = {
        count: 0,
        longitudeSum: 0,
        latitudeSum: 0,
        categories: new Map(),
        firstOrd: Infinity,
        box: { ...entry.box },
      };
      sums.set(key, sum);
    }
    const { box } = sum;
    box.south = Math.min(box.south, entry.box.south);
    box.west = Math.min(box.west, entry.box.west);
    box.north = Math.max(box.north, entry.box.north);
    box.east = Math.max(box.east, entry.box.east);
    sum.count += entry.count;
    sum.longitudeSum += entry.longitudeSum;
    sum.latitudeSum += entry.latitudeSum;
    sum.categories.set(entry.category, (sum.categories.get(entry.category) ?? 0) + entry.count);
    sum.firstOrd = Math.min(sum.firstOrd, entry.firstOrd);
  }
  return [...sums.values()]
    .map(({ count, longitudeSum, latitudeSum, categories, firstOrd, box }) => ({
      count,
      longitude: longitudeSum / count,
      latitude: latitudeSum / count,
      categories: Object.fromEntries(categories),
      firstOrd,
      box,
    }))
    .sort((a, b) => b.count - a.count || a.firstOrd - b.firstOrd);
}
