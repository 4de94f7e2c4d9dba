/**
 * Line breaking for the social card, by the text's measured width in the card's fonts (not by a
 * count of characters: a Hangul syllable is about twice as wide as a Latin letter). Pure: the
 * width of a string comes from the `measure` function given, so it is tested without fonts.
 */

/** The width of a string in pixels at the size it is drawn. */
export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

/**
 * The pieces a line may break between: words, each with the spaces after it. Korean too breaks
 * between words, not inside them (as the app sets it, `word-break: keep-all`): a headline cut
 * "정상회/담" reads badly. A word wider than the whole line is still broken between characters
 * (wrapByWidth), so nothing runs off the card.
 */
export function breakPieces(text: string): string[] {
  return (
    text
      .trim()
      .replace(/\s+/gu, ' ')
      .match(/[^ ]+ ?/gu) ?? []
  );
}

/** The longest start of `text` (whole characters) that fits in `room`, at least one character. */
function fittingStart(text: string, measure: Measure, room: number): string {
  const characters = Array.from(text);
  let fitted = characters[0] ?? '';
  for (let count = 2; count <= characters.length; count += 1) {
    const candidate = characters.slice(0, count).join('');
    if (measure(candidate) > room) break;
    fitted = candidate;
  }
  return fitted;
}

/** `line` shortened from its end until it fits in `room` with "…" after it. */
export function withEllipsis(line: string, measure: Measure, room: number): string {
  const characters = Array.from(line.trimEnd());
  while (characters.length > 0) {
    // "…" after a dash, comma or space reads as a typo: it goes after the last word.
    const candidate = `${characters.join('').replace(/[\s,;:\u2013\u2014-]+$/u, '')}${ELLIPSIS}`;
    if (measure(candidate) <= room) return candidate;
    characters.pop();
  }
  return ELLIPSIS;
}

/**
 * Greedy wrap of `text` into lines no wider than `room`, at most `maxLines`. A piece wider than a
 * whole line (a very long word or URL) is broken between characters. When the text does not fit,
 * the last line ends with "…", and only then.
 */
export interface WrappedText {
  lines: string[];
  /** Whether some of the text did not fit (and the last line ends with "…"). */
  cut: boolean;
}

export function wrapByWidth(
  text: string,
  measure: Measure,
  room: number,
  maxLines: number,
): WrappedText {
  const lines: string[] = [];
  let line = '';
  const pending = breakPieces(text);
  while (pending.length > 0) {
    const piece = pending.shift() ?? '';
    const candidate = `${line}${piece}`;
    if (measure(candidate.trimEnd()) <= room) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line.trimEnd());
      line = '';
      pending.unshift(piece);
      continue;
    }
    // A single piece wider than the line: break it between characters.
    const start = fittingStart(piece, measure, room);
    lines.push(start.trimEnd());
    const rest = piece.slice(start.length);
    if (rest) pending.unshift(rest);
  }
  if (line.trimEnd()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', measure, room);
  return { lines: kept, cut: true };
}

/** Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …). */
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u;

/**
 * The direction a line of text is read in, by its first strong character (Unicode's rule P2 for a
 * paragraph): an Arabic title is right to left even when it holds a number or a Latin name.
 */
export type Direction = 'ltr' | 'rtl';

export function textDirection(text: string): Direction {
  for (const character of text) {
    if (RIGHT_TO_LEFT.test(character)) return 'rtl';
    if (/\p{L}/u.test(character)) return 'ltr';
  }
  return 'ltr';
}
