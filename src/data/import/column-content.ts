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
  title: (values) => share(values, (value) => parseCoordinate(value) === null) >= 0.8,
  category: (values) => categoryCount(values) <= MAX_NAMED_CATEGORIES,
  // Mostly unique: a few repeats are the file's slips, and such rows get ids of their own.
  id: (values) => new Set(values).size >= values.length * 0.9,
  country: (values) => share(values, (value) => /^[A-Za-z]{2}$/.test(value)) >= 0.9,
  locationPrecision: (values) =>
    share(values, (value) => ['exact', 'city', 'region', 'country'].includes(value)) >= 0.9,
};
