import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_URL_STATE, parseUrl, serializeUrl } from './url-state.ts';
import { parseIsoDay } from '../model/calendar-day.ts';

describe('the URL state', () => {
  it('reads a selected event from <base>events/<id>, under any base', () => {
    expect(parseUrl('/events/pyongyang-summit-defense-pact', '', '/').state.selectedId).toBe(
      'pyongyang-summit-defense-pact',
    );
    expect(parseUrl('/news/dateline/events/a-b', '', '/news/dateline/').state.selectedId).toBe(
      'a-b',
    );
    expect(parseUrl('/events/a-b/', '', '/').correctedHref).toBe('/events/a-b');
    expect(parseUrl('/', '', '/')).toEqual({
      state: EMPTY_URL_STATE,
      notices: [],
      correctedHref: null,
    });
  });

  it('corrects an address that is not an event, with a notice', () => {
    const parsed = parseUrl('/somewhere/else', '?q=x', '/');
    expect(parsed.state.selectedId).toBeNull();
    expect(parsed.notices).toHaveLength(1);
    expect(parsed.correctedHref).toBe('/?q=x');
    expect(parseUrl('/events/%E0%A4%A', '', '/').notices[0]).toContain(
      'does not point to an event',
    );
  });

  it('reads the filters and keeps the parameters it does not interpret', () => {
    const parsed = parseUrl(
      '/events/x',
      '?from=2024-06-01&to=2024-10-31&q=sub+marine&cat=strike,statement&data=https%3A%2F%2Fexample.org%2Fa.csv',
      '/',
    );
    expect(parsed.state).toEqual({
      selectedId: 'x',
      from: parseIsoDay('2024-06-01'),
      to: parseIsoDay('2024-10-31'),
      query: 'sub marine',
      categories: ['strike', 'statement'],
      embed: false,
      play: '',
      params: [['data', 'https://example.org/a.csv']],
    });
    expect(parsed.correctedHref).toBeNull();
    expect(serializeUrl(parsed.state, '/')).toBe(
      '/events/x?from=2024-06-01&to=2024-10-31&q=sub+marine&cat=strike%2Cstatement&data=https%3A%2F%2Fexample.org%2Fa.csv'.replace(
        '%2C',
        ',',
      ),
    );
  });

  it('reads embed=1 as the reader view and writes it last, after the view it shows', () => {
    const parsed = parseUrl(
      '/events/x',
      '?embed=1&q=kim&data=https%3A%2F%2Fexample.org%2Fa.csv',
      '/',
    );
    expect(parsed.state.embed).toBe(true);
    expect(parsed.state.params).toEqual([['data', 'https://example.org/a.csv']]);
    expect(parsed.notices).toEqual([]);
    // Canonical order: the full view's address with `&embed=1` at its end.
    expect(parsed.correctedHref).toBe(
      '/events/x?q=kim&data=https%3A%2F%2Fexample.org%2Fa.csv&embed=1',
    );
    expect(parseUrl('/', '?embed=1', '/').correctedHref).toBeNull();
    expect(serializeUrl({ ...EMPTY_URL_STATE, embed: true }, '/news/')).toBe('/news/?embed=1');
  });

  it('drops embed=0 as the default and a bad embed value with a notice', () => {
    const zero = parseUrl('/', '?embed=0', '/');
    expect(zero.state.embed).toBe(false);
    expect(zero.notices).toEqual([]);
    expect(zero.correctedHref).toBe('/');
    const yes = parseUrl('/events/x', '?embed=yes&q=kim', '/');
    expect(yes.state.embed).toBe(false);
    expect(yes.notices).toEqual([
      'The embed setting “yes” is not 1 or 0, so the full view is shown. Use embed=1 for the reader view.',
    ]);
    expect(yes.correctedHref).toBe('/events/x?q=kim');
  });

  it('ignores a malformed date or an end before the start, says so, and corrects the URL', () => {
    const yesterday = parseUrl('/', '?from=yesterday&q=x', '/');
    expect(yesterday.state.from).toBeNull();
    expect(yesterday.notices).toEqual([
      'The start date “yesterday” is not a date in the form YYYY-MM-DD, so it was ignored.',
    ]);
    expect(yesterday.correctedHref).toBe('/?q=x');
    const backwards = parseUrl('/', '?from=2024-10-01&to=2024-06-01', '/');
    expect(backwards.state.to).toBeNull();
    expect(backwards.state.from).toBeNull();
    expect(backwards.notices[0]).toContain('comes before the start date');
    expect(backwards.correctedHref).toBe('/');
    expect(parseUrl('/', '?from=2024-02-30', '/').notices).toHaveLength(1);
  });

  it('leaves defaults out: an empty search or category list disappears without a notice', () => {
    const parsed = parseUrl('/', '?q=%20%20&cat=', '/');
    expect(parsed.notices).toEqual([]);
    expect(parsed.correctedHref).toBe('/');
  });

  it('round-trips any id the data can hold, and any other text that is not a dot segment (property)', () => {
    const roundTrip = (id: string) => {
      const href = serializeUrl({ ...EMPTY_URL_STATE, selectedId: id }, '/');
      const url = new URL(href, 'http://127.0.0.1');
      expect(parseUrl(url.pathname, url.search, '/').state.selectedId).toBe(id);
    };
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), roundTrip), {
      numRuns: 500,
    });
    // "." and ".." are path steps to any URL parser, so they can never be ids (the contract's ids
    // are [a-z0-9-]+ anyway); every other string survives.
    const notDotSegment = (id: string) => id.trim() !== '' && !/^\.{1,2}$/.test(id);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter(notDotSegment), roundTrip),
      { numRuns: 500 },
    );
  });

  it('keeps an http(s) or local dataset address, and drops any other with a notice', () => {
    const kept = (data: string) =>
      parseUrl('/', `?data=${encodeURIComponent(data)}`, '/').state.params;
    expect(kept('https://example.org/a.csv')).toEqual([['data', 'https://example.org/a.csv']]);
    expect(kept('/datasets/a.csv')).toEqual([['data', '/datasets/a.csv']]);
    expect(kept('local:quakes.csv')).toEqual([['data', 'local:quakes.csv']]);
    for (const hostile of [
      'javascript:alert(1)',
      'data:text/csv,a',
      'file:///etc/passwd',
      'local:',
    ]) {
      const parsed = parseUrl('/events/x', `?data=${encodeURIComponent(hostile)}&q=a`, '/');
      expect(parsed.state.params).toEqual([]);
      expect(parsed.notices).toEqual([expect.stringMatching(/is not an http\(s\) address/)]);
      expect(parsed.correctedHref).toBe('/events/x?q=a');
    }
  });

  it('never throws on any path (property)', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.string(), (path, search) => {
        const parsed = parseUrl(path, search, '/');
        expect(parsed.notices.length === 0 || parsed.correctedHref !== null).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
