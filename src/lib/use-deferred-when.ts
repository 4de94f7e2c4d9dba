import { useDeferredValue } from 'react';

const NOT_DEFERRED = Symbol('not deferred');

/**
 * useDeferredValue only while `defer` holds: React renders the new value in the background, a
 * component at a time, and this returns the value it last finished rendering. While not deferring,
 * the value itself. (A deferred value that changes asks React for a second render even when it
 * goes unused, so when not deferring React's hook is given a constant.)
 *
 * On the render that starts deferring React has nothing older to offer: `whileNothingOlder`
 * says what to return then — the value itself ('value': a filter that must apply somehow), or
 * `undefined` ('nothing': a dataset whose first render is what the deferring is for; the page
 * shows its loading state until the background render lands).
 */
export function useDeferredWhen<T>(defer: boolean, value: T, whileNothingOlder: 'value'): T;
export function useDeferredWhen<T>(
  defer: boolean,
  value: T,
  whileNothingOlder: 'nothing',
): T | undefined;
export function useDeferredWhen<T>(
  defer: boolean,
  value: T,
  whileNothingOlder: 'value' | 'nothing',
): T | undefined {
  const deferred = useDeferredValue<T | typeof NOT_DEFERRED>(defer ? value : NOT_DEFERRED);
  if (!defer) return value;
  if (deferred !== NOT_DEFERRED) return deferred;
  return whileNothingOlder === 'value' ? value : undefined;
}
