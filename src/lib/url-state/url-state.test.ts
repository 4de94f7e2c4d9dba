import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUrl, serializeUrl } from './url-state.ts';

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
      state: { selectedId: null, params: [] },
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

  it('keeps the query parameters it does not interpret', () => {
    const parsed = parseUrl('/events/x', '?from=2024-06-01&q=sub+marine', '/');
    expect(parsed.state.params).toEqual([
      ['from', '2024-06-01'],
      ['q', 'sub marine'],
    ]);
    expect(serializeUrl(parsed.state, '/')).toBe('/events/x?from=2024-06-01&q=sub+marine');
  });

  it('round-trips any id the data can hold, and any other text that is not a dot segment (property)', () => {
    const roundTrip = (id: string) => {
      const href = serializeUrl({ selectedId: id, params: [] }, '/');
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
