/**
 * A tiny external store for fast-changing, throw-away view state (what the pointer is over, which
 * entries are scrolled into view). It lives in the app and is handed to features, so a hover in the
 * list re-renders only the one marker it concerns, and features never reach into each other.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface Store<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a slice of a store; the component re-renders only when that slice changes. */
export function useStoreValue<T, S>(store: Store<T>, select: (value: T) => S): S {
  const getSnapshot = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}
