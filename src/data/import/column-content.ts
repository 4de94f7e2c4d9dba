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
  category: (values) => new Set(values).size <= 24,
  // Mostly unique: a few repeats are the file's slips, and such rows get ids of their own.
  id: (values) => new Set(values).size >= values.length * 0.9,
  country: (values) => share(values, (value) => /^[A-Za-z]{2}$/.test(value)) >= 0.9,
  locationPrecision: (values) =>
    share(values, (value) => ['exact', 'city', 'region', 'country'].includes(value)) >= 0.9,
};
