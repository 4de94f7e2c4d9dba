/**
 * Clustering on a screen grid. Each event's Web Mercator position is worked out once per set of
 * events (a change of data or filter: one pass); each view
 * then drops the events it holds into cells of 64 × 64 screen pixels, and a cell holding more than
 * one becomes a cluster at their mean position. No hierarchy is built, so changing a filter costs
 * one pass instead of rebuilding a hierarchy, which was slow at 100,000 events, and the grid is
 * anchored to the world, so clusters stay put while the map pans.
 */
import type { DatasetEvent } from '../../data/model/schema.ts';

const MAX_CLUSTER_ZOOM = 16;
/** The cell's side in screen pixels: clusters are never much closer than this. */
const CELL_SIZE = 64;
const MAX_LATITUDE = 85.0511287798;

export type MapItem =
  | { kind: 'event'; event: DatasetEvent }
  | {
      kind: 'cluster';
      /** The cell, unique at this zoom level. */
      clusterId: number;
      /** The whole zoom level the cell belongs to. */
      level: number;
      count: number;
      longitude: number;
      latitude: number;
      /** The zoom at which the cluster's events spread over more than one cell; null when they
       * share one spot (or nearly), so zooming cannot split them and the map lists them instead. */
      expansionZoom: number | null;
      /** True when the selected event was taken out of this cluster (it is drawn on its own). */
      withoutSelected: boolean;
    };

export interface ClusteredEvents {
  events: DatasetEvent[];
  /** Web Mercator x and y of each event, from 0 to 1 across the world. */
  x: Float64Array;
  y: Float64Array;
}

function mercatorX(longitude: number): number {
  return (longitude + 180) / 360;
}

function mercatorY(latitude: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

function longitudeOf(x: number): number {
  return x * 360 - 180;
}

function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

export function buildClusterIndex(events: DatasetEvent[]): ClusteredEvents {
  const x = new Float64Array(events.length);
  const y = new Float64Array(events.length);
  events.forEach((event, index) => {
    x[index] = mercatorX(event.longitude);
    y[index] = mercatorY(event.latitude);
  });
  return { events, x, y };
}

export type BoundingBox = [west: number, south: number, east: number, north: number];

function cellsPerWorld(level: number): number {
  return (256 * 2 ** level) / CELL_SIZE;
}

/** Cell keys fit in a double exactly: 2^20 cells a side is far past the deepest zoom. */
const ROW = 2 ** 21;

interface Cell {
  count: number;
  first: number;
  sumX: number;
  sumY: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The first zoom at which points spread over `extent` (in world units) fill more than one cell. */
function splittingZoom(extent: number, level: number): number | null {
  if (extent <= 0) return null;
  const zoom = Math.max(level + 1, Math.floor(Math.log2(CELL_SIZE / (256 * extent))) + 1);
  return zoom > MAX_CLUSTER_ZOOM ? null : zoom;
}

/**
 * What the map shows for a view: single events and clusters, never more than the view holds. The
 * selected event is left out of every cluster (it is drawn on its own, on top): the cell it sat in
 * counts one less, or gives way to the one event left in it.
 */
export function itemsInView(
  { events, x, y }: ClusteredEvents,
  bbox: BoundingBox,
  zoom: number,
  selected: DatasetEvent | null = null,
): MapItem[] {
  // Fractional zooms take the coarser level: clusters are then never closer than a cell on screen.
  const level = Math.max(0, Math.floor(zoom));
  const scale = cellsPerWorld(level);
  const [west, south, east, north] = bbox;
  const x0 = west <= -180 ? 0 : mercatorX(west);
  const x1 = east >= 180 ? 1 : mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const selectedId = selected?.id ?? null;
  const selectedKey =
    selected === null
      ? -1
      : Math.floor(mercatorX(selected.longitude) * scale) * ROW +
        Math.floor(mercatorY(selected.latitude) * scale);

  const cells = new Map<number, Cell>();
  for (let index = 0; index < events.length; index += 1) {
    const px = x[index] ?? 0;
    const py = y[index] ?? 0;
    if (px < x0 || px > x1 || py < y0 || py > y1) continue;
    if (selectedId !== null && events[index]?.id === selectedId) continue;
    const key = Math.floor(px * scale) * ROW + Math.floor(py * scale);
    const cell = cells.get(key);
    if (cell) {
      cell.count += 1;
      cell.sumX += px;
      cell.sumY += py;
      if (px < cell.minX) cell.minX = px;
      if (px > cell.maxX) cell.maxX = px;
      if (py < cell.minY) cell.minY = py;
      if (py > cell.maxY) cell.maxY = py;
    } else {
      cells.set(key, {
        count: 1,
        first: index,
        sumX: px,
        sumY: py,
        minX: px,
        maxX: px,
        minY: py,
        maxY: py,
      });
    }
  }

  const items: MapItem[] = [];
  for (const [key, cell] of cells) {
    const event = events[cell.first];
    if (cell.count === 1 && event) {
      items.push({ kind: 'event', event });
      continue;
    }
    items.push({
      kind: 'cluster',
      clusterId: key,
      level,
      count: cell.count,
      longitude: longitudeOf(cell.sumX / cell.count),
      latitude: latitudeOf(cell.sumY / cell.count),
      expansionZoom: splittingZoom(Math.max(cell.maxX - cell.minX, cell.maxY - cell.minY), level),
      withoutSelected: key === selectedKey,
    });
  }
  return items;
}

/** The events of a cluster, in chronological order, leaving out one (the selected event). */
export function clusterEvents(
  { events, x, y }: ClusteredEvents,
  cluster: { clusterId: number; level: number },
  leaveOut: string | null = null,
): DatasetEvent[] {
  const scale = cellsPerWorld(cluster.level);
  const members: DatasetEvent[] = [];
  events.forEach((event, index) => {
    const key = Math.floor((x[index] ?? 0) * scale) * ROW + Math.floor((y[index] ?? 0) * scale);
    if (key === cluster.clusterId && event.id !== leaveOut) members.push(event);
  });
  return members.sort((a, b) => a.date.start - b.date.start || (a.id < b.id ? -1 : 1));
}
