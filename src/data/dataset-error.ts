/** A problem with a file as a whole: it cannot be shown at all. Its own module, so the page can
 * tell these errors apart without loading the validator (which runs in the import worker). */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * True for an absolute http: or https: URL; everything else (javascript:, data:, relative) is
 * refused. So is a URL with a user name or password in it: no source needs one, and
 * `https://www.reuters.com@evil.example/` is a classic disguise for another site.
 */
export function isHttpUrl(text: string): boolean {
  const url = parseHttpUrl(text);
  return url !== null && url.username === '' && url.password === '';
}

/** The URL when the text is an absolute http(s) one (credentials or not), else null. */
export function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
