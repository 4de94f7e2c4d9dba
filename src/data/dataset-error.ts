/** A problem with a file as a whole: it cannot be shown at all. Its own module, so the page can
 * tell these errors apart without loading the validator (which runs in the import worker). */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** True for an absolute http: or https: URL; everything else (javascript:, data:, relative) is refused. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
