/**
 * The embed's conversation with the page around its frame (docs/embedding.md, docs/contracts.md
 * §2): pure checks, so that what is accepted and where a message may go is decided in one place
 * and tested without a browser.
 */
import { MAX_ID_LENGTH } from '../../data/model/derive-id.ts';
import { parseHttpUrl } from '../../data/model/dataset-error.ts';

/** Sent to the parent when the embed's content height changes (CSS pixels, whole). */
export interface ResizeMessage {
  type: 'dateline:resize';
  height: number;
}

/** Both ways: the selected event's id, or null for none. */
export interface SelectMessage {
  type: 'dateline:select';
  id: string | null;
}

/** What the frame knows of its parent: `location.ancestorOrigins` and `document.referrer`. */
export interface FrameContext {
  ancestorOrigins: ArrayLike<string> | undefined;
  referrer: string;
}

function httpOrigin(address: string): string | null {
  return parseHttpUrl(address)?.origin ?? null;
}

/**
 * The parent page's origin: the browser's own `ancestorOrigins` (Chromium, Safari) first, which
 * the parent cannot fake, else the origin of the referrer (Firefox), which the embed snippet's
 * `referrerpolicy="strict-origin-when-cross-origin"` keeps. Null when neither says (a parent with
 * `no-referrer`, or an opaque origin): then no message is accepted.
 */
export function parentOriginOf({ ancestorOrigins, referrer }: FrameContext): string | null {
  const nearest = ancestorOrigins && ancestorOrigins.length > 0 ? ancestorOrigins[0] : undefined;
  if (nearest !== undefined) return httpOrigin(nearest);
  return referrer ? httpOrigin(referrer) : null;
}

/**
 * Where messages to the parent go. With the origin unknown they still go, to '*': they say only
 * the frame's height and the id of a public event, which any page could read by loading the
 * embed itself; accepting messages, which changes the view, is what needs the origin.
 */
export function targetOriginFor(parentOrigin: string | null): string {
  return parentOrigin ?? '*';
}

/**
 * Only the parent frame itself, from its own origin: another frame on the page (or a page that
 * framed the parent) can post to this window too, and must not steer it.
 */
export function isFromParent(
  message: { source: unknown; origin: string },
  parent: unknown,
  parentOrigin: string | null,
): boolean {
  return parentOrigin !== null && message.source === parent && message.origin === parentOrigin;
}

/**
 * A `{type: 'dateline:select', id}` message read strictly: a plain object with exactly these two
 * keys, an id that could be an event's (a non-empty string no longer than any id) or null.
 * Anything else is null and ignored; an id not in the dataset goes on to the "not found" notice.
 */
export function readSelectMessage(data: unknown): SelectMessage | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const prototype: unknown = Object.getPrototypeOf(data);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const keys = Object.keys(data);
  if (keys.length !== 2 || !keys.includes('type') || !keys.includes('id')) return null;
  const { type, id } = data as { type: unknown; id: unknown };
  if (type !== 'dateline:select') return null;
  if (id === null) return { type, id };
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) return null;
  return { type, id };
}

/** A height worth telling the parent: whole pixels, and only when it differs from the last sent. */
export function nextResize(measured: number, lastSent: number | null): ResizeMessage | null {
  if (!Number.isFinite(measured) || measured <= 0) return null;
  const height = Math.ceil(measured);
  return height === lastSent ? null : { type: 'dateline:resize', height };
}
