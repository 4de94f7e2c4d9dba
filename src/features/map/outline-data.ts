/**
 * The offline basemap as the page receives it: land rings and border lines already mended
 * (basemap-shapes.ts) and projected to Web Mercator when the app is built, packed in one binary
 * file the page reads without decoding. Reading Natural Earth's TopoJSON in the page, and handing
 * Leaflet an object per point, took a phone's main thread about a second on every first visit (a
 * quarter of Lighthouse's blocking time) and 23 MB of heap for the detailed outline.
 *
 * Points are world coordinates: x and y from 0 to 1 across Leaflet's Web Mercator square (0, 0 at
 * the top left, the north-west corner at 180° W, 85.05° N), so a point at zoom z is at
 * (x, y) × 256 × 2^z pixels. Chukotka continues Russia past 180° E: its x is a little over 1.
 *
 * Layout, little-endian, in 4-byte words: a header (MAGIC, VERSION, ring count, ring point count,
 * line count, line point count); each path set's start offsets (count + 1, in points); each set's
 * bounding boxes (x0, y0, x1, y1 per path); each set's points (x, y).
 */
import type { Position } from 'geojson';
import type { Basemap } from './basemap-shapes.ts';

/** "DLO1" read as a little-endian number. */
const MAGIC = 0x314f4c44;
const VERSION = 1;
const HEADER_WORDS = 6;
/** Leaflet's Web Mercator stops here, making the world square. */
const MAX_LATITUDE = 85.0511287798;

/** Paths of one kind: rings of land (filled) or border lines (stroked). */
export interface OutlinePaths {
  /** Path i has the points from starts[i] to starts[i + 1] (exclusive). */
  starts: Uint32Array;
  /** x0, y0, x1, y1 of path i at 4 × i: culls what is out of view without looking at points. */
  boxes: Float32Array;
  /** x, y of point j at 2 × j, in world coordinates. */
  points: Float32Array;
}

export interface Outlines {
  land: OutlinePaths;
  borders: OutlinePaths;
}

/** Longitude and latitude in degrees to world coordinates, as Leaflet's EPSG:3857 projects them. */
export function toWorld(longitude: number, latitude: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = 0.5 + longitude / 360;
  const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  return [x, y];
}

function pathsFrom(lines: Position[][]): OutlinePaths {
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  const starts = new Uint32Array(lines.length + 1);
  const boxes = new Float32Array(lines.length * 4);
  const points = new Float32Array(total * 2);
  let next = 0;
  lines.forEach((line, index) => {
    starts[index] = next;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [longitude = 0, latitude = 0] of line) {
      const [x, y] = toWorld(longitude, latitude);
      points[next * 2] = x;
      points[next * 2 + 1] = y;
      next += 1;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    boxes.set([x0, y0, x1, y1], index * 4);
  });
  starts[lines.length] = next;
  return { starts, boxes, points };
}

/** The binary file for one scale of the basemap (run when the app is built). */
export function encodeOutlines(basemap: Basemap): Uint8Array {
  // Every ring of every polygon: they are filled together with the even-odd rule, so lakes and
  // inland seas (a polygon's inner rings) stay holes.
  const land = pathsFrom(basemap.land.geometry.coordinates.flat());
  const borders = pathsFrom(basemap.borders.geometry.coordinates);
  const ringCount = land.starts.length - 1;
  const lineCount = borders.starts.length - 1;
  const words =
    HEADER_WORDS +
    land.starts.length +
    borders.starts.length +
    land.boxes.length +
    borders.boxes.length +
    land.points.length +
    borders.points.length;
  const buffer = new ArrayBuffer(words * 4);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([
    MAGIC,
    VERSION,
    ringCount,
    land.points.length / 2,
    lineCount,
    borders.points.length / 2,
  ]);
  let offset = HEADER_WORDS * 4;
  for (const part of [
    land.starts,
    borders.starts,
    land.boxes,
    borders.boxes,
    land.points,
    borders.points,
  ]) {
    new Uint8Array(buffer, offset, part.byteLength).set(
      new Uint8Array(part.buffer, part.byteOffset, part.byteLength),
    );
    offset += part.byteLength;
  }
  return new Uint8Array(buffer);
}

/**
 * Views into the file, nothing copied. Throws on a file that is not an outline file of this
 * version or whose lengths do not add up (a cut-off download), rather than drawing garbage.
 */
export function decodeOutlines(buffer: ArrayBuffer): Outlines {
  if (buffer.byteLength < HEADER_WORDS * 4 || buffer.byteLength % 4 !== 0) {
    throw new Error(`Not a basemap outline file (${buffer.byteLength} bytes)`);
  }
  const [magic, version, ringCount = 0, ringPoints = 0, lineCount = 0, linePoints = 0] =
    new Uint32Array(buffer, 0, HEADER_WORDS);
  if (magic !== MAGIC || version !== VERSION) {
    throw new Error('Not a basemap outline file of this version');
  }
  const expected =
    HEADER_WORDS +
    ringCount +
    1 +
    lineCount +
    1 +
    4 * (ringCount + lineCount) +
    2 * (ringPoints + linePoints);
  if (buffer.byteLength !== expected * 4) {
    throw new Error(`The basemap outline file is ${buffer.byteLength} bytes, not ${expected * 4}`);
  }
  let offset = HEADER_WORDS * 4;
  function take<T extends Uint32Array | Float32Array>(
    View: new (buffer: ArrayBuffer, offset: number, length: number) => T,
    length: number,
  ): T {
    const view = new View(buffer, offset, length);
    offset += length * 4;
    return view;
  }
  const landStarts = take(Uint32Array, ringCount + 1);
  const borderStarts = take(Uint32Array, lineCount + 1);
  const landBoxes = take(Float32Array, ringCount * 4);
  const borderBoxes = take(Float32Array, lineCount * 4);
  const landPoints = take(Float32Array, ringPoints * 2);
  const borderPoints = take(Float32Array, linePoints * 2);
  return {
    land: { starts: landStarts, boxes: landBoxes, points: landPoints },
    borders: { starts: borderStarts, boxes: borderBoxes, points: borderPoints },
  };
}

/** Downloads and reads an outline file (in the outline worker, or on the page without one). */
export async function fetchOutlines(url: string): Promise<Outlines> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The basemap ${url} answered ${response.status}`);
  return decodeOutlines(await response.arrayBuffer());
}
