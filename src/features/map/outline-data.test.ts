// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as L from 'leaflet';
import world from 'world-atlas/countries-110m.json';
import { buildBasemap, type Basemap } from './basemap-shapes.ts';
import { decodeOutlines, encodeOutlines, toWorld, type OutlinePaths } from './outline-data.ts';

function pathPoints(paths: OutlinePaths, index: number): number[][] {
  const points: number[][] = [];
  for (let point = paths.starts[index] ?? 0; point < (paths.starts[index + 1] ?? 0); point += 1) {
    points.push([paths.points[point * 2] ?? NaN, paths.points[point * 2 + 1] ?? NaN]);
  }
  return points;
}

const tiny: Basemap = {
  land: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 0],
          ],
          [
            [2, 1],
            [8, 1],
            [8, 2],
            [2, 1],
          ],
        ],
        [
          [
            [-120, -30],
            [-110, -30],
            [-110, -20],
            [-120, -30],
          ],
        ],
      ],
    },
  },
  borders: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiLineString',
      coordinates: [
        [
          [126, 37],
          [127, 38.5],
        ],
      ],
    },
  },
};

describe('the packed basemap outline', () => {
  it('projects as Leaflet does, so the coastline lies under the markers', () => {
    for (const [longitude, latitude] of [
      [126.978, 37.5665], // Seoul
      [37.8, 48.0], // Donetsk
      [-179.5, -16.8], // Fiji
      [0, 89.9], // beyond Web Mercator's edge: clamped as Leaflet clamps it
    ] as const) {
      const point = L.CRS.EPSG3857.latLngToPoint(L.latLng(latitude, longitude), 0);
      const [x, y] = toWorld(longitude, latitude);
      expect(x * 256).toBeCloseTo(point.x, 6);
      expect(y * 256).toBeCloseTo(point.y, 6);
    }
  });

  it('keeps every ring and line, its points and its bounding box', () => {
    const outlines = decodeOutlines(encodeOutlines(tiny).slice().buffer);
    // Three rings: the first polygon's outer ring and its hole, and the second polygon.
    expect(outlines.land.starts.length - 1).toBe(3);
    expect(outlines.borders.starts.length - 1).toBe(1);
    const hole = pathPoints(outlines.land, 1);
    expect(hole).toHaveLength(4);
    const [x, y] = toWorld(8, 2);
    // Within the file's grid of 2^22 steps across the world: under 10 m.
    expect(hole[2]?.[0]).toBeCloseTo(x, 6);
    expect(hole[2]?.[1]).toBeCloseTo(y, 6);
    const [west, south] = toWorld(-120, -30);
    const [east, north] = toWorld(-110, -20);
    const box = [...outlines.land.boxes.subarray(8, 12)];
    [west, north, east, south].forEach((edge, index) => expect(box[index]).toBeCloseTo(edge, 6));
    expect(pathPoints(outlines.borders, 0)).toHaveLength(2);
  });

  it('refuses a file that is cut off or is not an outline, instead of drawing garbage', () => {
    const bytes = encodeOutlines(tiny);
    expect(() => decodeOutlines(bytes.slice(0, bytes.length - 8).buffer)).toThrow(/bytes, not/);
    expect(() => decodeOutlines(new TextEncoder().encode('<!doctype html>.').buffer)).toThrow(
      /Not a basemap outline file/,
    );
    expect(() => decodeOutlines(new ArrayBuffer(3))).toThrow(/Not a basemap outline file/);
    // The right length, but the last point's bytes say "more follows": not a whole file.
    const garbled = bytes.slice();
    garbled.fill(0xff, garbled.length - 12);
    expect(() => decodeOutlines(garbled.buffer)).toThrow(/cut off|does not add up/);
  });

  it('draws no ring or line across the world (Russia, Fiji and Antarctica mended)', () => {
    const basemap = buildBasemap(world as unknown as Parameters<typeof buildBasemap>[0]);
    const outlines = decodeOutlines(encodeOutlines(basemap).slice().buffer);
    for (const paths of [outlines.land, outlines.borders]) {
      let largestStep = 0;
      for (let index = 0; index + 1 < paths.starts.length; index += 1) {
        const points = pathPoints(paths, index);
        for (let point = 1; point < points.length; point += 1) {
          largestStep = Math.max(
            largestStep,
            Math.abs((points[point]?.[0] ?? 0) - (points[point - 1]?.[0] ?? 0)),
          );
        }
      }
      // A quarter of the world's width: real coast and border segments are far shorter.
      expect(largestStep).toBeLessThan(0.25);
    }
    // Antarctica reaches the bottom edge of the map as land, not as a line along it.
    const landBottom = Math.max(
      ...Array.from(
        { length: outlines.land.starts.length - 1 },
        (_, i) => outlines.land.boxes[i * 4 + 3] ?? 0,
      ),
    );
    expect(landBottom).toBeCloseTo(1, 5);
  });
});
