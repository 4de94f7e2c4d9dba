/**
 * Which names a view of the map may show, and how each looks: the files its zoom needs, the places
 * large enough for its zoom, and each name as a placement candidate (label-placement.ts).
 */
import type { LabelCandidate } from './label-placement.ts';
import { PLACE_NAME_BANDS, tileKey, type PlaceName } from './place-names-data.ts';
import { NAMED_ZOOM_FLOOR } from './precision.ts';

/**
 * The smallest place named at each zoom (ranks: population, capitals weighted): a world view names
 * the megacities, a regional view the towns. Every band holding such places is loaded from the
 * zoom that needs it (a test checks the two agree).
 */
const MIN_RANK_FROM_ZOOM: readonly [zoom: number, minRank: number][] = [
  [9, 15_000],
  [8, 25_000],
  [7, 50_000],
  [6, 100_000],
  [5, 250_000],
  [4, 700_000],
  [3, 2_000_000],
];
const MIN_RANK_WORLD = 5_000_000;

export function minRankAt(zoom: number): number {
  return MIN_RANK_FROM_ZOOM.find(([from]) => zoom >= from)?.[1] ?? MIN_RANK_WORLD;
}

/** Countries are named before any place until this zoom; from it, as a city of a million. */
const COUNTRIES_FIRST_BELOW_ZOOM = 5;
const COUNTRY_PRIORITY_ZOOMED_IN = 1_000_000;

/** The part of the world a view shows: world coordinates (0 to 1) of its edges. */
export interface WorldBounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The files (band, tile key) a view at this zoom needs, within the bands' grids. */
export function tilesInView(zoom: number, bounds: WorldBounds): { band: number; tile: string }[] {
  const tiles: { band: number; tile: string }[] = [];
  PLACE_NAME_BANDS.forEach(({ minZoom, grid }, band) => {
    if (zoom < minZoom) return;
    const first = (value: number) => Math.max(0, Math.floor(Math.min(1, value) * grid));
    const last = (value: number) => Math.min(grid - 1, Math.floor(Math.max(0, value) * grid));
    for (let row = first(bounds.top); row <= last(bounds.bottom); row += 1) {
      for (let column = first(bounds.left); column <= last(bounds.right); column += 1) {
        tiles.push({ band, tile: tileKey((column + 0.5) / grid, (row + 0.5) / grid, grid) });
      }
    }
  });
  return tiles;
}

export interface LabelStyle {
  /** A CSS font shorthand, without its family. */
  font: string;
  /** Extra room between letters, in pixels (countries are spaced capitals). */
  letterSpacing: number;
  /** Pixels from the text's top to its bottom, as placed. */
  height: number;
  tone: 'country' | 'city' | 'town';
  /** 0 for no dot. */
  dotRadius: number;
}

const COUNTRY_STYLE: LabelStyle = {
  font: '600 11px',
  letterSpacing: 1.3,
  height: 13,
  tone: 'country',
  dotRadius: 0,
};

/** The type follows the place's size: the big cities stand out, towns stay quiet. */
export function labelStyle(name: PlaceName): LabelStyle {
  if (name.kind === 'country') return COUNTRY_STYLE;
  const dotRadius = name.capital ? 3.5 : 2.5;
  if (name.rank >= 5_000_000) {
    return { font: '600 13px', letterSpacing: 0, height: 15, tone: 'city', dotRadius };
  }
  if (name.rank >= 1_000_000) {
    return { font: '600 12px', letterSpacing: 0, height: 14, tone: 'city', dotRadius };
  }
  if (name.rank >= 100_000) {
    return { font: '500 12px', letterSpacing: 0, height: 14, tone: 'city', dotRadius };
  }
  return { font: '400 11px', letterSpacing: 0, height: 13, tone: 'town', dotRadius };
}

/** The text drawn for a name: countries in capitals. */
export function labelText(name: PlaceName): string {
  return name.kind === 'country' ? name.text.toLocaleUpperCase('en') : name.text;
}

/** Where a view is: pixels per world unit, and the world pixel at the view's top left. */
export interface ViewWindow {
  scale: number;
  left: number;
  top: number;
  width: number;
  height: number;
  zoom: number;
}

