/**
 * English messages said straight from their ids, plurals included, so the first load carries no
 * compiled English catalogue (docs/decisions.md §16). The ICU forms the code writes: `{name}`,
 * `{count, plural, =0 {…} one {…} other {…}}` with `#` for the number, and `{key, select, …}`,
 * nested. The catalogue test checks every English plural and select against Lingui's own output.
 */

const englishPlurals = new Intl.PluralRules('en');

/** Where the brace opened at `start` closes. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return text.length;
}

/** `=0 {…} one {…} other {…}` as its cases by key. */
function casesOf(text: string): Map<string, string> {
  const cases = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    if (open < 0) break;
    const close = closingBrace(text, open);
    cases.set(text.slice(index, open).trim(), text.slice(open + 1, close));
    index = close + 1;
  }
  return cases;
}

export function formatEnglish(
  message: string,
  values: Readonly<Record<string, unknown>>,
  formatNumber: (value: number) => string,
  /** Inside a plural's case: its number, which `#` stands for. */
  count?: number,
): string {
  let said = '';
  let index = 0;
  while (index < message.length) {
    const character = message.charAt(index);
    if (character === '#' && count !== undefined) {
      said += formatNumber(count);
      index += 1;
      continue;
    }
    if (character !== '{') {
      said += character;
      index += 1;
      continue;
    }
    const close = closingBrace(message, index);
    const [name = '', type, ...rest] = message.slice(index + 1, close).split(',');
    const key = name.trim();
    const value = values[key];
    if (type === undefined) {
      said += Object.prototype.hasOwnProperty.call(values, key)
        ? String(value)
        : message.slice(index, close + 1);
    } else {
      const cases = casesOf(rest.join(','));
      const plural = type.trim() === 'plural';
      const chosen = plural
        ? (cases.get(`=${String(value)}`) ??
          cases.get(englishPlurals.select(Number(value))) ??
          cases.get('other'))
        : (cases.get(String(value)) ?? cases.get('other'));
      said += formatEnglish(chosen ?? '', values, formatNumber, plural ? Number(value) : count);
    }
    index = close + 1;
  }
  return said;
}
