/**
 * Finding the records in JSON that is not in our contract: a foreign GeoJSON FeatureCollection
 * (the USGS feed), a plain array of objects, or records nested in bins (`timeBins[].data[]`). The
 * records become a table of text cells, so CSV and JSON share one importer from here on.
 */
import type { ImportTable } from './column-mapping.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The columns a Point geometry turns into; named so that column detection finds them first. */
const GEOMETRY_LONGITUDE = 'geometry.longitude';
const GEOMETRY_LATITUDE = 'geometry.latitude';
const FEATURE_ID = 'feature.id';

export interface FoundRecords {
  /** Where the records were found, e.g. `features`, `timeBins[].data[]`, or `` for the root. */
  path: string;
  records: unknown[];
}

const MAX_DEPTH = 6;

function plainValues(object: JsonObject): number {
  let count = 0;
  for (const value of Object.values(object)) {
    if (value === null || typeof value !== 'object') count += 1;
  }
  return count;
}

function primitiveFields(object: JsonObject): number {
  // A GeoJSON Feature keeps its plain values in `properties`: without an id, `type` would be its
  // only one, and a FeatureCollection from most tools would hold "no records".
  const properties = own(object, 'type') === 'Feature' ? own(object, 'properties') : undefined;
  return plainValues(object) + (isObject(properties) ? plainValues(properties) : 0);
}

/** Objects with two or more plain values (a date, a name…) look like records; wrappers do not. */
function looksLikeRecords(objects: JsonObject[]): boolean {
  const recordLike = objects.filter((object) => primitiveFields(object) >= 2).length;
  return objects.length > 0 && recordLike >= objects.length / 2;
}

/**
 * The records in the JSON: the shallowest group of record-like objects, grouped by the path
 * pattern they sit at (`features[]`, `timeBins[].data[]`). Shallowest, because records may hold
 * lists of their own (sources, tags) that are not the records. Other groups are named in `others`.
 */
export function findRecords(json: unknown): (FoundRecords & { others: string[] }) | null {
  const groups = new Map<string, { depth: number; records: unknown[]; objects: JsonObject[] }>();
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      const key = `${path}[]`;
      const group = groups.get(key) ?? { depth, records: [], objects: [] };
      for (const item of value) {
        group.records.push(item);
        if (isObject(item)) group.objects.push(item);
      }
      groups.set(key, group);
      for (const item of value) {
        if (!isObject(item)) continue;
        for (const [field, nested] of Object.entries(item)) {
          if (Array.isArray(nested)) visit(nested, `${key}.${field}`, depth + 1);
        }
      }
      return;
    }
    if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        visit(item, path ? `${path}.${key}` : key, depth + 1);
      }
    }
  };
  visit(json, '', 0);
  const candidates = [...groups]
    .filter(([, group]) => looksLikeRecords(group.objects))
    .sort(([, a], [, b]) => a.depth - b.depth || b.records.length - a.records.length);
  const [best, ...rest] = candidates;
  if (!best) return null;
  const [path, group] = best;
  const others = rest
    .filter(([other]) => !other.startsWith(`${path}.`))
    .map(([other, { records }]) => `${other} (${records.length})`);
  return { path, records: group.records, others };
}

/** Deeper values are no data anyone can read in a cell, and JSON.stringify would overflow the stack. */
const MAX_CELL_DEPTH = 32;

/** True when arrays or objects nest deeper than `limit` (checked without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (nestsDeeperThan(value, MAX_CELL_DEPTH)) return '';
  return JSON.stringify(value);
}

/** One level of nesting is flattened (`properties.title` → `title`); deeper values stay JSON text. */
function flatten(record: unknown): Map<string, string> {
  const cells = new Map<string, string>();
  if (!isObject(record)) return cells;
  const isFeature = own(record, 'type') === 'Feature';
  if (isFeature) {
    const properties = own(record, 'properties');
    if (isObject(properties)) {
      for (const [key, value] of Object.entries(properties)) cells.set(key, cellText(value));
    }
    const geometry = own(record, 'geometry');
    const coordinates =
      isObject(geometry) && own(geometry, 'type') === 'Point' ? own(geometry, 'coordinates') : null;
    if (Array.isArray(coordinates)) {
      cells.set(GEOMETRY_LONGITUDE, cellText(coordinates[0]));
      cells.set(GEOMETRY_LATITUDE, cellText(coordinates[1]));
    }
    const id = own(record, 'id');
    if (id !== undefined) cells.set(FEATURE_ID, cellText(id));
    return cells;
  }
  for (const [key, value] of Object.entries(record)) cells.set(key, cellText(value));
  return cells;
}

/** Turns records into a table; column order follows first appearance. */
export function recordsToTable(records: unknown[]): ImportTable {
  const columnIndex = new Map<string, number>();
  const flattened = records.map(flatten);
  for (const cells of flattened) {
    for (const key of cells.keys())
      if (!columnIndex.has(key)) columnIndex.set(key, columnIndex.size);
  }
  const columns = [...columnIndex.keys()];
  const rows = flattened.map((cells) => {
    const row = new Array<string>(columns.length).fill('');
    for (const [key, value] of cells) row[columnIndex.get(key) ?? 0] = value;
    return row;
  });
  return { columns, rows };
}

/** A table of places keyed by name, from a companion file: `{ "tonghae": { "lat": …, "lon": … } }`. */
export interface LookupTable {
  path: string;
  entries: Map<string, JsonObject>;
}

/** Every object-of-objects in the JSON: candidates for a join by key. */
export function findLookups(json: unknown): LookupTable[] {
  const found: LookupTable[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH || !isObject(value)) return;
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([, item]) => isObject(item))) {
      found.push({ path, entries: new Map(entries as [string, JsonObject][]) });
    }
    for (const [key, item] of entries) visit(item, path ? `${path}.${key}` : key, depth + 1);
  };
  visit(json, '', 0);
  return found;
}

/**
 * Joins lookup tables onto the table: for each text column whose values are keys of a lookup
 * (`facility: "tonghae"` with a facilities table), the lookup's fields become new columns
 * (`facility.lat`, `facility.name`). Returns the names of the columns joined.
 */
export function joinLookups(table: ImportTable, lookups: LookupTable[]): string[] {
  const joined: string[] = [];
  for (const lookup of lookups) {
    let bestColumn = -1;
    let bestHits = 0;
    table.columns.forEach((_, column) => {
      let hits = 0;
      for (const row of table.rows) if (lookup.entries.has(row[column] ?? '')) hits += 1;
      if (hits > bestHits) {
        bestHits = hits;
        bestColumn = column;
      }
    });
    if (bestColumn === -1 || bestHits < table.rows.length / 2) continue;
    const keyColumn = table.columns[bestColumn] ?? '';
    const fields = new Set<string>();
    for (const entry of lookup.entries.values())
      for (const key of Object.keys(entry)) fields.add(key);
    for (const field of fields) {
      const name = `${keyColumn}.${field}`;
      if (table.columns.includes(name)) continue;
      table.columns.push(name);
      for (const row of table.rows) {
        const entry = lookup.entries.get(row[bestColumn] ?? '');
        row.push(entry ? cellText(own(entry, field)) : '');
      }
    }
    joined.push(`${keyColumn} → ${lookup.path || 'the companion file'}`);
  }
  return joined;
}
