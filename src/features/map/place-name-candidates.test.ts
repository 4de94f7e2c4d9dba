import { describe, expect, it } from 'vitest';
import {
  closestZoomNamingAPlace,
  minRankAt,
  nameCandidates,
  standInReach,
  tilesInView,
  type ViewWindow,
} from './place-name-candidates.ts';
import { PLACE_NAME_BANDS, tileKey, type PlaceName } from './place-names-data.ts';
import { toWorld } from './outline-data.ts';

function placeName(text: string, longitude: number, latitude: number, rank: number): PlaceName {
  const [x, y] = toWorld(longitude, latitude);
  return { text, kind: 'place', x, y, rank, capital: false };
}

function country(text: string, longitude: number, latitude: number, minZoom: number): PlaceName {
  const [x, y] = toWorld(longitude, latitude);
  return { text, kind: 'country', x, y, rank: minZoom, capital: false };
}

/** A view of `width` × `height` pixels centred on a point, as Leaflet projects it. */
function viewAround(longitude: number, latitude: number, zoom: number, width = 800, height = 500) {
  const scale = 256 * 2 ** zoom;
  const [x, y] = toWorld(longitude, latitude);
  return { zoom, scale, left: x * scale - width / 2, top: y * scale - height / 2, width, height };
}

const measure = (text: string) => text.length * 7;

describe('what a view may name', () => {
  it('loads, at every zoom, every band holding a place that zoom may name', () => {
    for (let zoom = 0; zoom <= 18; zoom += 0.5) {
      const loaded = PLACE_NAME_BANDS.filter((band) => zoom >= band.minZoom);
      const smallestLoaded = Math.min(...loaded.map((band) => band.minRank));
      expect(minRankAt(zoom), `zoom ${zoom}`).toBeGreaterThanOrEqual(smallestLoaded);
    }
  });

  it('names smaller places as the map zooms in', () => {
    const ranks = [2, 3, 4, 5, 6, 7, 8, 9, 12].map(minRankAt);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(minRankAt(2)).toBe(5_000_000);
    expect(minRankAt(12)).toBe(15_000);
  });

  it('asks for the world file alone at a world view, and the tiles around a town zoomed in', () => {
    const world = viewAround(60, 40, 2);
    const worldBounds = {
      left: world.left / world.scale,
      top: world.top / world.scale,
      right: (world.left + world.width) / world.scale,
      bottom: (world.top + world.height) / world.scale,
    };
    expect(tilesInView(2, worldBounds)).toEqual([{ band: 0, tile: '0-0' }]);

    const [x, y] = toWorld(37.8, 48.0); // Donetsk
    const tiles = tilesInView(8, {
      left: x - 0.001,
      top: y - 0.001,
      right: x + 0.001,
      bottom: y + 0.001,
    });
    expect(tiles).toEqual([
      { band: 0, tile: '0-0' },
      { band: 1, tile: '0-0' },
      { band: 2, tile: tileKey(x, y, 8) },
      { band: 3, tile: tileKey(x, y, 16) },
    ]);
  });

  it('stays inside the grid when the view runs past the edge of the world', () => {
    const tiles = tilesInView(6, { left: -0.2, top: -0.1, right: 0.05, bottom: 0.05 });
    expect(tiles.filter((tile) => tile.band === 2)).toEqual([{ band: 2, tile: '0-0' }]);
  });

  it('offers the places in view large enough for the zoom, at their pixel in the view', () => {
    const view: ViewWindow = viewAround(37.8, 48.0, 7);
    const candidates = nameCandidates(
      [
        placeName('Donetsk', 37.8, 48.0, 1_000_000),
        placeName('Kramatorsk', 37.556, 48.723, 170_000),
        placeName('Hamlet', 37.9, 48.1, 20_000),
        placeName('Seoul', 126.98, 37.57, 40_000_000),
      ],
      view,
      measure,
    );
    expect(candidates.map((candidate) => candidate.text)).toEqual(['Donetsk', 'Kramatorsk']);
    expect(candidates[0]?.x).toBeCloseTo(400);
    expect(candidates[0]?.y).toBeCloseTo(250);
    expect(candidates[1]?.y).toBeLessThan(250);
    expect(candidates[0]?.width).toBe(49);
  });

  it('names countries in spaced capitals, before any city below zoom 5 and as a large city above', () => {
    const names = [
      placeName('Kyiv', 30.52, 50.45, 11_000_000),
      country('Ukraine', 32.4, 49.4, 3),
      country('Moldova', 28.5, 47.2, 6),
    ];
    const low = nameCandidates(names, viewAround(31, 49, 4), measure);
    expect(low.map((candidate) => candidate.text)).toEqual(['Kyiv', 'UKRAINE']);
    expect(low[1]?.style.letterSpacing).toBeGreaterThan(0);
    expect(low[1]?.priority).toBeGreaterThan(low[0]?.priority ?? Infinity);
    const high = nameCandidates(names, viewAround(31, 49, 6, 2000, 1000), measure);
    expect(high.map((candidate) => candidate.text)).toEqual(['Kyiv', 'UKRAINE', 'MOLDOVA']);
    expect(high[1]?.priority).toBeLessThan(high[0]?.priority ?? 0);
  });

  it('lets a marker stand in for a place only within 50 km of it on the ground', () => {
    const kyiv = placeName('Kyiv', 30.5, 50.45, 6_000_000);
    const reachAt = (zoom: number) =>
      nameCandidates([kyiv], viewAround(30.5, 50.45, zoom), measure)[0]?.standInReach;
    // A world view: a pixel is about 100 km there, so no marker stands in for the city.
    expect(reachAt(0)).toBe(0);
    // Zoom 4: 6.2 km a pixel, 50 km is 8 px.
    expect(reachAt(4)).toBeCloseTo(8.03, 1);
    // A region's view: 778 m a pixel, 50 km is 64 px (a cluster is limited further, to its middle).
    expect(reachAt(7)).toBeCloseTo(64.2, 1);
    // Nearer the equator a pixel spans more ground at the same zoom.
    expect(standInReach(toWorld(0, 0)[1], 256 * 2 ** 4)).toBeLessThan(reachAt(4) ?? 0);
  });
});

