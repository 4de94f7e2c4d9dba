/**
 * The pieces every record check is built from: reading a JSON object's own keys, text fields with
 * their limits, and the RecordProblem a failed check throws (feature-checker.ts reports it against
 * its record).
 */
import { inEnglish, type Message, type MessageValue } from '../../lib/i18n/message.ts';
import { typeName } from './edtf.ts';
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
  /** The message in English, as scripts and exports give it. */
  readonly reason: string;

  constructor(
    readonly field: string,
    readonly message: Message,
  ) {
    this.reason = inEnglish(message);
  }
}

export function fail(field: string, message: Message): never {
  throw new RecordProblem(field, message);
}

/**
 * A value as a message may quote it: short text quoted, anything else named by its type. Never
 * JSON.stringify of the value itself, which overflows the stack on 10 000 nested arrays and copies
 * a 5 MB string to show 40 characters of it.
 */
export function preview(value: unknown, length = 40): MessageValue {
  if (value === undefined) return /*i18n*/ { id: 'nothing' };
  if (typeof value === 'string') return JSON.stringify(value.slice(0, length));
  return typeName(value);
}

export function requiredText(properties: JsonObject, key: string): string {
  const value = own(properties, key);
  const field = `properties.${key}`;
  if (value === undefined || value === null)
    fail(field, /*i18n*/ { id: '{key} is missing', values: { key } });
  if (typeof value !== 'string') fail(field, expectedText(value));
  const text = value.trim();
  if (text === '') fail(field, /*i18n*/ { id: '{key} is empty', values: { key } });
  if (text.length > MAX_TEXT_LENGTH) {
    fail(
      field,
      /*i18n*/ {
        id: '{key} is longer than {limit} characters',
        values: { key, limit: MAX_TEXT_LENGTH },
      },
    );
  }
  return text;
}

export function optionalText(object: JsonObject, key: string, field: string): string | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(field, expectedText(value));
  if (value.length > MAX_TEXT_LENGTH) fail(field, tooLong());
  const text = value.trim();
  return text === '' ? null : text;
}

export function textList(properties: JsonObject, key: string): readonly string[] {
  const value = own(properties, key);
  if (value === undefined || value === null) return NO_TEXT;
  if (!Array.isArray(value))
    fail(
      `properties.${key}`,
      /*i18n*/ { id: 'expected a list of text, got {type}', values: { type: typeName(value) } },
    );
  if (value.length === 0) return NO_TEXT;
  const list: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') fail(`properties.${key}[${index}]`, expectedText(item));
    if (item.length > MAX_TEXT_LENGTH) fail(`properties.${key}[${index}]`, tooLong());
    const text = item.trim();
    if (text !== '') list.push(text);
  });
  return list;
}

export function expectedText(value: unknown): Message {
  return /*i18n*/ { id: 'expected text, got {type}', values: { type: typeName(value) } };
}

function tooLong(): Message {
  return /*i18n*/ { id: 'longer than {limit} characters', values: { limit: MAX_TEXT_LENGTH } };
}
