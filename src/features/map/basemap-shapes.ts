/**
 * The offline basemap: Natural Earth land and borders from world-atlas, mended for a flat Web
 * Mercator map. Natural Earth cuts shapes at ±180° and closes Antarctica along the South Pole, which
 * is right for a globe and wrong for Leaflet: Russia and Fiji would draw lines right across the
 * world, and Antarctica a line along the bottom. Rings and lines are made continuous across the
 * antimeridian instead, and the artificial cut and pole edges are left out of the strokes.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon, Position } from 'geojson';

type Ring = Position[];

/** Longitudes made continuous: a step of more than 180° is taken the short way round. */
export function unwrapLongitudes(points: Ring): Ring {
  const result: Ring = [];
  let offset = 0;
  let previous: number | null = null;
  for (const [longitude = 0, latitude = 0] of points) {
    if (previous !== null) {
      const step = longitude + offset - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    const unwrapped = longitude + offset;
    result.push([unwrapped, latitude]);
    previous = unwrapped;
  }
  // Keep shapes in or east of the usual world: Chukotka continues Russia eastward past 180°.
  const westmost = Math.min(...result.map(([lon = 0]) => lon));
  return westmost < -180 ? result.map(([lon = 0, lat = 0]) => [lon + 360, lat]) : result;
}

const EDGE = 179.99;
const POLE = -89.9;

/** True for a segment that is an artefact of cutting the globe, not a coast or border. */
function isArtificialEdge(a: Position, b: Position): boolean {
  const [aLon = 0, aLat = 0] = a;
  const [bLon = 0, bLat = 0] = b;
  const alongAntimeridian =
    Math.abs(aLon) >= EDGE && Math.abs(bLon) >= EDGE && Math.sign(aLon) === Math.sign(bLon);
  const alongPole = aLat <= POLE && bLat <= POLE;
  return alongAntimeridian || alongPole;
}

/** Splits lines at artificial edges and makes each piece continuous across the antimeridian. */
export function mendLines(lines: Position[][]): Position[][] {
  const pieces: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    for (let index = 0; index < line.length; index += 1) {
      const point = line[index];
      if (!point) continue;
      const previous = line[index - 1];
      if (previous && isArtificialEdge(previous, point)) {
        if (current.length > 1) pieces.push(current);
        current = [];
      }
      current.push(point);
    }
    if (current.length > 1) pieces.push(current);
  }
  return pieces.map(unwrapLongitudes);
}

export interface Basemap {
  land: Feature<MultiPolygon>;
  borders: Feature<MultiLineString>;
}

type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export function buildBasemap(topology: WorldTopology): Basemap {
  const landCollection = feature(topology, topology.objects.land);
  const polygons: Position[][][] = [];
  for (const landFeature of landCollection.features) {
    const geometry = landFeature.geometry;
    if (geometry.type === 'Polygon') polygons.push(geometry.coordinates.map(unwrapLongitudes));
    if (geometry.type === 'MultiPolygon') {
      for (const polygon of geometry.coordinates) polygons.push(polygon.map(unwrapLongitudes));
    }
  }
  const borderLines = mesh(topology, topology.objects.countries);
  return {
    land: {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    },
    borders: {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiLineString', coordinates: mendLines(borderLines.coordinates) },
    },
  };
}
