/**
 * Hostile URLs (issue #8, point 3): parseUrl and serializeUrl against random and hand-written
 * paths and query strings, under the bases `/` and `/news/dateline/`.
 *
 * How many inputs each property tries (fast-check numRuns):
 *   never throws, and the parsed state is always valid (raw strings) .......... 3000
 *   the same through the browser's URL parser (location.pathname/search) ...... 1000
 *   whatever is dropped or corrected is reported ................................ 2000
 *   parse(serialize(state)) is a fixed point, with no notices ................... 2000
 *   serialize(parse(…)) read back by the browser's URL parser: the same state ... 1000
 *   every part of a valid state survives serialize → parse ...................... 1000
 * Plus the hand-written corpus below (one input per case).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_URL_STATE,
  isDatasetAddress,
  parseUrl,
  serializeUrl,
  type ParsedUrl,
  type UrlState,
} from './url-state.ts';
import { formatIsoDay, parseIsoDay } from '../model/calendar-day.ts';
import { parsePlayParam, playParam } from './play-param.ts';

const BASES = ['/', '/news/dateline/'] as const;
const MAX_ID_LENGTH = 200;
const MAX_QUERY_LENGTH = 200;
const MAX_CATEGORIES = 50;
const OWN_KEYS = new Set(['from', 'to', 'q', 'cat', 'embed', 'play']);

function fail(message: string): never {
  throw new Error(message);
}

function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Where a `data` address leads from a page of the app, or null when it is not fetched at all. */
function dataProtocol(value: string): string | null {
  if (value.startsWith('local:')) return 'local:';
  try {
    return new URL(value, 'https://example.org/news/dateline/').protocol;
  } catch {
    return null;
  }
}

/** The rules the parser enforces, checked independently of it. */
function expectValidState(state: UrlState) {
  const { selectedId, from, to, query, categories, play, params } = state;
  if (playParam(parsePlayParam(play).settings) !== play) fail(`play=${play} is not as written`);
  if (selectedId !== null) {
    if (typeof selectedId !== 'string' || selectedId.trim() === '') fail('a blank selection');
    if (selectedId.length > MAX_ID_LENGTH) fail(`an id of ${selectedId.length} characters`);
    if (!isWellFormed(selectedId))
      fail(`an id with a lone surrogate: ${JSON.stringify(selectedId)}`);
    if (/^\.{1,2}$/.test(selectedId)) fail(`the id ${selectedId} is a path step, not an id`);
  }
  for (const day of [from, to]) {
    if (day === null) continue;
    if (!Number.isSafeInteger(day)) fail(`day ${day} is not a day number`);
    // A real calendar date, written back as the same YYYY-MM-DD.
    if (parseIsoDay(formatIsoDay(day)) !== day) fail(`day ${day} is no calendar date`);
  }
  if (from !== null && to !== null && to < from) fail('the range ends before it starts');
  if (query !== query.trim()) fail('the search is not trimmed');
  if (query.length > MAX_QUERY_LENGTH) fail(`a search of ${query.length} characters`);
  if (!isWellFormed(query)) fail(`a search with a lone surrogate: ${JSON.stringify(query)}`);
  if (categories.length > MAX_CATEGORIES) fail(`${categories.length} categories`);
  if (new Set(categories).size !== categories.length) fail('a repeated category');
  for (const category of categories) {
    if (category === '' || category !== category.trim() || category.includes(','))
      fail(`category ${JSON.stringify(category)}`);
  }
  let data = 0;
  for (const [key, value] of params) {
    if (OWN_KEYS.has(key)) fail(`own parameter ${key} kept as uninterpreted`);
    if (!isWellFormed(key) || !isWellFormed(value)) fail('a parameter with a lone surrogate');
    if (key !== 'data') continue;
    data += 1;
    const protocol = dataProtocol(value);
    if (value.trim() === '' || !isDatasetAddress(value)) fail(`data ${JSON.stringify(value)} kept`);
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'local:')
      fail(`data ${JSON.stringify(value)} leads to ${String(protocol)}`);
    if (protocol === 'local:' && value.length <= 'local:'.length) fail('an empty local: name');
  }
  if (data > 1) fail('two datasets');
}

