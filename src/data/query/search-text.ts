/**
 * Text search that ignores case and diacritics ("Sinp'o" finds "sinpo", "Kyiv" finds "KYÏV") and
 * works for Korean: NFD splits accents off Latin letters so they can be dropped, and NFC then puts
 * Hangul syllables back together, so "신포" is found as typed.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLocaleLowerCase('en');
}

/** Splits a query into words; an event matches when it contains every word. */
export function queryTerms(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter(Boolean);
}
