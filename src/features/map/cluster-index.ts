/**
 * Clustering on a screen grid, then merging what is still too close. Each event's Web Mercator
 * position and category number are worked out once per set of events (a change of data or filter:
 * one pass); each view then drops the events it holds into cells of 64 × 64 screen pixels, counting
 * each cell's categories as it goes, and merges cells whose circles would touch
 * (cluster-merge.ts). A group of more than one event becomes a cluster. No hierarchy is built, so
 * changing a filter costs one pass instead of rebuilding a hierarchy, which was slow at 100,000
 * events, and the grid is anchored to the world, so clusters stay put while the map pans.
 */
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { CategoryCount } from './cluster-mix.ts';
import { mergeTouching } from './cluster-merge.ts';
import { TARGET } from './cluster-size.ts';

const MAX_CLUSTER_ZOOM = 16;
/** The cell's side in screen pixels. */
const CELL_SIZE = 64;
const MAX_LATITUDE = 85.0511287798;
/**
 * Categories counted apart in each cell; a dataset with more counts those met last together in the
 * last number, so the per-view pass stays a typed-array increment per event however many there are.
 */
const MAX_CATEGORIES = 32;

export type MapItem =
  | {
      kind: 'event';
      event: DatasetEvent;
      /** Pixels the marker is moved by to stay clear of the selected one; null when it is not. */
      offset: readonly [number, number] | null;
    }
  | {
      kind: 'cluster';
      /** The leading cell, unique at this zoom level: with `level`, the cluster's key. */
      clusterId: number;
      /** The whole zoom level the cells belong to. */
      level: number;
      /** The grid cells merged into this cluster, to find its events again. */
      cells: number[];
      count: number;
      /** Where the cluster is drawn: its events' mean, or moved aside from the selected marker. */
      longitude: number;
      latitude: number;
      /** The box round its events: a click zooms to it. */
      bounds: BoundingBox;
      /** The zoom at which the cluster's events spread over more than one cell; null when they
       * share one spot (or nearly), so zooming cannot split them and the map lists them instead. */
      expansionZoom: number | null;
      /** Its events by category, largest first. */
      mix: CategoryCount[];
    };

export interface ClusteredEvents {
  events: DatasetEvent[];
  /** Web Mercator x and y of each event, from 0 to 1 across the world. */
  x: Float64Array;
  y: Float64Array;
  /** Each event's category as a number, in the order they are first met. */
  category: Uint8Array;
  /** The category of each number; null for those past the 31st, counted together. */
  categories: (string | null)[];
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
  const category = new Uint8Array(events.length);
  const numbers = new Map<string, number>();
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    if (!event) continue;
    x[index] = mercatorX(event.longitude);
    y[index] = mercatorY(event.latitude);
    // Numbered as first met: one lookup per event, in the loop that reads its position anyway.
    let number = numbers.get(event.category);
    if (number === undefined) {
      number = Math.min(numbers.size, MAX_CATEGORIES - 1);
      numbers.set(event.category, number);
    }
    category[index] = number;
  }
  const categories: (string | null)[] = [...numbers.keys()];
  if (categories.length > MAX_CATEGORIES) categories.splice(MAX_CATEGORIES - 1, Infinity, null);
  return { events, x, y, category, categories };
}

export type BoundingBox = [west: number, south: number, east: number, north: number];

function cellsPerWorld(level: number): number {
  return (256 * 2 ** level) / CELL_SIZE;
}

/** Cell keys fit in a double exactly: 2^20 cells a side is far past the deepest zoom. */
const ROW = 2 ** 21;

interface Cell {
  key: number;
  count: number;
  first: number;
  sumX: number;
  sumY: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Events per category number. */
  mix: Uint32Array;
}

/**
 * The zoom a click on a cluster goes to: where its events spread over two cells, since neighbours
 * one cell apart may still merge; null when even the deepest zoom keeps them in one cell.
 */
function splittingZoom(extent: number, level: number): number | null {
  if (extent <= 0) return null;
  const zoom = Math.max(level + 1, Math.floor(Math.log2(CELL_SIZE / (256 * extent))) + 1);
  return zoom > MAX_CLUSTER_ZOOM ? null : Math.max(level + 1, zoom + 1);
}

/**
 * What the map shows for a view: single events and clusters, never more than the view holds, no
 * two of their circles touching. The selected event is left out of every cluster (it is drawn on
 * its own, on top): the cell it sat in counts one less, or gives way to the one event left in it,
 * and whatever would lie under it is moved aside.
 */
