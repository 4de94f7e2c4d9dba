/**
 * The interface's languages. `en-XA` is the pseudo-locale (accented, lengthened English) that the
 * end-to-end tests use to find any string that does not come from the catalogue; it is never
 * offered in the language switch.
 */
export type OfferedLanguage = 'en' | 'ko';
export type Language = OfferedLanguage | 'en-XA';

const PSEUDO_LANGUAGE = 'en-XA';

/** Each offered language's name, in itself: what the switch shows. */
export const LANGUAGE_NAMES: Record<OfferedLanguage, string> = { en: 'English', ko: '한국어' };

export function isLanguage(value: string): value is Language {
  return value === 'en' || value === 'ko' || value === PSEUDO_LANGUAGE;
}

/** The first of the browser's languages that Dateline speaks, else English. */
export function browserLanguage(preferred: readonly string[]): OfferedLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Scripts written right to left, by primary language subtag. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb', 'ug']);

export function textDirection(language: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
