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

/** The zoom at which an event of this precision is shown when it is selected. */
const PRECISION_ZOOM: Record<LocationPrecision, number> = {
  exact: 10,
  city: 8,
  region: 7,
  country: 5,
};

export function precisionRadius(precision: LocationPrecision | null): number {
  return precision === null ? 0 : PRECISION_RADIUS_M[precision];
}

export function precisionZoom(precision: LocationPrecision | null): number {
  return PRECISION_ZOOM[precision ?? 'exact'];
}
