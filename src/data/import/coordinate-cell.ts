/** A coordinate cell as spreadsheets write one. */
export function parseCoordinate(text: string): number | null {
  if (isPlainDecimal(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  }
  const trimmed = text.trim();
  // A decimal comma ("40,85") from European spreadsheets, when there is no point.
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  // One way to match each text: `\d+\.?\d*` could split a run of digits at every point, which
  // backtracks quadratically on a long run of digits before failing at a final letter.
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const ZERO = 0x30;
const NINE = 0x39;

/**
 * Whether the text is a plain decimal ("-18.31845"), as nearly every coordinate cell is: told by
 * its characters, without the two regular expressions the general case takes (a million rows have
 * two coordinates each). Such a text reads the same either way.
 */
function isPlainDecimal(text: string): boolean {
  const { length } = text;
  let at = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const digits = at;
  while (at < length && text.charCodeAt(at) >= ZERO && text.charCodeAt(at) <= NINE) at += 1;
  if (at === digits) return false;
  if (at === length) return true;
  if (text.charCodeAt(at) !== 0x2e) return false;
  at += 1;
  while (at < length && text.charCodeAt(at) >= ZERO && text.charCodeAt(at) <= NINE) at += 1;
  return at === length;
}
