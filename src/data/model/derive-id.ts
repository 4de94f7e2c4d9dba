/**
 * Ids for records that have none, derived from what the record says (date, place, title) rather
 * than from its position, so a link keeps pointing at the same event when the file is reordered
 * or grows.
 */
import type { EventDate } from './edtf.ts';

/** Longer ids are refused: every id must fit in a link (the URL parser refuses longer ones). */
export const MAX_ID_LENGTH = 200;

export interface IdentifyingContent {
  title: string;
  date: EventDate;
  longitude: number;
  latitude: number;
}

/** 32-bit FNV-1a over the UTF-16 code units: tiny, fast and stable across runs and platforms. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Text that is already a slug: lower-case letters and digits, single hyphens between. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(text: string, maxWords = 6): string {
  // Most ids in a table are slugs already (`event-1234`): the same text back, without the five
  // new strings and two arrays of the general path, which a million rows would pay for.
  if (SLUG.test(text) && wordCount(text) <= maxWords) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

function wordCount(slug: string): number {
  let words = 1;
  for (let index = 0; index < slug.length; index += 1)
    if (slug.charCodeAt(index) === 0x2d) words += 1;
  return words;
}

export function deriveEventId(content: IdentifyingContent): string {
  const key = [
    content.date.edtf,
    content.longitude.toFixed(5),
    content.latitude.toFixed(5),
    content.title.normalize('NFC'),
  ].join('|');
  const hash = fnv1a(key).toString(36).padStart(7, '0');
  // A one-word title may be thousands of characters long: the slug is cut so that the id, with
  // the hash and room for a counter (`-2`, see assignIds), still fits in a link.
  const slug = slugify(content.title)
    .slice(0, MAX_ID_LENGTH - 16)
    .replace(/-$/, '');
  return slug ? `${slug}-${hash}` : `event-${hash}`;
}