export interface NameCandidate extends LabelCandidate {
  name: PlaceName;
  style: LabelStyle;
  text: string;
}

/** The earth's circumference at the equator, in metres (Web Mercator's sphere). */
const EQUATOR_METRES = 40_075_016.686;
/**
 * A name beside a marker reads "this is there": said of a city and its surroundings, not of a
 * place a country away. So a marker stands in for a place only within this distance on the ground.
 */
const STAND_IN_METRES = 50_000;

/**
 * How near a marker's middle a place at Mercator `y` (0 at the top of the world, 1 at the bottom)
 * must be, in pixels at `scale` (pixels per world unit), for the marker to stand in for its dot:
 * the pixels STAND_IN_METRES spans there (label-placement.ts limits a cluster further); 0 (never)
 * where that is under a pixel, as in a world view, where no place can be told from a marker's
 * middle.
 */
export function standInReach(y: number, scale: number): number {
  const cosLatitude = 1 / Math.cosh(Math.PI * (1 - 2 * y));
  const metresPerPixel = (EQUATOR_METRES * cosLatitude) / scale;
  const reach = STAND_IN_METRES / metresPerPixel;
  return reach < 1 ? 0 : reach;
}

/**
 * The names this view may show, as placement candidates: points in view, places large enough for
 * the zoom, countries whose name fits. `measure` gives a text's width in its style.
 */
export function nameCandidates(
  names: readonly PlaceName[],
  view: ViewWindow,
  measure: (text: string, style: LabelStyle) => number,
): NameCandidate[] {
  const minRank = minRankAt(view.zoom);
  const countriesFirst = view.zoom < COUNTRIES_FIRST_BELOW_ZOOM;
  const candidates: NameCandidate[] = [];
  names.forEach((name, index) => {
    if (name.kind === 'country' ? name.rank > view.zoom : name.rank < minRank) return;
    const x = name.x * view.scale - view.left;
    const y = name.y * view.scale - view.top;
    if (x < 0 || y < 0 || x > view.width || y > view.height) return;
    const style = labelStyle(name);
    const text = labelText(name);
    const priority =
      name.kind === 'place'
        ? name.rank
        : countriesFirst
          ? Number.MAX_SAFE_INTEGER - index
          : COUNTRY_PRIORITY_ZOOMED_IN;
    candidates.push({
      key: name.text,
      x,
      y,
      width: measure(text, style),
      height: style.height,
      dotRadius: style.dotRadius,
      priority,
      standInReach: standInReach(name.y, view.scale),
      name,
      style,
      text,
    });
  });
  return candidates;
}

/**
 * How far a view reaches from its centre each way, in pixels, clear of the map's controls and
 * legend (fit-events.tsx fitPadding).
 */
export interface RoomAround {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Less room than this either way is no view to choose a zoom by (a map not laid out yet). */
const LEAST_ROOM = 24;

/**
 * The closest zoom, from `from` out to `floor` a whole step at a time, at which a place named at
 * that zoom (minRankAt) lies in the `room` around `point` (world coordinates), so that a reader
 * can tell where the point is; `floor` when there is none even there (coasts and borders then say
 * where), `from` when the room is too small to judge.
 */
export function closestZoomNamingAPlace(
  names: readonly PlaceName[],
  point: readonly [x: number, y: number],
  room: RoomAround,
  from: number,
  floor = NAMED_ZOOM_FLOOR,
): number {
  if (Math.min(room.left, room.top, room.right, room.bottom) < LEAST_ROOM) return from;
  const [x, y] = point;
  for (let zoom = from; zoom > floor; zoom -= 1) {
    const scale = 256 * 2 ** zoom;
    const minRank = minRankAt(zoom);
    const named = names.some((name) => {
      if (name.kind !== 'place' || name.rank < minRank) return false;
      const [dx, dy] = [(name.x - x) * scale, (name.y - y) * scale];
      return dx >= -room.left && dx <= room.right && dy >= -room.top && dy <= room.bottom;
    });
    if (named) return zoom;
  }
  return Math.min(from, floor);
}
