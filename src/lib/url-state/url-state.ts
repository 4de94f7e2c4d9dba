/**
 * The URL is the single source of truth for what the reader is looking at (contracts.md §2).
 * These pure functions read a location into state and write state back into a location; the hook
 * in use-url-state.ts is a thin layer over them.
 */

export interface UrlState {
  /** The selected event's id, from `<base>events/<id>`; null when nothing is selected. */
  selectedId: string | null;
  /**
   * Query parameters this module does not interpret yet (filters, another dataset), kept in order
   * so that a link survives a round trip unchanged.
   */
  params: [string, string][];
}

export interface ParsedUrl {
  state: UrlState;
  /** What was wrong with the URL and has been corrected, for the reader to see. */
  notices: string[];
  /** The corrected URL, when it differs from the one parsed. */
  correctedHref: string | null;
}

export const EMPTY_URL_STATE: UrlState = { selectedId: null, params: [] };

const EVENT_PATH = /^events\/([^/]+)\/?$/;
/** Longer than any real slug; stops a hostile link from filling the page with its "id". */
const MAX_ID_LENGTH = 200;

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Reads `pathname` + `search` under the app's base path (`/` or `/some/path/`). */
export function parseUrl(pathname: string, search: string, base: string): ParsedUrl {
  const notices: string[] = [];
  let selectedId: string | null = null;

  const inBase = pathname.startsWith(base)
    ? pathname.slice(base.length)
    : pathname === base.replace(/\/$/, '')
      ? ''
      : null;
  const rest = inBase ?? '';
  if (inBase === null) {
    notices.push('That address is not part of Dateline; showing all events.');
  } else if (rest !== '' && rest !== 'index.html') {
    const match = EVENT_PATH.exec(rest);
    const decoded = match?.[1] === undefined ? null : safeDecode(match[1]);
    if (decoded === null || decoded.trim() === '' || decoded.length > MAX_ID_LENGTH) {
      notices.push('That address does not point to an event; showing all events.');
    } else {
      selectedId = decoded;
    }
  }

  const params: [string, string][] = [];
  for (const [key, value] of new URLSearchParams(search)) params.push([key, value]);

  const state: UrlState = { selectedId, params };
  const canonical = serializeUrl(state, base);
  const correctedHref = canonical === pathname + search ? null : canonical;
  return { state, notices, correctedHref };
}

/** Writes state as `pathname + search`; values equal to the default are left out. */
export function serializeUrl(state: UrlState, base: string): string {
  const path =
    state.selectedId === null ? base : `${base}events/${encodeURIComponent(state.selectedId)}`;
  const search = new URLSearchParams(state.params).toString();
  return search ? `${path}?${search}` : path;
}
