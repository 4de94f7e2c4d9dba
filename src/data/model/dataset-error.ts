/** A problem with a file as a whole: it cannot be shown at all. Its own module, so the page can
 * tell these errors apart without loading the validator (which runs in the import worker). */
import { inEnglish, type Message } from '../../lib/i18n/message.ts';

export class DatasetError extends Error {
  override name = 'DatasetError';
  /** The message as the interface says it in the reader's language, where it was made as one. */
  readonly said: Message | undefined;

  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : inEnglish(message));
    this.said = typeof message === 'string' ? undefined : message;
  }
}

/**
 * True for an absolute http: or https: URL; everything else (javascript:, data:, relative) is
 * refused. So is a URL with a user name or password in it: no source needs one, and
 * `https://www.reuters.com@evil.example/` is a classic disguise for another site.
 */
export function isHttpUrl(text: string): boolean {
  // Building a URL object is costly next to checking the rest of an event: the plain case first.
  if (PLAIN_HTTP_URL.test(text)) return true;
  const url = parseHttpUrl(text);
  return url !== null && url.username === '' && url.password === '';
}

/**
 * A plainly well-formed http(s) link: ASCII host names whose last label starts with a letter (so
 * never read as a bad IPv4 address), no punycode to check, no user name or password, a port of at
 * most four digits, and a path of characters URLs never refuse. Every text it matches is one the URL
 * parser accepts (checked in dataset-error.test.ts); anything else takes the parser's slow road.
 */
export const PLAIN_HTTP_URL =
  /^https?:\/\/(?!(?:[^/?#]*\.)?xn--)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::\d{1,4})?(?:[/?#][-!#$%&'()*+,./0-9:;=?@A-Z_a-z~]*)?$/i;

/** The URL when the text is an absolute http(s) one (credentials or not), else null. */
export function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