describe('the zoom a link to an event opens at over the outlines', () => {
  // Near Borova, Kharkiv region: 49.42° N, 37.59° E. A desktop map is 840 × 490 pixels.
  const event = toWorld(37.59, 49.42);
  // The room around the centre of a desktop map (840 × 490 pixels) and a phone's (390 × 230),
  // clear of the buttons (72 px at the top, 48 at the sides and bottom).
  const desktop = { left: 372, top: 173, right: 372, bottom: 197 };
  const phone = { left: 147, top: 43, right: 147, bottom: 67 };
  const borova = placeName('Borova', 37.62, 49.38, 6_589);
  const izyum = placeName('Izyum', 37.25, 49.21, 53_778);
  const kharkiv = placeName('Kharkiv', 36.25, 49.98, 1_430_885);

  it('stays at the closest zoom when a town it names is in view', () => {
    const near = placeName('Kupiansk', 37.6, 49.5, 27_000);
    expect(closestZoomNamingAPlace([near], event, desktop, 10)).toBe(10);
  });

  it('steps out until a place it names at that zoom is in view, not a village it does not name', () => {
    // Borova is 4 km away but too small to be named; Izyum (35 km) is in view from zoom 9.
    expect(closestZoomNamingAPlace([borova, izyum, kharkiv], event, desktop, 10)).toBe(9);
    // A phone's view is smaller: two steps.
    expect(closestZoomNamingAPlace([borova, izyum, kharkiv], event, phone, 10)).toBe(8);
    // A country's name is no place: it says the country, not where in it.
    const ukraine = country('Ukraine', 37.5, 49.4, 4);
    expect(closestZoomNamingAPlace([ukraine, kharkiv], event, desktop, 10)).toBe(8);
  });

  it("goes no further than a region's view, nor closer than it was asked", () => {
    expect(closestZoomNamingAPlace([], event, desktop, 10)).toBe(7);
    // A map not laid out yet (an embed sized later) has no room to judge by.
    const none = { left: 0, top: 0, right: 0, bottom: 0 };
    expect(closestZoomNamingAPlace([], event, none, 10)).toBe(10);
    // Whole steps from a half-step zoom (a city-level event's): Kharkiv, 97 km west, at 7.5.
    expect(closestZoomNamingAPlace([kharkiv], event, desktop, 9.5)).toBe(7.5);
    expect(closestZoomNamingAPlace([], event, desktop, 6)).toBe(6);
  });
});
