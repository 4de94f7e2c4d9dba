/** Checks a guessed column's values against the field it was guessed for. */
import type { ImportTable, MappedField } from './column-mapping.ts';
import { parseCoordinate } from './coordinate-cell.ts';
import { parseDateCell } from './date-cells.ts';

const SAMPLE_SIZE = 500;

export function sampleValues(table: ImportTable, column: number): string[] {
  const values: string[] = [];
  const step = Math.max(1, Math.floor(table.rows.length / SAMPLE_SIZE));
  for (let index = 0; index < table.rows.length && values.length < SAMPLE_SIZE; index += step) {
    const value = table.rows[index]?.[column]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

function share(values: string[], test: (value: string) => boolean): number {
  if (values.length === 0) return 0;
  let passing = 0;
  for (const value of values) if (test(value)) passing += 1;
  return passing / values.length;
}

/** More categories than this cannot each have a colour a reader tells apart (categories.ts). */
export const FEW_CATEGORIES = 12;
/** A column named like categories may hold more: the legend still lists and filters them. */
const MAX_NAMED_CATEGORIES = 24;

/** How many categories the values make, counting "GRAPHIC" and "Graphic" once (category-cells.ts). */
export function categoryCount(values: string[]): number {
  return new Set(values.map((value) => value.toLowerCase().replace(/[\s_-]+/g, ' '))).size;
}

/**
 * A few values, each on many rows: what a column of categories looks like when nothing names it
 * so (types, groups, levels 1–5), told apart from names, descriptions and measurements, which
 * rarely repeat.
 */
export function looksLikeCategories(values: string[]): boolean {
  const count = categoryCount(values);
  const meanLength = values.reduce((sum, value) => sum + value.length, 0) / (values.length || 1);
  return count >= 2 && count <= FEW_CATEGORIES && values.length >= count * 4 && meanLength <= 40;
}

export const CONTENT_CHECKS: Partial<Record<MappedField, (values: string[]) => boolean>> = {
  date: (values) =>
    share(
      values,
      (value) => parseDateCell(value, 'day-first').ok || parseDateCell(value, 'month-first').ok,
    ) >= 0.5,
  endDate: (values) =>
    share(
      values,
      (value) => parseDateCell(value, 'day-first').ok || parseDateCell(value, 'month-first').ok,
    ) >= 0.5,
  latitude: (values) =>
    share(values, (value) => Math.abs(parseCoordinate(value) ?? 999) <= 90) >= 0.5,
  longitude: (values) =>
    share(values, (value) => Math.abs(parseCoordinate(value) ?? 999) <= 180) >= 0.5,
  link: (values) => share(values, (value) => /https?:\/\//i.test(value)) >= 0.3,
  // Names, not addresses: a "source" column of links is the link column (tried first).
  publisher: (values) => share(values, (value) => !/https?:\/\//i.test(value)) >= 0.9,
  title: (values) => share(values, (value) => parseCoordinate(value) === null) >= 0.8,
  category: (values) => categoryCount(values) <= MAX_NAMED_CATEGORIES,
  // Mostly unique: a few repeats are the file's slips, and such rows get ids of their own.
  id: (values) => new Set(values).size >= values.length * 0.9,
  country: (values) => share(values, (value) => /^[A-Za-z]{2}$/.test(value)) >= 0.9,
  locationPrecision: (values) =>
    share(values, (value) => ['exact', 'city', 'region', 'country'].includes(value)) >= 0.9,
};

/** A bare number: a count or a measurement, even when EDTF would read "2024" or "1999" as a year. */
const BARE_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A column whose every value is a date as the importer reads dates (EDTF, ISO, the forms
 * date-cells.ts accepts) and not every one a bare number: a column of years or counts is not
 * sure enough to take the date from without asking.
 */
export function allDates(values: string[]): boolean {
  return (
    values.length > 0 &&
    values.every(
      (value) => parseDateCell(value, 'day-first').ok || parseDateCell(value, 'month-first').ok,
    ) &&
    !values.every((value) => BARE_NUMBER.test(value))
  );
}

/**
 * The largest distance from zero in a column of decimal numbers, or null when the column is not
 * one: a value is not a number, or none has a fractional part (counts, ranks and years are whole
 * numbers; real coordinates almost never all are).
 */
export function decimalRange(values: string[]): number | null {
  if (values.length === 0) return null;
  let largest = 0;
  let fractional = false;
  for (const value of values) {
    const number = parseCoordinate(value);
    if (number === null) return null;
    largest = Math.max(largest, Math.abs(number));
    if (!Number.isInteger(number)) fractional = true;
  }
  return fractional ? largest : null;
}

export interface DetectedPair {
  latitude: number;
  longitude: number;
  /** False when the values fit either way round (both within ±90): the reader confirms. */
  sure: boolean;
}

/**
 * Latitude and longitude from the values of columns no name settled: two columns of decimal
 * numbers, one all within ±90 and one all within ±180 with some beyond ±90. Two columns both
 * within ±90 (Europe, Africa) are read in the usual order, latitude first, and left to the reader
 * to confirm; any other number of candidates is too uncertain to guess.
 */
export function detectCoordinatePair(
  columns: readonly number[],
  samples: (column: number) => string[],
): DetectedPair | null {
  const withinLatitude: number[] = [];
  const beyondLatitude: number[] = [];
  for (const column of columns) {
    const range = decimalRange(samples(column));
    if (range === null || range > 180) continue;
    (range <= 90 ? withinLatitude : beyondLatitude).push(column);
  }
  const [first, second] = withinLatitude;
  if (first === undefined) return null;
  if (withinLatitude.length === 1 && beyondLatitude.length === 1) {
    return { latitude: first, longitude: beyondLatitude[0] ?? -1, sure: true };
  }
  if (withinLatitude.length === 2 && beyondLatitude.length === 0 && second !== undefined) {
    return { latitude: first, longitude: second, sure: false };
  }
  return null;
}
