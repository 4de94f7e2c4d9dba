/**
 * The quick road of isHttpUrl (PLAIN_HTTP_URL) may only ever say yes to links the URL parser says
 * yes to; everything else must still be decided by the parser.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAIN_HTTP_URL, isHttpUrl, parseHttpUrl } from './dataset-error.ts';

function parserAccepts(text: string): boolean {
  const url = parseHttpUrl(text);
  return url !== null && url.username === '' && url.password === '';
}

const label = fc.stringMatching(/^[A-Za-z0-9-]{1,70}$/);
const lastLabel = fc.oneof(label, fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,70}$/));
const host = fc
  .tuple(fc.array(label, { maxLength: 4 }), lastLabel)
  .map(([labels, last]) => [...labels, last].join('.'));
const pathCharacters = fc.string({
  unit: fc.constantFrom(...'-!#$%&\'()*+,./0123456789:;=?@ABZ_az~ "<>\\^`{|}[]é'.split('')),
  maxLength: 30,
});
const link = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'http:/', 'http://u:p@'),
    host,
    fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null }),
    fc.constantFrom('', '/', '?', '#'),
    pathCharacters,
  )
  .map(
    ([scheme, name, port, start, path]) =>
      `${scheme}${name}${port === null ? '' : `:${port}`}${start}${path}`,
  );

describe('isHttpUrl', () => {
  it('says yes by its quick road only to links the URL parser accepts (20,000 links)', () => {
    let quick = 0;
    fc.assert(
      fc.property(
        fc.oneof(link, fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (text) => {
          if (PLAIN_HTTP_URL.test(text)) {
            quick += 1;
            expect(parserAccepts(text)).toBe(true);
          }
          expect(isHttpUrl(text)).toBe(parserAccepts(text));
        },
      ),
      { numRuns: 20_000 },
    );
    // The quick road is taken often enough to matter.
    expect(quick).toBeGreaterThan(2_000);
  });

  it('leaves the doubtful ones to the parser', () => {
    for (const text of [
      'https://www.reuters.com@evil.example/',
      'https://xn--a.example/',
      'https://a.xn--zz/',
      'http://999.1.1.1/',
      'http://1.2.3.4/',
      'https://example.com:99999/',
      'javascript:alert(1)',
      'https://exa mple.com/',
      'https://example.com/a b',
      '//example.com/',
    ]) {
      expect(isHttpUrl(text), text).toBe(parserAccepts(text));
    }
    expect(PLAIN_HTTP_URL.test('https://xn--a.example/')).toBe(false);
    expect(PLAIN_HTTP_URL.test('https://www.reuters.com@evil.example/')).toBe(false);
    expect(PLAIN_HTTP_URL.test('https://www.yna.co.kr/view/AKR20241008')).toBe(true);
  });
});