function expectSoundParse(parsed: ParsedUrl, base: string) {
  expectValidState(parsed.state);
  for (const notice of parsed.notices) {
    if (typeof notice !== 'string' || notice.trim() === '') fail('an empty notice');
    if (notice.length > 300) fail(`a notice of ${notice.length} characters`);
  }
  if (parsed.notices.length > 0 && parsed.correctedHref === null)
    fail('a notice, but the URL was left as it was');
  const href = parsed.correctedHref;
  if (href !== null) {
    // The corrected URL goes to history.replaceState: it must stay a path on this site.
    if (!href.startsWith(base) || /^\/[/\\]/.test(href)) fail(`corrected to ${href}`);
    expect(href).toBe(serializeUrl(parsed.state, base));
  }
}

function splitHref(href: string): [string, string] {
  const mark = href.indexOf('?');
  return mark === -1 ? [href, ''] : [href.slice(0, mark), href.slice(mark)];
}

/** What the hook does: the browser normalises the address, then the parser reads it. */
function parseLikeTheBrowser(href: string, base: string): ParsedUrl | null {
  let url: URL;
  try {
    url = new URL(href, 'https://example.org');
  } catch {
    return null;
  }
  return parseUrl(url.pathname, url.search, base);
}

// ---------------------------------------------------------------------------------------------
// Generators

