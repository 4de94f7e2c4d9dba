/**
 * The scan of a GeoJSON file's text that feature-stream.ts reads a download with: where the scan
 * stands in the JSON (nesting depth, the file's object being 1, and inside a string or not), the
 * collection's own members (where the features list starts, and what follows it), and the
 * records of the features list (where the last complete one ends, and where the list closes).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Whether the quote at `index` ends its string: preceded by an even number of backslashes. */
function quoteIsUnescaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text.charCodeAt(at) === BACKSLASH; at -= 1) backslashes += 1;
  return backslashes % 2 === 0;
}

/** What a scan of the features list found: indexes in the text scanned, or -1. */
export interface FeatureListScan {
  /** The `]` that closes the list. */
  listEnd: number;
  /** The first and the last comma between two records. */
  firstComma: number;
  lastComma: number;
}

export class JsonScan {
  // The scan's place in the JSON: nesting depth (the file's object is 1), inside a string or not.
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  /** In the head: the last string closed at depth 1, and the key now being given a value. */
  private lastString = '';
  key = '';
  /** How far the scan has read into the features list's text not yet parsed. */
  scanned = 0;

  /** The scan starts again at the start of the list's text, which is always between two records. */
  restart() {
    this.depth = 2;
    this.inString = false;
    this.scanned = 0;
  }

  /**
   * Scans the collection's own members in `text` from `from`. In the head: returns the index of
   * the features list's `[`, or -1 while not there yet. In the tail (`inTail`): returns the index
   * of a second "features" key (or one written with escapes), which JSON.parse would let win, or
   * -1.
   */
  members(text: string, from: number, inTail: boolean): number {
    for (let index = from; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.inString) {
        if (code === QUOTE && quoteIsUnescaped(text, index)) {
          this.inString = false;
          if (this.depth === 1) this.lastString = text.slice(this.stringStart + 1, index);
        }
      } else if (code === QUOTE) {
        this.inString = true;
        this.stringStart = index;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth += 1;
        if (this.depth === 2 && code === OPEN_BRACKET && this.key === 'features') return index;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth -= 1;
      } else if (this.depth === 1 && code === COLON) {
        this.key = this.lastString;
        if (inTail && (this.key === 'features' || this.key.includes('\\'))) {
          return index;
        }
      } else if (this.depth === 1 && code === COMMA) {
        this.key = '';
      }
    }
    return -1;
  }

  /**
   * Scans the features list's text from where the last scan stopped, to the `]` that closes the
   * list if it is there.
   */
  features(text: string): FeatureListScan {
    let firstComma = -1;
    let lastComma = -1;
    let index = this.scanned;
    while (index < text.length) {
      if (this.inString) {
        // Strings are most of the text: jump from quote to quote.
        const quote = text.indexOf('"', index);
        if (quote === -1) {
          index = text.length;
          break;
        }
        if (quoteIsUnescaped(text, quote)) this.inString = false;
        index = quote + 1;
        continue;
      }
      const code = text.charCodeAt(index);
      if (code === QUOTE) this.inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth -= 1;
        if (this.depth === 1) return { listEnd: index, firstComma, lastComma };
      } else if (code === COMMA && this.depth === 2) {
        lastComma = index;
        if (firstComma === -1) firstComma = index;
      }
      index += 1;
    }
    this.scanned = index;
    return { listEnd: -1, firstComma, lastComma };
  }
}
