/** Its own module so that the page's entry (early-load.ts) can use it without the URL parser. */

/**
 * `data` may name another dataset by an http(s) address (absolute, or relative to the page), or a
 * file the reader opened (`local:<name>`). Anything else — `javascript:`, `file:`, `data:` — is
 * never fetched.
 */
export function isDatasetAddress(value: string): boolean {
  if (value.startsWith('local:')) return value.length > 'local:'.length && value.length <= 300;
  if (value.length > 2000) return false;
  try {
    const url = new URL(value, 'http://relative.invalid/');
    // fetch() refuses an address with a user name or password in it: say so here instead.
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}
