/**
 * The quick way feature-stream.ts cuts a features list into batches. Most files put the same text
 * between any two records (`},\n{"type":` for one per line): once that separator is known, a piece
 * is cut at its last appearance without scanning the text, and the cut is proven right by the
 * batch parsing as a list of whole values (a cut inside a string or a nested object never parses).
 */

/** Text this long without a separator is scanned rather than waited on. */
const MAX_UNCUT_LENGTH = 8_000_000;

/** Between two records: the first's closing brace, a comma, the second's opening and first key. */
const SEPARATOR = /^\},[ \t\n\r]*\{[ \t\n\r]*"[^"\\]*"[ \t\n\r]*:/;

export class RecordSeparator {
  /** The text between the first two records, from the `}` to the first key. */
  private separator: string | null = null;
  private sought = false;
  /** How much of the list's pending text was already searched for the separator. */
  private looked = 0;

  /** Takes the separator from around the first comma found between two records, once. */
  sight(text: string, comma: number): void {
    if (this.sought) return;
    this.sought = true;
    this.separator = SEPARATOR.exec(text.slice(comma - 1, comma + 80))?.[0] ?? null;
  }

  /**
   * In the list's pending text: the index of the `}` that starts the last separator, -1 to wait
   * for more text, or null when the text is for the scan (no separator known, or too long a
   * stretch without one).
   */
  lastIn(pending: string): number | null {
    if (this.separator === null) return null;
    // Only the text that came since the last look (and a separator's length before it) can
    // hold one: the text before was looked at already.
    const from = Math.max(0, this.looked - this.separator.length + 1);
    const found = pending.slice(from).lastIndexOf(this.separator);
    const at = found === -1 ? -1 : from + found;
    this.looked = pending.length;
    if (at === -1) return pending.length < MAX_UNCUT_LENGTH ? -1 : null;
    return at;
  }

  /** The pending text was cut: none of what is left was looked at. */
  cut(): void {
    this.looked = 0;
  }

  /** A guess that did not hold: the scan reads the list from here on. */
  drop(): void {
    this.separator = null;
  }
}