export function itemsInView(
  { events, x, y, category, categories }: ClusteredEvents,
  bbox: BoundingBox,
  zoom: number,
  selected: DatasetEvent | null = null,
): MapItem[] {
  // Fractional zooms take the coarser level for the grid; the merge measures at the true zoom.
  const level = Math.max(0, Math.floor(zoom));
  const scale = cellsPerWorld(level);
  const pixels = 256 * 2 ** zoom;
  const [west, south, east, north] = bbox;
  const x0 = west <= -180 ? 0 : mercatorX(west);
  const x1 = east >= 180 ? 1 : mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const selectedId = selected?.id ?? null;
  const selectedX = selected ? mercatorX(selected.longitude) : -1;
  const selectedY = selected ? mercatorY(selected.latitude) : -1;
  const kinds = categories.length;

  const cells = new Map<number, Cell>();
  for (let index = 0; index < events.length; index += 1) {
    const px = x[index] ?? 0;
    const py = y[index] ?? 0;
    if (px < x0 || px > x1 || py < y0 || py > y1) continue;
    // Positions first: reading every event's id would cost a memory load per event.
    if (px === selectedX && py === selectedY && events[index]?.id === selectedId) continue;
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
      const kind = category[index] ?? 0;
      cell.mix[kind] = (cell.mix[kind] ?? 0) + 1;
    } else {
      const mix = new Uint32Array(kinds);
      mix[category[index] ?? 0] = 1;
      cells.set(key, {
        key,
        count: 1,
        first: index,
        sumX: px,
        sumY: py,
        minX: px,
        maxX: px,
        minY: py,
        maxY: py,
        mix,
      });
    }
  }

  const grid = [...cells.values()];
  const merged = mergeTouching(
    {
      x: grid.map((cell) => (cell.sumX / cell.count) * pixels),
      y: grid.map((cell) => (cell.sumY / cell.count) * pixels),
      count: grid.map((cell) => cell.count),
    },
    selected && { x: selectedX * pixels, y: selectedY * pixels, radius: TARGET / 2 },
  );

  // Each merged group gathers its cells' boxes and categories into its leading cell's.
  const members = new Map<Cell, Cell[]>();
  grid.forEach((cell, index) => {
    const leader = grid[merged.leader[index] ?? index] ?? cell;
    const group = members.get(leader);
    if (group) group.push(cell);
    else members.set(leader, [cell]);
  });

  const items: MapItem[] = [];
  grid.forEach((lead, index) => {
    const group = members.get(lead);
    if (!group) return;
    const shownX = merged.shownX[index] ?? 0;
    const shownY = merged.shownY[index] ?? 0;
    const event = events[lead.first];
    if (group.length === 1 && lead.count === 1 && event) {
      const dx = Math.round(shownX - lead.sumX * pixels);
      const dy = Math.round(shownY - lead.sumY * pixels);
      items.push({ kind: 'event', event, offset: dx === 0 && dy === 0 ? null : [dx, dy] });
      return;
    }
    let [minX, maxX, minY, maxY, count] = [1, 0, 1, 0, 0];
    const mix = new Uint32Array(kinds);
    for (const cell of group) {
      minX = Math.min(minX, cell.minX);
      maxX = Math.max(maxX, cell.maxX);
      minY = Math.min(minY, cell.minY);
      maxY = Math.max(maxY, cell.maxY);
      count += cell.count;
      cell.mix.forEach((part, kind) => (mix[kind] = (mix[kind] ?? 0) + part));
    }
    items.push({
      kind: 'cluster',
      clusterId: lead.key,
      level,
      cells: group.map((cell) => cell.key),
      count,
      longitude: longitudeOf(shownX / pixels),
      latitude: latitudeOf(shownY / pixels),
      bounds: [longitudeOf(minX), latitudeOf(maxY), longitudeOf(maxX), latitudeOf(minY)],
      expansionZoom: splittingZoom(Math.max(maxX - minX, maxY - minY), level),
      mix: Array.from(mix, (part, kind) => ({ category: categories[kind] ?? null, count: part }))
        .filter((part) => part.count > 0)
        .sort((a, b) => b.count - a.count),
    });
  });
  return items;
}

/** The events of a cluster, in chronological order, leaving out one (the selected event). */
export function clusterEvents(
  { events, x, y }: ClusteredEvents,
  cluster: { cells: readonly number[]; level: number },
  leaveOut: string | null = null,
): DatasetEvent[] {
  const scale = cellsPerWorld(cluster.level);
  const cells = new Set(cluster.cells);
  const members: DatasetEvent[] = [];
  events.forEach((event, index) => {
    const key = Math.floor((x[index] ?? 0) * scale) * ROW + Math.floor((y[index] ?? 0) * scale);
    if (cells.has(key) && event.id !== leaveOut) members.push(event);
  });
  return members.sort((a, b) => a.date.start - b.date.start || (a.id < b.id ? -1 : 1));
}
