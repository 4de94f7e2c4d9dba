/**
 * The URL is the single source of truth for what the reader is looking at (docs/contracts.md §2).
 * These pure functions read a location into state and write state back into a location; the hook
 * in use-url-state.ts is a thin layer over them. A malformed value is dropped, said in a notice,
 * and the URL corrected: a link from a stranger can never crash the page.
 */
import { formatIsoDay, parseIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import { MAX_ID_LENGTH } from '../model/derive-id.ts';
import type { EventFilter } from '../model/event-filter.ts';
import { isDatasetAddress } from './dataset-address.ts';
import { parsePlayParam, playParam } from './play-param.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { isLanguage, type Language } from '../../lib/i18n/languages.ts';

export { isDatasetAddress };

/** What the reader is looking at: a selection and a filter over one dataset. */
export interface UrlState extends EventFilter {
  /** The selected event's id, from `<base>events/<id>`; null when nothing is selected. */
  selectedId: string | null;
  /**
   * The reader view for iframes (`embed=1`, docs/contracts.md §2): reading only, a compact title
   * bar. Kept through every action and link inside the frame, so the frame never turns into the
   * full app.
   */
  embed: boolean;
  /**
   * A bundled story's id, from `<base>stories/<id>` (docs/stories.md); absent elsewhere. Its step
   * and a `story=` address stay in `params`: the story's own code, loaded only for a story, reads
   * them, so the first load carries nothing more of stories than this.
   */
  storyId?: string;
  /** Playback's settings, `play=week,2x` (play-param.ts); '' for the defaults. */
  play: string;
  /**
   * The interface's language when the reader chose it (`<base>ko/…` for Korean, `?lang=en`);
   * absent, the browser's language is used and the address does not name one, so a shared link
   * opens in the language of whoever follows it.
   */
  lang?: Language;
  /** Query parameters this module does not interpret (another dataset, …), kept as they came. */
  params: [string, string][];
}

export interface ParsedUrl {
  state: UrlState;
  /** What was wrong with the URL and has been corrected, for the reader to see. */
  notices: string[];
  /** The corrected URL, when it differs from the one parsed. */
  correctedHref: string | null;
}

export const EMPTY_URL_STATE: UrlState = {
  selectedId: null,
  from: null,
  to: null,
  query: '',
  categories: [],
  embed: false,
  play: '',
  params: [],
};

const EVENT_PATH = /^(events|stories)\/([^/]+)\/?$/;
/** Longer than any real search: stops a hostile link from filling the page. Ids: MAX_ID_LENGTH. */
const MAX_QUERY_LENGTH = 200;
const MAX_CATEGORIES = 50;
const OWN_PARAMS = new Set(['from', 'to', 'q', 'cat', 'embed', 'play', 'lang']);
/** Korean addresses start with this path step: `/ko/events/<id>` has its own link preview. */
const KOREAN_PREFIX = 'ko/';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A lone surrogate (half of an emoji) becomes U+FFFD, as a browser's URL parser makes it: a path
 * from location never holds one, and encodeURIComponent throws on one.
 */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** The first `length` UTF-16 units, less half a character left at the end by the cut. */
function clip(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function safeDecode(text: string): string | null {
  try {
    return wellFormed(decodeURIComponent(text));
  } catch {
    return null;
  }
}

function quote(value: string): string {
  return `“${value.length > 40 ? `${clip(value, 40)}…` : value}”`;
}

/** The path's event (`events/<id>`) or bundled story (`stories/<id>`), if any. */
function parsePath(
  pathname: string,
  base: string,
  notices: string[],
): { selectedId: string | null; storyId?: string; korean?: true } {
  let inBase = pathname.startsWith(base)
    ? pathname.slice(base.length)
    : pathname === base.replace(/\/$/, '')
      ? ''
      : null;
  let korean = false;
  if (inBase === 'ko' || inBase?.startsWith(KOREAN_PREFIX)) {
    korean = true;
    inBase = inBase.slice(KOREAN_PREFIX.length);
  }
  const place = parsePlace(inBase, notices);
  return korean ? { ...place, korean } : place;
}

function parsePlace(
  inBase: string | null,
  notices: string[],
): { selectedId: string | null; storyId?: string } {
  if (inBase === null) {
    notices.push(i18n._('That address is not part of Dateline; showing all events.'));
    return { selectedId: null };
  }
  if (inBase === '' || inBase === 'index.html') return { selectedId: null };
  const match = EVENT_PATH.exec(inBase);
  const decoded = match?.[2] === undefined ? null : safeDecode(match[2]);
  // "." and ".." (also written %2E) are path steps to every URL parser: no link can carry them.
  if (
    decoded === null ||
    decoded.trim() === '' ||
    decoded.length > MAX_ID_LENGTH ||
    /^\.{1,2}$/.test(decoded)
  ) {
    notices.push(i18n._('That address does not point to an event; showing all events.'));
    return { selectedId: null };
  }
  return match?.[1] === 'stories'
    ? { selectedId: null, storyId: decoded }
    : { selectedId: decoded };
}

function parseDay(
  search: URLSearchParams,
  key: 'from' | 'to',
  notices: string[],
): CalendarDay | null {
  const value = search.get(key);
  if (value === null || value.trim() === '') return null;
  const day = parseIsoDay(value.trim());
  if (day === null) {
    const values = { date: quote(value) };
    notices.push(
      key === 'from'
        ? i18n._(
            'The start date {date} is not a date in the form YYYY-MM-DD, so it was ignored.',
            values,
          )
        : i18n._(
            'The end date {date} is not a date in the form YYYY-MM-DD, so it was ignored.',
            values,
          ),
    );
  }
  return day;
}

/** `embed=1` (or `0`, the default); any other value is dropped with a notice. */
function parseEmbed(search: URLSearchParams, notices: string[]): boolean {
  const value = search.get('embed');
  if (value === null || value === '0') return false;
  if (value === '1') return true;
  notices.push(
    i18n._(
      'The embed setting {value} is not 1 or 0, so the full view is shown. Use embed=1 for the reader view.',
      { value: quote(value) },
    ),
  );
  return false;
}

/** `lang=en` or `lang=ko` (`ko/` in the path is Korean too); another value is dropped with a notice. */
function parseLang(
  search: URLSearchParams,
  korean: boolean,
  notices: string[],
): Language | undefined {
  const value = search.get('lang');
  if (value === null || value.trim() === '') return korean ? 'ko' : undefined;
  if (isLanguage(value.trim())) return korean ? 'ko' : (value.trim() as Language);
  notices.push(
    i18n._(
      'The language {language} is not one Dateline speaks, so the browser’s language is used. Use lang=en or lang=ko.',
      { language: quote(value) },
    ),
  );
  return korean ? 'ko' : undefined;
}

/** Reads `pathname` + `search` under the app's base path (`/` or `/some/path/`). */
export function parseUrl(pathname: string, search: string, base: string): ParsedUrl {
  const notices: string[] = [];
  const { selectedId, storyId, korean } = parsePath(pathname, base, notices);
  const searchParams = new URLSearchParams(search);
  const lang = parseLang(searchParams, korean === true, notices);

  let from = parseDay(searchParams, 'from', notices);
  let to = parseDay(searchParams, 'to', notices);
  if (from !== null && to !== null && to < from) {
    // Which of the two was meant cannot be told, so neither is kept: all dates are shown.
    notices.push(
      i18n._(
        'The end date {end} comes before the start date {start}, so both dates were ignored.',
        { end: formatIsoDay(to), start: formatIsoDay(from) },
      ),
    );
    from = null;
    to = null;
  }

  let query = (searchParams.get('q') ?? '').trim();
  if (query.length > MAX_QUERY_LENGTH) {
    notices.push(
      i18n._('The search was longer than {count} characters and was shortened.', {
        count: MAX_QUERY_LENGTH,
      }),
    );
    query = clip(query, MAX_QUERY_LENGTH).trim();
  }

  const rawCategories = (searchParams.get('cat') ?? '')
    .split(',')
    .map((category) => category.trim())
    .filter(Boolean);
  const uniqueCategories = [...new Set(rawCategories)];
  if (uniqueCategories.length > MAX_CATEGORIES) {
    notices.push(
      i18n._('Only the first {kept} of {count} categories were kept.', {
        kept: MAX_CATEGORIES,
        count: uniqueCategories.length,
      }),
    );
  }
  const categories = uniqueCategories.slice(0, MAX_CATEGORIES);

  const embed = parseEmbed(searchParams, notices);
  const { settings, unknown } = parsePlayParam(searchParams.get('play') ?? '');
  if (unknown.length > 0)
    notices.push(
      i18n._('The playback setting {value} is not known, so it was left out.', {
        value: quote(unknown.join(',')),
      }),
    );
  const play = playParam(settings);

  const params: [string, string][] = [];
  let dataSeen = false;
  for (const [key, value] of searchParams) {
    if (OWN_PARAMS.has(key)) continue;
    if (key === 'data') {
      if (dataSeen || value.trim() === '') continue;
      if (!isDatasetAddress(value)) {
        notices.push(
          i18n._(
            'The dataset address {address} is not an http(s) address, so the bundled dataset is shown.',
            { address: quote(value) },
          ),
        );
        continue;
      }
      dataSeen = true;
    }
    params.push([key, value]);
  }

  const state: UrlState = { selectedId, from, to, query, categories, embed, play, params };
  if (storyId !== undefined) state.storyId = storyId;
  if (lang !== undefined) state.lang = lang;
  const canonical = serializeUrl(state, base);
  const correctedHref = canonical === pathname + search ? null : canonical;
  return { state, notices, correctedHref };
}

/**
 * A story's address (`<base>stories/<id>` or `?story=`): the page loads the story's code for it.
 * Kept here, in the first load, because it is this small; the rest is data/url/story-url.ts.
 */
export function isStoryAddress(state: UrlState): boolean {
  return state.storyId !== undefined || state.params.some(([key]) => key === 'story');
}

/** Writes state as `pathname + search`; values equal to the default are left out. */
export function serializeUrl(state: UrlState, base: string): string {
  const root = state.lang === 'ko' ? base + KOREAN_PREFIX : base;
  const path =
    state.selectedId !== null
      ? `${root}events/${encodeURIComponent(state.selectedId)}`
      : state.storyId !== undefined
        ? `${root}stories/${encodeURIComponent(state.storyId)}`
        : root;
  const search = new URLSearchParams();
  if (state.from !== null) search.set('from', formatIsoDay(state.from));
  if (state.to !== null) search.set('to', formatIsoDay(state.to));
  if (state.query) search.set('q', state.query);
  if (state.categories.length > 0) search.set('cat', state.categories.join(','));
  if (state.play) search.set('play', state.play);
  if (state.lang !== undefined && state.lang !== 'ko') search.set('lang', state.lang);
  for (const [key, value] of state.params) search.append(key, value);
  // Last, so the full view's address is the embed's with its end cut off.
  if (state.embed) search.set('embed', '1');
  // Commas stay readable (cat=strike,statement): they need no escaping in a query string.
  const text = search.toString().replace(/%2C/gi, ',');
  return text ? `${path}?${text}` : path;
}
