import { describe, expect, it } from 'vitest';
import {
  EXACT_ZOOM,
  OUTLINE_ZOOM,
  frameEvents,
  haloRadiusPixels,
  precisionRadius,
  precisionZoom,
} from './precision.ts';

const VIEW = 500;

describe('precisionZoom', () => {
  it('never comes closer than a precision supports: countries framed, cities at city scale', () => {
    const country = precisionZoom('country', 48, VIEW);
    const region = precisionZoom('region', 48, VIEW);
    const city = precisionZoom('city', 48, VIEW);
    const exact = precisionZoom('exact', 48, VIEW);
    expect(country).toBeLessThan(region);
    expect(region).toBeLessThan(city);
    expect(city).toBeLessThan(exact);
    // A country-level halo fills most of the view, never more than all of it.
    const countryHalo = haloRadiusPixels(precisionRadius('country'), 48, country) * 2;
    expect(countryHalo).toBeGreaterThan(VIEW * 0.5);
    expect(countryHalo).toBeLessThanOrEqual(VIEW);
    // A city-level halo leaves room for the towns around it.
    const cityHalo = haloRadiusPixels(precisionRadius('city'), 48, city) * 2;
    expect(cityHalo).toBeGreaterThan(VIEW * 0.15);
    expect(cityHalo).toBeLessThanOrEqual(VIEW * 0.3);
  });

  it('comes no closer than the basemap can show: street scale over tiles, less over outlines', () => {
    expect(precisionZoom('exact', 52.5, VIEW)).toBe(EXACT_ZOOM);
    expect(precisionZoom('exact', 52.5, VIEW, OUTLINE_ZOOM)).toBe(OUTLINE_ZOOM);
    expect(precisionZoom(null, 52.5, VIEW, OUTLINE_ZOOM)).toBe(OUTLINE_ZOOM);
    expect(OUTLINE_ZOOM).toBeLessThan(EXACT_ZOOM);
    // A city-level event is framed at city scale, farther out than either: the limit leaves it.
    const city = precisionZoom('city', 52.5, VIEW);
    expect(city).toBeLessThan(OUTLINE_ZOOM);
    expect(precisionZoom('city', 52.5, VIEW, OUTLINE_ZOOM)).toBe(city);
    expect(
      frameEvents(
        [{ latitude: 52.5, longitude: 13.4, locationPrecision: 'exact' }],
        VIEW,
        OUTLINE_ZOOM,
      )?.maxZoom,
    ).toBe(OUTLINE_ZOOM);
  });

  it('comes in half steps, and an event without a precision counts as exact', () => {
    expect(precisionZoom('city', 37.5, 390) % 0.5).toBe(0);
    expect(precisionZoom(null, 0, VIEW)).toBe(precisionZoom('exact', 0, VIEW));
  });
});

describe('frameEvents', () => {
  const at = (
    latitude: number,
    longitude: number,
    locationPrecision: 'exact' | 'city' | 'country' | null = 'exact',
  ) => ({ latitude, longitude, locationPrecision });

  it('takes in every halo, and lets the least precise event set how close to come', () => {
    const frame = frameEvents([at(48, 37.8, 'city'), at(48.7, 37.6, 'exact')], VIEW);
    expect(frame).not.toBeNull();
    const [[south, west], [north, east]] = frame?.bounds ?? [
      [0, 0],
      [0, 0],
    ];
    expect(south).toBeLessThan(48 - 0.1);
    expect(north).toBe(48.7); // an exactly placed event has no halo to take in
    expect(west).toBe(37.6);
    expect(east).toBeGreaterThan(37.8 + 0.15);
    expect(frame?.maxZoom).toBe(precisionZoom('city', 48, VIEW));
  });

  it('frames a lone country-level event as its country', () => {
    const frame = frameEvents([at(40.3, 127.5, 'country')], VIEW);
    expect(frame?.maxZoom).toBe(precisionZoom('country', 40.3, VIEW));
    const [[south], [north]] = frame?.bounds ?? [[0], [0]];
    expect(north - south).toBeGreaterThan(3.5);
  });

  it('stays within the map’s latitudes and longitudes, and has nothing to frame without events', () => {
    const frame = frameEvents([at(84.9, 179.9, 'country'), at(-84.9, -179.9, 'country')], VIEW);
    expect(frame?.bounds).toEqual([
      [-85, -180],
      [85, 180],
    ]);
    expect(frameEvents([], VIEW)).toBeNull();
  });

  it('frames the same list again for another view size, and a list grown in place anew', () => {
    const events = [at(48, 37.8, 'city'), at(48.7, 37.6, 'exact')];
    const wide = frameEvents(events, VIEW);
    const narrow = frameEvents(events, VIEW / 3);
    expect(narrow?.bounds).toEqual(wide?.bounds);
    expect(narrow?.maxZoom).toBe(precisionZoom('city', 48, VIEW / 3));
    expect(narrow?.maxZoom).toBeLessThan(wide?.maxZoom ?? 0);
    events.push(at(40.3, 127.5, 'exact'));
    expect(frameEvents(events, VIEW)?.bounds[1][1]).toBe(127.5);
  });
});
