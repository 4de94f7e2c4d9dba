/**
 * The pieces every record check is built from: reading a JSON object's own keys, text fields with
 * their limits, and the RecordProblem a failed check throws (feature-checker.ts reports it against
 * its record).
 */
import { describeType } from './edtf.ts';
import { NO_TEXT } from './schema.ts';

export const MAX_TEXT_LENGTH = 100_000;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a key only when the object itself holds it: `__proto__` or `constructor` never leak in. */
export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export class RecordProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

export function fail(field: string, reason: string): never {
  throw new RecordProblem(field, reason);
}

/**
 * A value as a message may quote it: short text quoted, anything else named by its type. Never
 * JSON.stringify of the value itself, which overflows the stack on 10 000 nested arrays and copies
 * a 5 MB string to show 40 characters of it.
 */
export function preview(value: unknown, length = 40): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, length));
  return describeType(value);
}

export function requiredText(properties: JsonObject, key: string): string {
  const value = own(properties, key);
  if (value === undefined || value === null) fail(`properties.${key}`, `${key} is missing`);
  if (typeof value !== 'string')
    fail(`properties.${key}`, `expected text, got ${describeType(value)}`);
  const text = value.trim();
  if (text === '') fail(`properties.${key}`, `${key} is empty`);
  if (text.length > MAX_TEXT_LENGTH)
    fail(`properties.${key}`, `${key} is longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

export function optionalText(object: JsonObject, key: string, field: string): string | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field, `expected text, got ${describeType(value)}`);
  if (value.length > MAX_TEXT_LENGTH) fail(field, `longer than ${MAX_TEXT_LENGTH} characters`);
  const text = value.trim();
  return text === '' ? null : text;
}

export function textList(properties: JsonObject, key: string): readonly string[] {
  const value = own(properties, key);
  if (value === undefined || value === null) return NO_TEXT;
  if (!Array.isArray(value))
    fail(`properties.${key}`, `expected a list of text, got ${describeType(value)}`);
  if (value.length === 0) return NO_TEXT;
  const list: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string')
      fail(`properties.${key}[${index}]`, `expected text, got ${describeType(item)}`);
    if (item.length > MAX_TEXT_LENGTH)
      fail(`properties.${key}[${index}]`, `longer than ${MAX_TEXT_LENGTH} characters`);
    const text = item.trim();
    if (text !== '') list.push(text);
  });
  return list;
}
