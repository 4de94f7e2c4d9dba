/**
 * Datasets beyond one file: a manifest lists time-partitioned parts on static hosting, and the page
 * loads them side by side (one import worker each, as many at once as the machine has cores) and
 * merges them into one dataset.
 *
 * {
 *   "type": "DatelineManifest",
 *   "title": "Incidents 2000–2025",
 *   "parts": [
 *     { "url": "parts/2000-2004.geojson", "from": "2000-01-01", "to": "2004-12-31", "events": 180000 },
 *     { "url": "parts/2005-2009.geojson", "from": "2005-01-01", "to": "2009-12-31", "events": 210000 }
 *   ]
 * }
 *
 * Part addresses are relative to the manifest. Parts are GeoJSON in Dateline's format or CSV files
 * whose columns the importer is sure of.
 */
import { DatasetError } from '../model/dataset-error.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { inEnglish } from '../../lib/i18n/message.ts';
import type { DataIssue, Dataset, DatasetEvent } from '../model/schema.ts';
import { compareEvents } from '../model/sort-events.ts';
import { IdSet } from './id-set.ts';
import { MAX_MANIFEST_BYTES } from './manifest-check.ts';

interface ManifestPart {
  url: string;
  from: string | null;
  to: string | null;
  events: number | null;
}

export interface Manifest {
  title: string;
  parts: ManifestPart[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Reads a manifest, or null when the bytes are not one (then they are a dataset themselves). */
export function readManifest(
  bytes: Uint8Array,
  manifestUrl: string,
  /** The site build (scripts/site-dataset.ts) also reads a manifest's parts from disk. */
  protocols: readonly string[] = ['http:', 'https:'],
): Manifest | null {
  if (bytes.length > MAX_MANIFEST_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  if (record.type !== 'DatelineManifest') return null;
  if (!Array.isArray(record.parts) || record.parts.length === 0) {
    throw new DatasetError(
      i18n._('The manifest lists no parts ("parts" should be a list of files).'),
    );
  }
  const parts = record.parts.map((part, index): ManifestPart => {
    const fields = (typeof part === 'object' && part !== null ? part : {}) as Record<
      string,
      unknown
    >;
    const url = text(fields.url);
    if (url === null)
      throw new DatasetError(
        i18n._('Part {number} of the manifest has no "url".', { number: index + 1 }),
      );
    const resolved = new URL(url, manifestUrl);
    if (!protocols.includes(resolved.protocol)) {
      throw new DatasetError(
        i18n._('Part {number} of the manifest is not an http(s) address.', { number: index + 1 }),
      );
    }
    return {
      url: resolved.href,
      from: text(fields.from),
      to: text(fields.to),
      events: typeof fields.events === 'number' ? fields.events : null,
    };
  });
  return { title: text(record.title) ?? i18n._('Untitled dataset'), parts };
}

/**
 * One dataset from its parts, in order. An id that an earlier part already used is reported, as a
 * repeated id within one file is. Issues name their part: "2005-2009.geojson · properties.date".
 *
 * The parts' events are the caller's own, read for this merge: their positions (record numbers)
 * are moved past the earlier parts' records in place. Copying each event instead slowed a
 * million-event load, in the copying and as much again in garbage collection (docs/performance.md).
 */
export function mergeParts(title: string, parts: { name: string; dataset: Dataset }[]): Dataset {
  const events: DatasetEvent[] = [];
  const issues: DataIssue[] = [];
  const seen = new IdSet(parts.reduce((sum, part) => sum + part.dataset.events.length, 0));
  let recordCount = 0;
  let offset = 0;
  for (const { name, dataset } of parts) {
    for (const event of dataset.events) {
      if (!seen.add(event.id)) {
        const message = /*i18n*/ {
          id: 'duplicate id: an earlier part already uses "{id}"',
          values: { id: event.id },
        };
        issues.push({
          position: offset + event.position,
          id: event.id,
          field: `${name} · id`,
          reason: inEnglish(message),
          message,
        });
        continue;
      }
      event.position += offset;
      events.push(event);
    }
    for (const issue of dataset.issues) {
      issues.push({
        ...issue,
        position: offset + issue.position,
        field: `${name} · ${issue.field}`,
      });
    }
    recordCount += dataset.recordCount;
    offset += dataset.recordCount;
  }
  // Parts split by time arrive in order, so this is one pass; overlapping parts get a real sort.
  let sorted = true;
  for (let index = 1; index < events.length && sorted; index += 1) {
    const previous = events[index - 1];
    const current = events[index];
    if (previous && current && compareEvents(previous, current) > 0) sorted = false;
  }
  if (!sorted) events.sort(compareEvents);
  issues.sort((a, b) => a.position - b.position);
  const first = parts[0]?.dataset.metadata;
  return {
    metadata: {
      title,
      description: first?.description ?? '',
      license: first?.license ?? '',
      source: first?.source ?? '',
      updated: first?.updated ?? '',
    },
    events,
    issues,
    recordCount,
  };
}
