import { afterEach, describe, expect, it } from 'vitest';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { chooseLanguage, openDataset, showBundledDataset } from './explorer-actions.ts';
import { EMPTY_URL_STATE, parseUrl, serializeUrl, type UrlState } from './url-state.ts';

const state = (patch: Partial<UrlState> = {}): UrlState => ({ ...EMPTY_URL_STATE, ...patch });

describe('the interface language in the address', () => {
  it('reads Korean from a ko/ first path step, under any base, with the event or story after it', () => {
    expect(parseUrl('/ko/', '', '/')).toEqual({
      state: state({ lang: 'ko' }),
      notices: [],
      correctedHref: null,
    });
    expect(parseUrl('/ko/events/a-b', '', '/').state).toEqual(
      state({ lang: 'ko', selectedId: 'a-b' }),
    );
    expect(parseUrl('/news/dateline/ko/stories/s1', '', '/news/dateline/').state).toEqual(
      state({ lang: 'ko', storyId: 's1' }),
    );
    // Without its slash, the address is written in its one form.
    const bare = parseUrl('/ko', '', '/');
    expect(bare.state.lang).toBe('ko');
    expect(bare.notices).toEqual([]);
    expect(bare.correctedHref).toBe('/ko/');
  });

  it('reads lang=en, lang=ko and the pseudo-locale from the query; Korean goes to its path', () => {
    expect(parseUrl('/', '?lang=en', '/')).toEqual({
      state: state({ lang: 'en' }),
      notices: [],
      correctedHref: null,
    });
    expect(parseUrl('/events/a', '?q=x&lang=en-XA', '/').state).toEqual(
      state({ lang: 'en-XA', selectedId: 'a', query: 'x' }),
    );
    const korean = parseUrl('/events/a', '?lang=ko', '/');
    expect(korean.state.lang).toBe('ko');
    expect(korean.notices).toEqual([]);
    expect(korean.correctedHref).toBe('/ko/events/a');
    // An empty value is no choice: the browser's language is used.
    expect(parseUrl('/', '?lang=', '/').state.lang).toBeUndefined();
  });

  it('drops a language it does not speak with a notice, and keeps a Korean path', () => {
    const french = parseUrl('/', '?lang=fr&q=x', '/');
    expect(french.state.lang).toBeUndefined();
    expect(french.notices).toEqual([
      'The language “fr” is not one Dateline speaks, so the browser’s language is used. Use lang=en or lang=ko.',
    ]);
    expect(french.correctedHref).toBe('/?q=x');
    const koreanPath = parseUrl('/ko/', '?lang=xx', '/');
    expect(koreanPath.state.lang).toBe('ko');
    expect(koreanPath.notices).toHaveLength(1);
    expect(koreanPath.correctedHref).toBe('/ko/');
  });

  it('writes Korean as the path step and the others as lang=, before embed', () => {
    expect(serializeUrl(state({ lang: 'ko' }), '/')).toBe('/ko/');
    expect(serializeUrl(state({ lang: 'ko', selectedId: 'a b' }), '/news/')).toBe(
      '/news/ko/events/a%20b',
    );
    expect(serializeUrl(state({ lang: 'ko', storyId: 's1', embed: true }), '/')).toBe(
      '/ko/stories/s1?embed=1',
    );
    expect(serializeUrl(state({ lang: 'en', query: 'x', embed: true }), '/')).toBe(
      '/?q=x&lang=en&embed=1',
    );
    expect(serializeUrl(state(), '/')).toBe('/');
  });

  it('survives serialize → parse for every language', () => {
    for (const lang of ['en', 'ko', 'en-XA'] as const) {
      const written = state({ lang, selectedId: 'a', query: 'q', params: [['data', 'x.csv']] });
      const href = serializeUrl(written, '/base/');
      const [pathname = '', search = ''] = href.split(/(?=\?)/);
      expect(parseUrl(pathname, search, '/base/')).toEqual({
        state: written,
        notices: [],
        correctedHref: null,
      });
    }
  });
});

describe('the language through the explorer’s actions', () => {
  it('is chosen by the switch and kept by the view’s changes', () => {
    expect(chooseLanguage(state({ query: 'x' }), 'ko')).toEqual(state({ query: 'x', lang: 'ko' }));
    expect(chooseLanguage(state({ lang: 'ko' }), 'en').lang).toBe('en');
  });

  it('stays with the bundled dataset and another dataset opened, as the frame does', () => {
    const korean = state({ lang: 'ko', query: 'x', selectedId: 'a', embed: true });
    expect(showBundledDataset(korean)).toEqual(state({ lang: 'ko', embed: true }));
    expect(openDataset(korean, [['data', 'y.csv']], false)).toEqual(
      state({ lang: 'ko', embed: true, params: [['data', 'y.csv']] }),
    );
    expect(openDataset(korean, [['data', 'y.csv']], true)).toEqual({
      ...korean,
      params: [['data', 'y.csv']],
    });
    // No language chosen: none is written (a shared link opens in its reader's language).
    expect(showBundledDataset(state({ query: 'x' }))).toEqual(EMPTY_URL_STATE);
    expect('lang' in openDataset(state(), [], false)).toBe(false);
  });
});

describe('the notices in the reader’s language', () => {
  afterEach(() => activateLanguage('en'));

  it('says what it corrected in Korean once Korean is active', async () => {
    await activateLanguage('ko');
    const { notices } = parseUrl('/ko/', '?lang=fr&embed=2', '/');
    expect(notices).toHaveLength(2);
    for (const notice of notices) expect(notice).toMatch(/[가-힣]/);
    expect(notices[0]).toContain('“fr”');
  });
});