const base = fc.constantFrom(...BASES);
const percentBytes = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 })
  .map((bytes) => bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
/** Text as a query string would carry it, whatever it holds (lone surrogates become U+FFFD). */
const formEncode = (text: string) => new URLSearchParams([['', text]]).toString().slice(1);

const segment = fc.oneof(
  fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  percentBytes,
  fc.constantFrom(
    '%E0%A4%A',
    '%00',
    '%',
    '%ZZ',
    '%2F',
    'a%2Fb',
    '%2E',
    '%2e',
    '%2e%2E',
    '.',
    '..',
    '...',
    '%20',
    '%20%20',
    '%09',
    '%C0%AF',
    '%ED%A0%80',
    '%F0%9F%98%80',
    '%EF%BB%BF',
    '\uD800',
    'a\uDC00b',
    '<script>alert(1)</script>',
    'index.html',
    'x'.repeat(MAX_ID_LENGTH),
    'x'.repeat(MAX_ID_LENGTH + 1),
    '%78'.repeat(MAX_ID_LENGTH + 1),
  ),
);

const path = fc.oneof(
  fc.webPath(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(base, segment).map(([prefix, id]) => `${prefix}events/${id}`),
  fc
    .tuple(base, segment, fc.constantFrom('/', '//', '/x', '/..', '/.', '?', '#'))
    .map(([prefix, id, tail]) => `${prefix}events/${id}${tail}`),
  fc
    .tuple(
      base,
      fc.constantFrom(
        '',
        'index.html',
        'events',
        'events/',
        'events//x',
        '/events/x',
        '../events/x',
        'events/./x',
        'EVENTS/x',
        'events/x/y',
      ),
    )
    .map(([prefix, rest]) => `${prefix}${rest}`),
  fc.constantFrom(
    '',
    '/',
    '//',
    '///events/x',
    '//evil.example/events/x',
    '/\\evil.example',
    '/events/x/..',
    '/news/dateline',
    '/news/datelinex/events/x',
    '/news',
    '/news/dateline//events/x',
  ),
);

const isoDay = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(
    ([year, month, day]) =>
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
const dateValue = fc.oneof(
  isoDay,
  fc.constantFrom(
    '2024-13-45',
    '2024-02-30',
    '2023-02-29',
    '2024-02-29',
    '0000-01-01',
    '9999-12-31',
    '+12024-01-01',
    '-0001-01-01',
    '2024-1-1',
    ' 2024-01-01 ',
    '2024-01-01T00:00',
    '20240101',
    '２０２４-01-01',
    '',
    ' ',
  ),
);
const HOSTILE_DATA = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\njavascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:x',
  'data:text/csv,a,b',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'blob:https://example.org/0f3c',
  'ftp://example.org/a.csv',
  'local:',
  'LOCAL:x.csv',
  `local:${'x'.repeat(400)}`,
  `https://example.org/${'x'.repeat(2100)}`,
  'http://[::1',
  'http://user:pw@example.org/a.csv',
];
const FINE_DATA = [
  'https://example.org/a.csv',
  'http://example.org/a.geojson',
  '//evil.example/a.csv',
  '\\\\evil.example\\a.csv',
  '/datasets/a.csv',
  'a.csv',
  '../a.csv',
  '?data=x',
  'local:quakes.csv',
  'local:a + 2 more',
];
const dataValue = fc.oneof(
  fc.constantFrom(...HOSTILE_DATA, ...FINE_DATA),
  fc.webUrl(),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const categoryList = fc
  .array(
    fc.oneof(
      fc.constantFrom('strike', 'statement', ' strike ', '', '__proto__', 'constructor', 'a b'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((items) => items.join(','));
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀`,
    `${'a'.repeat(MAX_QUERY_LENGTH - 1)} b`,
    'q'.repeat(MAX_QUERY_LENGTH + 50),
    '  padded  ',
  ),
);
const PLAY_WORDS = [
  'day',
  'week',
  'month',
  'range',
  '0.5x',
  '2x',
  '8×',
  '1x',
  'cumulative',
  'loop',
];
const playValue = fc.oneof(
  fc
    .array(fc.constantFrom(...PLAY_WORDS, 'fast', ' WEEK ', '', '3x'), { maxLength: 6 })
    .map((words) => words.join(',')),
  text,
);
const KEYS = ['from', 'to', 'q', 'cat', 'data', '', 'x', 'FROM', ' q', 'data ', '__proto__'];
const pair = fc.oneof(
  fc.tuple(fc.constantFrom('from', 'to'), dateValue),
  fc.tuple(fc.constant('q'), text),
  fc.tuple(fc.constant('cat'), categoryList),
  fc.tuple(fc.constant('data'), dataValue),
  fc.tuple(fc.constant('play'), playValue),
  fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), text),
);
const search = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(pair, { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom('?', '', '??'),
        fc.constantFrom('&', '&&', '&amp;', ';'),
      )
      .map(([pairs, encode, prefix, separator]) => {
        const encoded = (value: string) => (encode ? formEncode(value) : value);
        return (
          prefix + pairs.map(([key, value]) => `${encoded(key)}=${encoded(value)}`).join(separator)
        );
      }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.webQueryParameters().map((query) => `?${query}`) },
);

/** Any URL the parser might see: the path, the query, and the base the app runs under. */
const anyUrl = fc.record({ path, search, base });

// ---------------------------------------------------------------------------------------------
// Properties

describe('hostile URLs: properties', () => {
  it('never throws, and the parsed state is always valid', () => {
    fc.assert(
      fc.property(anyUrl, ({ path: pathname, search: query, base: appBase }) => {
        expectSoundParse(parseUrl(pathname, query, appBase), appBase);
      }),
      { numRuns: 3000 },
    );
  });

  it('the same through the browser’s URL parser, as the hook reads location', () => {
    fc.assert(
      fc.property(anyUrl, ({ path: pathname, search: query, base: appBase }) => {
        const parsed = parseLikeTheBrowser(pathname + query, appBase);
        if (parsed) expectSoundParse(parsed, appBase);
      }),
      { numRuns: 1000 },
    );
  });

  it('whatever is dropped or corrected is reported: a notice, or at least a corrected URL', () => {
    fc.assert(
      fc.property(anyUrl, ({ path: pathname, search: query, base: appBase }) => {
        const parsed = parseUrl(pathname, query, appBase);
        const { state, notices, correctedHref } = parsed;
        // Left as it came only when it already says exactly what is shown.
        expect(correctedHref === null).toBe(serializeUrl(state, appBase) === pathname + query);
        const params = new URLSearchParams(query);
        const said = (pattern: RegExp) => notices.some((notice) => pattern.test(notice));
        for (const [key, which] of [
          ['from', 'start'],
          ['to', 'end'],
        ] as const) {
          const value = params.get(key);
          if (value !== null && value.trim() !== '' && parseIsoDay(value.trim()) === null)
            if (!said(new RegExp(`^The ${which} date`))) fail(`a bad ${key} dropped silently`);
        }
        const from = parseIsoDay(params.get('from')?.trim() ?? '');
        const to = parseIsoDay(params.get('to')?.trim() ?? '');
        if (from !== null && to !== null && to < from && !said(/comes before the start date/))
          fail('a backwards range dropped silently');
        if ((params.get('q') ?? '').trim().length > MAX_QUERY_LENGTH && !said(/^The search was/))
          fail('a long search cut silently');
        const categories = new Set(
          (params.get('cat') ?? '')
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        );
        if (categories.size > MAX_CATEGORIES && !said(/categories/))
          fail('categories dropped silently');
        const data = params.getAll('data').find((value) => value.trim() !== '');
        if (data !== undefined && !isDatasetAddress(data) && !said(/^The dataset address/))
          fail('a refused dataset address dropped silently');
        const play = params.get('play');
        if (play !== null && parsePlayParam(play).unknown.length > 0)
          if (!said(/^The playback setting/)) fail('an unknown playback setting dropped silently');
        if (!pathname.startsWith(appBase) && pathname !== appBase.replace(/\/$/, ''))
          if (!said(/not part of Dateline/)) fail('a foreign path dropped silently');
        const inBase = pathname.startsWith(appBase) ? pathname.slice(appBase.length) : '';
        if (state.selectedId === null && /^events\/./.test(inBase))
          if (!said(/does not point to an event/)) fail('an event path dropped silently');
      }),
      { numRuns: 2000 },
    );
  });

  it('parse(serialize(state)) is a fixed point, with no notices and nothing to correct', () => {
    fc.assert(
      fc.property(anyUrl, ({ path: pathname, search: query, base: appBase }) => {
        const { state } = parseUrl(pathname, query, appBase);
        const [againPath, againSearch] = splitHref(serializeUrl(state, appBase));
        const again = parseUrl(againPath, againSearch, appBase);
        expect(again).toEqual({ state, notices: [], correctedHref: null });
      }),
      { numRuns: 2000 },
    );
  });

  it('serialize(parse(…)) read back through the browser’s URL parser gives the same state', () => {
    fc.assert(
      fc.property(anyUrl, ({ path: pathname, search: query, base: appBase }) => {
        const { state } = parseUrl(pathname, query, appBase);
        const again = parseLikeTheBrowser(serializeUrl(state, appBase), appBase);
        expect(again).toEqual({ state, notices: [], correctedHref: null });
      }),
      { numRuns: 1000 },
    );
  });

  it('every part of a valid state survives serialize → parse', () => {
    const day = isoDay.map(parseIsoDay).filter((value): value is number => value !== null);
    const word = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      // Commas out first, then trimmed: "!, " must not become "! ", which no URL can keep.
      .map((value) => value.replace(/,/g, '').trim())
      .filter((value) => value !== '');
    const validState = fc
      .record({
        selectedId: fc.oneof(
          fc.constant(null),
          fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
          word.filter((value) => !/^\.{1,2}$/.test(value)),
        ),
        days: fc.tuple(fc.option(day), fc.option(day)),
        query: fc.string({ unit: 'grapheme', maxLength: 40 }).map((value) => value.trim()),
        categories: fc.uniqueArray(word, { maxLength: 8 }),
        data: fc.option(fc.constantFrom(...FINE_DATA)),
        embed: fc.boolean(),
        play: fc
          .subarray(['week', '4x', 'cumulative', 'loop'])
          .map((words) => playParam(parsePlayParam(words.join(',')).settings)),
        other: fc.array(
          fc.tuple(
            fc.string({ unit: 'grapheme', maxLength: 6 }).filter((key) => !OWN_KEYS.has(key)),
            fc.string({ unit: 'grapheme', maxLength: 10 }),
          ),
          { maxLength: 3 },
        ),
      })
      .map(
        ({ selectedId, days: [a, b], query, categories, data, embed, play, other }): UrlState => {
          const [from, to] = a !== null && b !== null && b < a ? [b, a] : [a, b];
          const params = other.filter(([key]) => key !== 'data');
          return {
            selectedId,
            from,
            to,
            query,
            categories,
            embed,
            play,
            params: data === null ? params : [['data', data], ...params],
          };
        },
      );
    fc.assert(
      fc.property(validState, base, (state, appBase) => {
        const href = serializeUrl(state, appBase);
        expect(parseUrl(...splitHref(href), appBase)).toEqual({
          state,
          notices: [],
          correctedHref: null,
        });
        expect(parseLikeTheBrowser(href, appBase)?.state).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written corpus

describe('hostile URLs: corpus', () => {
  const parse = (pathname: string, query = '', appBase = '/') => {
    const parsed = parseUrl(pathname, query, appBase);
    expectSoundParse(parsed, appBase);
    return parsed;
  };

  it.each(BASES)('very long paths and queries (100 000 characters) under %s', (appBase) => {
    const long = 'a'.repeat(100_000);
    const cases: [string, string][] = [
      [`${appBase}events/${long}`, ''],
      [`${appBase}${long}`, ''],
      [`${appBase}events/${'%E0%A4%A'.repeat(12_500)}`, ''],
      [appBase, `?q=${long}`],
      [appBase, `?cat=${'a,'.repeat(50_000)}`],
      [appBase, `?data=https://example.org/${long}`],
      [appBase, `?from=${long}&to=${long}`],
      [appBase, `?${'x=1&'.repeat(25_000)}`],
    ];
    for (const [pathname, query] of cases) {
      const started = performance.now();
      const parsed = parse(pathname, query, appBase);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(parsed.correctedHref?.length ?? 0).toBeLessThan(pathname.length + query.length + 1);
    }
  });

  it.each([
    ['/events/%E0%A4%A', 'does not point to an event'],
    ['/events/%00', null],
    ['/events/%ED%A0%80', 'does not point to an event'],
    ['/events/%2E', 'does not point to an event'],
    ['/events/%2e%2E', 'does not point to an event'],
    ['/events/.', 'does not point to an event'],
    ['/events/..', 'does not point to an event'],
    ['/events/%20', 'does not point to an event'],
    ['/events/', 'does not point to an event'],
    ['/events//x', 'does not point to an event'],
    ['/events/x/y', 'does not point to an event'],
    ['//evil.example/events/x', 'does not point to an event'],
    ['/../events/x', 'does not point to an event'],
    ['/news/dateline/events/x', 'does not point to an event'],
  ])('path %s', (pathname, notice) => {
    const parsed = parse(pathname);
    if (notice === null) expect(parsed.notices).toEqual([]);
    else expect(parsed.notices).toEqual([expect.stringContaining(notice)]);
  });

  it('an id with a lone surrogate (which no browser sends) is read as the browser would', () => {
    // A browser writes a lone surrogate in a path as %EF%BF%BD (U+FFFD): the parser does the same.
    const parsed = parse('/events/a\uD800b');
    expect(parsed.state.selectedId).toBe('a\uFFFDb');
    expect(parse(...splitHref(parsed.correctedHref ?? '')).state.selectedId).toBe('a\uFFFDb');
  });

  it('a search cut at the limit never splits a character in two', () => {
    const parsed = parse('/', `?q=${encodeURIComponent(`${'a'.repeat(199)}😀`)}`);
    expect(parsed.state.query).toBe('a'.repeat(199));
    expect(parsed.notices).toEqual([
      'The search was longer than 200 characters and was shortened.',
    ]);
  });

  it('dates: real calendar days only, the range in order, each problem said', () => {
    expect(parse('/', '?from=2024-13-45').notices).toEqual([
      'The start date “2024-13-45” is not a date in the form YYYY-MM-DD, so it was ignored.',
    ]);
    expect(parse('/', '?to=2023-02-29').state.to).toBeNull();
    expect(parse('/', '?to=2024-02-29').state.to).toBe(parseIsoDay('2024-02-29'));
    const backwards = parse('/', '?from=2024-10-02&to=2024-10-01');
    expect([backwards.state.from, backwards.state.to]).toEqual([null, null]);
    expect(backwards.notices).toHaveLength(1);
    // Repeated keys: the first is read, the URL corrected.
    const repeated = parse('/', '?from=2024-01-01&from=2025-01-01');
    expect(repeated.state.from).toBe(parseIsoDay('2024-01-01'));
    expect(repeated.correctedHref).toBe('/?from=2024-01-01');
  });

  it('search and categories: script text is only text, empty ones disappear', () => {
    const parsed = parse('/', '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&cat=&cat=strike');
    expect(parsed.state.query).toBe('<script>alert(1)</script>');
    expect(parsed.state.categories).toEqual([]);
    expect(parse('/', '?cat=,,%20,strike,strike,').state.categories).toEqual(['strike']);
    const many = parse('/', `?cat=${Array.from({ length: 60 }, (_, i) => `c${i}`).join(',')}`);
    expect(many.state.categories).toHaveLength(MAX_CATEGORIES);
    expect(many.notices).toEqual([`Only the first ${MAX_CATEGORIES} of 60 categories were kept.`]);
  });

  /** Test names that fit on a line. */
  const named = (values: string[]) =>
    values.map((value) => [value.length > 60 ? `${value.slice(0, 40)}…` : value, value]);

  it.each(named(HOSTILE_DATA))('data=%j is never fetched, and said', (_, value = '') => {
    for (const query of [
      `?data=${encodeURIComponent(value)}`,
      `?data=${formEncode(value)}`,
      `?data=${value.replace(/[&#+%]/g, encodeURIComponent)}`,
    ]) {
      const parsed = parse('/', query);
      expect(parsed.state.params).toEqual([]);
      expect(parsed.notices).toEqual([expect.stringMatching(/^The dataset address “.*”/s)]);
    }
  });

  it.each(named(FINE_DATA))(
    'data=%j is kept: it leads to http(s) or a local file',
    (_, value = '') => {
      const parsed = parse(
        '/news/dateline/',
        `?data=${encodeURIComponent(value)}`,
        '/news/dateline/',
      );
      expect(parsed.state.params).toEqual([['data', value]]);
      expect(parsed.notices).toEqual([]);
    },
  );

  it('a second data parameter is dropped (the URL corrected); parameters named like Object members are kept', () => {
    const parsed = parse(
      '/',
      '?data=a.csv&data=javascript:alert(1)&__proto__=x&constructor=y&toString=z',
    );
    expect(parsed.state.params).toEqual([
      ['data', 'a.csv'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', 'z'],
    ]);
    expect(parsed.correctedHref).toBe('/?data=a.csv&__proto__=x&constructor=y&toString=z');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('play: the settings in canonical order, defaults left out, unknown words said and dropped', () => {
    expect(parse('/', '?play=loop,cumulative,2x,week').correctedHref).toBe(
      '/?play=week,2x,cumulative,loop',
    );
    expect(parse('/', '?play=range,1x,stop')).toMatchObject({
      state: { play: '' },
      notices: [],
      correctedHref: '/',
    });
    const bad = parse('/', '?from=2024-06-03&play=week,fast,3x');
    expect(bad.state.play).toBe('week');
    expect(bad.notices).toEqual([
      'The playback setting “fast,3x” is not known, so it was left out.',
    ]);
    expect(bad.correctedHref).toBe('/?from=2024-06-03&play=week');
    expect(parse('/', `?play=${'x,'.repeat(50_000)}`).notices[0]?.length).toBeLessThan(300);
  });

  it('serializes the empty state to the base itself', () => {
    for (const appBase of BASES) {
      expect(serializeUrl(EMPTY_URL_STATE, appBase)).toBe(appBase);
      expect(parse(appBase.replace(/\/$/, ''), '', appBase).correctedHref).toBe(appBase);
    }
  });
});
