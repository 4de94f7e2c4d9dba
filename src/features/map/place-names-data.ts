/**
 * The place-name files the map's labels are read from, as the build writes them
 * (place-names-reduce.ts, scripts/place-names-plugin.ts) and the page reads them
 * (place-names-layer.ts): country names from Natural Earth, cities and towns from GeoNames.
 *
 * Places are split into zoom bands, so a page loads only the names its zoom can show: the world
 * view needs a few hundred names, a town-level view thousands. A band from which many places are
 * in the world is cut into tiles of a square grid over the Web Mercator world, so a zoomed-in view
 * downloads only the few tiles it covers.
 *
 * A file is JSON: `{ "format": 1, "countries": [...], "places": [...] }`, each row an array so the
 * files stay small: `[name, longitude, latitude, minZoom]` for a country (from which zoom its name
 * fits on its land), `[name, longitude, latitude, rank]` for a place, with a fifth element `1` for a
 * national capital. Rows are sorted by rank, largest first.
 */
export const PLACE_NAMES_FORMAT = 1;

export type CountryRow = [name: string, longitude: number, latitude: number, minZoom: number];
export type PlaceRow =
  | [name: string, longitude: number, latitude: number, rank: number]
  | [name: string, longitude: number, latitude: number, rank: number, capital: 1];

export interface PlaceNamesFile {
  format: typeof PLACE_NAMES_FORMAT;
  countries: CountryRow[];
  places: PlaceRow[];
}

export interface PlaceNameBand {
  /** The band is loaded from this zoom on. */
  minZoom: number;
  /** Places ranked at least this (and below the previous band's minRank) are in the band. */
  minRank: number;
  /** Tiles per side of the grid the band is cut into (1: one file for the world). */
  grid: number;
}

/**
 * Band 0 also holds the countries. The ranks match minRankAt (place-names-candidates.ts): every
 * place a zoom may show is in a band loaded at that zoom. Sizes per band: docs/performance.md.
 */
export const PLACE_NAME_BANDS: readonly PlaceNameBand[] = [
  { minZoom: 0, minRank: 2_000_000, grid: 1 },
  { minZoom: 4, minRank: 250_000, grid: 1 },
  { minZoom: 6, minRank: 50_000, grid: 8 },
  { minZoom: 8, minRank: 15_000, grid: 16 },
];

/** A capital counts as a place this many times its population: news maps name capitals early. */
export const CAPITAL_WEIGHT = 4;

/** The key of the tile holding world point (x, y) in a grid of `grid` tiles per side. */
export function tileKey(x: number, y: number, grid: number): string {
  const clamp = (value: number) => Math.min(grid - 1, Math.max(0, Math.floor(value * grid)));
  return `${clamp(x)}-${clamp(y)}`;
}

/**
 * One name ready to place: where it is in world coordinates (x and y from 0 to 1 across the Web
 * Mercator square, as in outline-data.ts) and how it ranks.
 */
export interface PlaceName {
  text: string;
  kind: 'country' | 'place';
  x: number;
  y: number;
  /** A place's population (a capital's weighted); for a country, the zoom its name fits from. */
  rank: number;
  capital: boolean;
}

function isRow(row: unknown): row is unknown[] {
  return (
    Array.isArray(row) &&
    row.length >= 4 &&
    typeof row[0] === 'string' &&
    row.slice(1, 4).every((value) => typeof value === 'number' && Number.isFinite(value))
  );
}

/** Longitude and latitude to world coordinates (the page passes its map's projection). */
export type ToWorld = (longitude: number, latitude: number) => [number, number];

/**
 * The names in a file, in world coordinates. Throws on anything that is not a place-name file of
 * this format (a cut-off download, a file of an older build), rather than drawing garbage.
 */
export function readPlaceNames(json: unknown, toWorld: ToWorld): PlaceName[] {
  const file = json as Partial<PlaceNamesFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.format !== PLACE_NAMES_FORMAT ||
    !Array.isArray(file.countries) ||
    !Array.isArray(file.places)
  ) {
    throw new Error('Not a place-name file of this version');
  }
  const names: PlaceName[] = [];
  for (const [kind, rows] of [
    ['country', file.countries],
    ['place', file.places],
  ] as const) {
    for (const row of rows as unknown[]) {
      if (!isRow(row)) throw new Error('A place-name file holds a malformed row');
      const [text, longitude, latitude, rank] = row as [string, number, number, number];
      const [x, y] = toWorld(longitude, latitude);
      names.push({ text, kind, x, y, rank, capital: kind === 'place' && row[4] === 1 });
    }
  }
  return names;
}
