import type { LocationPrecision } from '../../data/model/schema.ts';

/**
 * How far from its point an event may really be, drawn as a halo so a city-level event does not
 * claim a street. Radii in metres, chosen to cover a typical city, region or small country.
 */
const PRECISION_RADIUS_M: Record<LocationPrecision, number> = {
  exact: 0,
  city: 12_000,
  region: 60_000,
  country: 220_000,
};

/**
 * How much of the view's shorter side the halo's diameter fills when the map shows the event: a
 * city with the towns around it, a region, a whole country framed.
 */
const VIEW_SHARE: Record<Exclude<LocationPrecision, 'exact'>, number> = {
  city: 0.3,
  region: 0.5,
  country: 0.8,
};

/** The closest the map comes to an exactly placed event: streets, not single buildings. */
const EXACT_ZOOM = 12;
const METRES_PER_DEGREE = 111_320;
/** Metres per screen pixel at the equator at zoom 0 (Web Mercator, 256-pixel tiles). */
const EQUATOR_METRES_PER_PIXEL = 156_543.03;

/** A halo's radius on screen, in pixels, at `zoom`. */
export function haloRadiusPixels(radiusMetres: number, latitude: number, zoom: number): number {
  const metresPerPixel =
    (EQUATOR_METRES_PER_PIXEL * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoom;
  return radiusMetres / metresPerPixel;
}

export function precisionRadius(precision: LocationPrecision | null): number {
  return precision === null ? 0 : PRECISION_RADIUS_M[precision];
}

/**
 * The closest zoom that still shows what an event's precision supports, for a view whose shorter
 * side is `viewSide` pixels: a country-level event frames its country, a city-level one stops at
 * city scale. In half steps, as the map snaps.
 */
export function precisionZoom(
  precision: LocationPrecision | null,
  latitude: number,
  viewSide: number,
): number {
  if (precision === null || precision === 'exact') return EXACT_ZOOM;
  const diameterPixels = Math.max(viewSide, 200) * VIEW_SHARE[precision];
  const metresPerPixel = (2 * PRECISION_RADIUS_M[precision]) / diameterPixels;
  const zoom = Math.log2(
    (EQUATOR_METRES_PER_PIXEL * Math.cos((latitude * Math.PI) / 180)) / metresPerPixel,
  );
  return Math.min(EXACT_ZOOM, Math.max(1, Math.floor(zoom * 2) / 2));
}

export interface EventFrame {
  /** South-west and north-east corners, taking in each event's halo. */
  bounds: [[number, number], [number, number]];
  /** The least precise event sets the limit: none is shown closer than it supports. */
  maxZoom: number;
}

/** What to fit so that every event and its halo is in view, and how close that may come. */
export function frameEvents(
  events: readonly {
    latitude: number;
    longitude: number;
    locationPrecision: LocationPrecision | null;
  }[],
  viewSide: number,
): EventFrame | null {
  if (events.length === 0) return null;
  // Extremes by hand: no LatLng object per event, which is slow for a large dataset.
  let [south, west, north, east] = [90, 180, -90, -180];
  let maxZoom = EXACT_ZOOM;
  for (const { latitude, longitude, locationPrecision } of events) {
    const radius = precisionRadius(locationPrecision);
    const latitudeReach = radius / METRES_PER_DEGREE;
    const longitudeReach =
      radius / (METRES_PER_DEGREE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01));
    south = Math.min(south, latitude - latitudeReach);
    north = Math.max(north, latitude + latitudeReach);
    west = Math.min(west, longitude - longitudeReach);
    east = Math.max(east, longitude + longitudeReach);
    if (radius > 0)
      maxZoom = Math.min(maxZoom, precisionZoom(locationPrecision, latitude, viewSide));
  }
  return {
    bounds: [
      [Math.max(south, -85), Math.max(west, -180)],
      [Math.min(north, 85), Math.min(east, 180)],
    ],
    maxZoom,
  };
}
