/**
 * The React side of the URL state: components read the parsed URL and navigate through it, and
 * nothing else holds a copy of the selection, so the map and the chronology cannot disagree.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseUrl, serializeUrl, type ParsedUrl, type UrlState } from './url-state.ts';

export const APP_BASE = import.meta.env.BASE_URL;

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return function unsubscribe() {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentHref(): string {
  return window.location.pathname + window.location.search;
}

export interface NavigateOptions {
  /** Replace the history entry instead of pushing one (filters replace; selections push). */
  replace?: boolean;
}

export function navigate(state: UrlState, { replace = false }: NavigateOptions = {}): void {
  const href = serializeUrl(state, APP_BASE);
  if (href === currentHref()) return;
  window.history[replace ? 'replaceState' : 'pushState'](null, '', href + window.location.hash);
  for (const listener of listeners) listener();
}

export interface UrlStateApi extends ParsedUrl {
  /** Selects an event (pushing a history entry), or clears the selection with null. */
  select: (id: string | null) => void;
  /** Changes filters, replacing the history entry so that typing does not flood Back. */
  updateFilters: (patch: Partial<Pick<UrlState, 'from' | 'to' | 'query' | 'categories'>>) => void;
}

export function useUrlState(): UrlStateApi {
  const href = useSyncExternalStore(subscribe, currentHref);
  const parsed = useMemo(() => {
    const url = new URL(href, window.location.origin);
    return parseUrl(url.pathname, url.search, APP_BASE);
  }, [href]);

  const { state } = parsed;
  const select = useCallback(
    (id: string | null) => navigate({ ...state, selectedId: id }),
    [state],
  );
  const updateFilters = useCallback(
    (patch: Partial<Pick<UrlState, 'from' | 'to' | 'query' | 'categories'>>) =>
      navigate({ ...state, ...patch }, { replace: true }),
    [state],
  );
  return { ...parsed, select, updateFilters };
}
