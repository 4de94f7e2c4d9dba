/**
 * The little of the importer that the quick reader (feature-stream.ts) shares with the whole-file
 * importer (import-dataset.ts): whether a collection's records are ours, and a blank report. In a
 * module of its own so that the import worker can leave the whole-file importer out of its first
 * download and fetch it only when a file needs it.
 */
import type { TextEncodingName } from './decode-text.ts';
import type { ImportReport } from './import-types.ts';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How many of a collection's first features decide whether it is ours. */
export const CONTRACT_SAMPLE_SIZE = 50;

/** Whether most of a collection's first features (or all of none) are records of our contract. */
export function sampleIsOurs(sample: readonly unknown[]): boolean {
  if (sample.length === 0) return true;
  const ours = sample.filter(
    (feature) =>
      isObject(feature) &&
      isObject(feature.properties) &&
      typeof feature.properties.date === 'string' &&
      Array.isArray(feature.properties.sources),
  ).length;
  return ours >= sample.length / 2;
}

export function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}

/** A report before anything is known of a file but its name and encoding. */
export function blankReport(fileName: string, encoding: TextEncodingName): ImportReport {
  return {
    fileName,
    format: 'csv',
    encoding,
    mapping: null,
    dayOrder: null,
    twoDigitYears: false,
    joins: [],
    recordsPath: null,
    columns: [],
    proposal: null,
    preview: [],
    otherRecordGroups: [],
    repeatedIds: 0,
    categoryMerges: [],
  };
}
