/**
 * The offline basemap as the page receives it: land rings and border lines already mended
 * (basemap-shapes.ts) and projected to Web Mercator when the app is built, packed in one small
 * binary file. Reading Natural Earth's TopoJSON in the page, and handing Leaflet an object per
 * point, held a phone's main thread on every first visit and took much heap for the detailed
 * outline (docs/performance.md).
 *
 * Points are world coordinates: x and y from 0 to 1 across Leaflet's Web Mercator square (0, 0 at
 * the top left, the north-west corner at 180° W, 85.05° N), so a point at zoom z is at
 * (x, y) × 256 × 2^z pixels. Chukotka continues Russia past 180° E: its x is a little over 1.
 * In the file they are whole steps of 1 / 2^22 of the world (under 10 m at the equator, far finer
 * than Natural Earth's 1:50 million), each written as its difference from the path's previous
 * point, zigzag-encoded, 7 bits a byte: neighbouring points are close, so most take two bytes
 * per coordinate, and the detailed file is about half the size it has as 32-bit floats.
 *
 * Layout, little-endian: a header of 4-byte words (MAGIC, VERSION, ring count, ring point count,
 * line count, line point count, point byte count); each path set's start offsets (count + 1, in
 * points); each set's bounding boxes (x0, y0, x1, y1 per path, 32-bit floats); then the points'
 * bytes, rings first.
 */
import type { Position } from 'geojson';
import type { Basemap } from './basemap-shapes.ts';

/** "DLO1" read as a little-endian number. */
const MAGIC = 0x314f4c44;
const VERSION = 2;
const HEADER_WORDS = 7;
/** Leaflet's Web Mercator stops here, making the world square. */
const MAX_LATITUDE = 85.0511287798;
/** Steps across the world in the file's coordinates. */
const GRID = 2 ** 22;

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

/** A path set with its points as whole grid steps, as the file holds them. */
interface GridPaths {
  starts: Uint32Array;
  boxes: Float32Array;
  steps: number[];
}

function gridPathsFrom(lines: Position[][]): GridPaths {
  const starts = new Uint32Array(lines.length + 1);
  const boxes = new Float32Array(lines.length * 4);
  const steps: number[] = [];
  lines.forEach((line, index) => {
    starts[index] = steps.length / 2;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [longitude = 0, latitude = 0] of line) {
      const [x, y] = toWorld(longitude, latitude).map((value) => Math.round(value * GRID)) as [
        number,
        number,
      ];
      steps.push(x, y);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    boxes.set([x0 / GRID, y0 / GRID, x1 / GRID, y1 / GRID], index * 4);
  });
  starts[lines.length] = steps.length / 2;
  return { starts, boxes, steps };
}

/** Appends each path's points as zigzag varints of their differences (restarting per path). */
function writePoints(paths: GridPaths, bytes: number[]) {
  for (let path = 0; path + 1 < paths.starts.length; path += 1) {
    let previousX = 0;
    let previousY = 0;
    for (let point = paths.starts[path] ?? 0; point < (paths.starts[path + 1] ?? 0); point += 1) {
      const x = paths.steps[point * 2] ?? 0;
      const y = paths.steps[point * 2 + 1] ?? 0;
      for (const difference of [x - previousX, y - previousY]) {
        let value = difference < 0 ? -2 * difference - 1 : 2 * difference;
        while (value >= 0x80) {
          bytes.push((value % 0x80) | 0x80);
          value = Math.floor(value / 0x80);
        }
        bytes.push(value);
      }
      previousX = x;
      previousY = y;
    }
  }
}

/** The binary file for one scale of the basemap (run when the app is built). */
export function encodeOutlines(basemap: Basemap): Uint8Array {
  // Every ring of every polygon: they are filled together with the even-odd rule, so lakes and
  // inland seas (a polygon's inner rings) stay holes.
  const land = gridPathsFrom(basemap.land.geometry.coordinates.flat());
  const borders = gridPathsFrom(basemap.borders.geometry.coordinates);
  const pointBytes: number[] = [];
  writePoints(land, pointBytes);
  writePoints(borders, pointBytes);
  const tableWords =
    HEADER_WORDS +
    land.starts.length +
    borders.starts.length +
    land.boxes.length +
    borders.boxes.length;
  const buffer = new ArrayBuffer(tableWords * 4 + Math.ceil(pointBytes.length / 4) * 4);
  new Uint32Array(buffer, 0, HEADER_WORDS).set([
    MAGIC,
    VERSION,
    land.starts.length - 1,
    land.steps.length / 2,
    borders.starts.length - 1,
    borders.steps.length / 2,
    pointBytes.length,
  ]);
  let offset = HEADER_WORDS * 4;
  for (const part of [land.starts, borders.starts, land.boxes, borders.boxes]) {
    new Uint8Array(buffer, offset, part.byteLength).set(
      new Uint8Array(part.buffer, part.byteOffset, part.byteLength),
    );
    offset += part.byteLength;
  }
  new Uint8Array(buffer, offset, pointBytes.length).set(pointBytes);
  return new Uint8Array(buffer);
}

/** Reads `count` points' varints from `bytes` at `at`, path by path; returns where it stopped. */
function readPoints(
  bytes: Uint8Array,
  at: number,
  starts: Uint32Array,
  points: Float32Array,
): number {
  let position = at;
  const readOne = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (position >= bytes.length) throw new Error('The basemap outline file is cut off');
      const byte = bytes[position] as number;
      position += 1;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  };
  for (let path = 0; path + 1 < starts.length; path += 1) {
    let x = 0;
    let y = 0;
    for (let point = starts[path] as number; point < (starts[path + 1] as number); point += 1) {
      x += readOne();
      y += readOne();
      points[point * 2] = x / GRID;
      points[point * 2 + 1] = y / GRID;
    }
  }
  return position;
}

/**
 * The outline in the file. Throws on a file that is not an outline file of this version or whose
 * lengths do not add up (a cut-off download), rather than drawing garbage.
 */
export function decodeOutlines(buffer: ArrayBuffer): Outlines {
  if (buffer.byteLength < HEADER_WORDS * 4 || buffer.byteLength % 4 !== 0) {
    throw new Error(`Not a basemap outline file (${buffer.byteLength} bytes)`);
  }
  const [
    magic,
    version,
    ringCount = 0,
    ringPoints = 0,
    lineCount = 0,
    linePoints = 0,
    pointBytes = 0,
  ] = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (magic !== MAGIC || version !== VERSION) {
    throw new Error('Not a basemap outline file of this version');
  }
  const tableWords = HEADER_WORDS + ringCount + 1 + lineCount + 1 + 4 * (ringCount + lineCount);
  const expected = tableWords * 4 + Math.ceil(pointBytes / 4) * 4;
  if (buffer.byteLength !== expected) {
    throw new Error(`The basemap outline file is ${buffer.byteLength} bytes, not ${expected}`);
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
  if (landStarts.at(-1) !== ringPoints || borderStarts.at(-1) !== linePoints) {
    throw new Error('The basemap outline file does not add up');
  }
  const bytes = new Uint8Array(buffer, offset, pointBytes);
  const landPoints = new Float32Array(ringPoints * 2);
  const borderPoints = new Float32Array(linePoints * 2);
  const afterLand = readPoints(bytes, 0, landStarts, landPoints);
  if (readPoints(bytes, afterLand, borderStarts, borderPoints) !== pointBytes) {
    throw new Error('The basemap outline file does not add up');
  }
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
