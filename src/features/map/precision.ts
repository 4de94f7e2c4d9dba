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
export const EXACT_ZOOM = 12;
/**
 * The closest it comes while only the offline outlines are drawn (no online tiles): there are no
 * streets to show, and closer than this a view often holds no coastline and no place name, so a
 * reader cannot tell where the event is. Here a town or two is in view around it.
 */
export const OUTLINE_ZOOM = 10;
/**
 * The farthest out a link to an event steps over the outlines to have a town named in view
 * (named-zoom.ts): a region's view, where some city nearly always is.
 */
export const NAMED_ZOOM_FLOOR = 7;
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
 * city scale. In half steps, as the map snaps. Never closer than `closest` (what the basemap can
 * show: mapDetailZoom).
 */
export function precisionZoom(
  precision: LocationPrecision | null,
  latitude: number,
  viewSide: number,
  closest = EXACT_ZOOM,
): number {
  if (precision === null || precision === 'exact') return closest;
  const diameterPixels = Math.max(viewSide, 200) * VIEW_SHARE[precision];
  const metresPerPixel = (2 * PRECISION_RADIUS_M[precision]) / diameterPixels;
  const zoom = Math.log2(
    (EQUATOR_METRES_PER_PIXEL * Math.cos((latitude * Math.PI) / 180)) / metresPerPixel,
  );
  return Math.min(closest, Math.max(1, Math.floor(zoom * 2) / 2));
}

export interface EventFrame {
  /** South-west and north-east corners, taking in each event's halo. */
  bounds: [[number, number], [number, number]];
  /** The least precise event sets the limit: none is shown closer than it supports. */
  maxZoom: number;
}

type FramedEvents = readonly {
  latitude: number;
  longitude: number;
  locationPrecision: LocationPrecision | null;
}[];

const PRECISIONS = [null, 'exact', 'city', 'region', 'country'] as const;

/**
 * Per precision: south, west, north, east, and the farthest latitude from the equator. Kept per
 * list of events: a first view is framed again when the map's size changes, and a pass over a
 * million events takes a few hundred milliseconds (docs/performance.md). Lists of events are not
 * changed in place once shown; one that grew is read again all the same.
 */
const extremesOf = new WeakMap<FramedEvents, { length: number; extremes: number[][] }>();

function eventExtremes(events: FramedEvents): number[][] {
  const known = extremesOf.get(events);
  // A list that grew in place is read again.
  if (known?.length === events.length) return known.extremes;
  // Extremes by hand, per precision, and no trigonometry per event: a large dataset is read once,
  // and each halo's reach is worked out at the end, where it is widest (the precision's
  // farthest latitude from the equator), so the frame may be a little generous, never short.
  const extremes = PRECISIONS.map(() => [90, 180, -90, -180, 0]);
  for (const { latitude, longitude, locationPrecision: precision } of events) {
    const seen =
      extremes[
        precision === null
          ? 0
          : precision === 'exact'
            ? 1
            : precision === 'city'
              ? 2
              : precision === 'region'
                ? 3
                : 4
      ] ?? [];
    if (latitude < (seen[0] ?? 90)) seen[0] = latitude;
    if (longitude < (seen[1] ?? 180)) seen[1] = longitude;
    if (latitude > (seen[2] ?? -90)) seen[2] = latitude;
    if (longitude > (seen[3] ?? -180)) seen[3] = longitude;
    if (Math.abs(latitude) > (seen[4] ?? 0)) seen[4] = Math.abs(latitude);
  }
  extremesOf.set(events, { length: events.length, extremes });
  return extremes;
}

/**
 * What to fit so that every event and its halo is in view, and how close that may come (never
 * closer than `closest`, as precisionZoom).
 */
export function frameEvents(
  events: FramedEvents,
  viewSide: number,
  closest = EXACT_ZOOM,
): EventFrame | null {
  if (events.length === 0) return null;
  const extremes = eventExtremes(events);
  let [south, west, north, east] = [90, 180, -90, -180];
  let maxZoom = closest;
  PRECISIONS.forEach((precision, index) => {
    const [low = 90, left = 180, high = -90, right = -180, farthest = 0] = extremes[index] ?? [];
    if (low > high) return; // no event of this precision
    const radius = precisionRadius(precision);
    const latitudeReach = radius / METRES_PER_DEGREE;
    const longitudeReach =
      radius / (METRES_PER_DEGREE * Math.max(Math.cos((farthest * Math.PI) / 180), 0.01));
    south = Math.min(south, low - latitudeReach);
    north = Math.max(north, high + latitudeReach);
    west = Math.min(west, left - longitudeReach);
    east = Math.max(east, right + longitudeReach);
    if (radius > 0)
      maxZoom = Math.min(maxZoom, precisionZoom(precision, farthest, viewSide, closest));
  });
  return {
    bounds: [
      [Math.max(south, -85), Math.max(west, -180)],
      [Math.min(north, 85), Math.min(east, 180)],
    ],
    maxZoom,
  };
}
