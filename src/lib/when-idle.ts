/**
 * Runs `work` at the browser's next idle moment, or after `fallbackMs` where there is no
 * requestIdleCallback (Safari). `timeout` bounds the wait for an idle moment. Returns a cancel.
 */
export function whenIdle(
  work: () => void,
  { fallbackMs, timeout }: { fallbackMs: number; timeout?: number },
): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, timeout === undefined ? undefined : { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, fallbackMs);
  return () => clearTimeout(handle);
}
