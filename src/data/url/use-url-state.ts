/**
 * The React side of the URL state: components read the parsed URL and navigate through it, and
 * nothing else holds a copy of the selection, so the map and the chronology cannot disagree.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseUrl, serializeUrl, type ParsedUrl, type UrlState } from './url-state.ts';

export const APP_BASE = import.meta.env.BASE_URL;

const listeners = new Set<() => void>();

/**
 * How long a filter change waits before it is written to the address bar. Each history write
 * costs the browser's own process about 10 ms of work, beside the page's: on a two-core machine
 * that made a brush move at 100,000 events take 34 ms at the median instead of 22 (npm run bench).
 * A drag or a held arrow key writes its last position once, a moment after it stops.
 */
export const ADDRESS_WRITE_DELAY_MS = 250;

/**
 * A filter change not yet written to the history entry. The app reads it as the URL at once (it
 * stays the one source of truth); only the browser's copy lags, by at most the delay.
 */
let pendingHref: string | null = null;
let pendingWrite: ReturnType<typeof setTimeout> | undefined;

function entryAddress(): string {
  return window.location.pathname + window.location.search;
}

/** Writes the pending filter change to the current history entry now. */
export function writePendingAddress(): void {
  clearTimeout(pendingWrite);
  if (pendingHref === null) return;
  const href = pendingHref;
  pendingHref = null;
  window.history.replaceState(window.history.state, '', href + window.location.hash);
}

if (typeof window !== 'undefined') {
  // Back or Forward: the entry the pending change was meant for is no longer the current one.
  // (Registered before any component's listener, so that they read the new entry.)
  window.addEventListener('popstate', () => {
    clearTimeout(pendingWrite);
    pendingHref = null;
  });
  // A link within the page (the skip link, #main) makes a new entry with this address and a
  // fragment: the change is written first, so that both entries have it.
  window.addEventListener(
    'click',
    (clickEvent) => {
      if (clickEvent.target instanceof Element && clickEvent.target.closest('a[href^="#"]'))
        writePendingAddress();
    },
    true,
  );
  // Before the reader can copy the address, bookmark it or leave: the window loses the focus to
  // the address bar or another app, or the page is hidden or unloaded.
  window.addEventListener('blur', writePendingAddress);
  window.addEventListener('pagehide', writePendingAddress);
  document.addEventListener('visibilitychange', writePendingAddress);
  // Before the browser's own Reload, Back and Forward, which read the entry before the page
  // unloads: the pointer leaving the page (for the toolbar) or the keys and mouse buttons that
  // do these. Back or Forward then leave the change in the entry left, where Forward finds it.
  document.documentElement.addEventListener('mouseleave', writePendingAddress);
  window.addEventListener(
    'keydown',
    (keyEvent) => {
      if (isBrowserNavigationKey(keyEvent)) writePendingAddress();
    },
    true,
  );
  window.addEventListener(
    'pointerdown',
    (pointerEvent) => {
      // The mouse's back and forward buttons.
      if (pointerEvent.button === 3 || pointerEvent.button === 4) writePendingAddress();
    },
    true,
  );
}

/** F5, Ctrl+R or ⌘R (reload); Alt+← / Alt+→, ⌘[ / ⌘], a keyboard's Back and Forward keys. */
function isBrowserNavigationKey(keyEvent: KeyboardEvent): boolean {
  const { key } = keyEvent;
  if (key === 'F5' || key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh')
    return true;
  if ((keyEvent.ctrlKey || keyEvent.metaKey) && (key === 'r' || key === 'R')) return true;
  if (keyEvent.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) return true;
  return keyEvent.metaKey && (key === '[' || key === ']');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return function unsubscribe() {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentHref(): string {
  return pendingHref ?? entryAddress();
}

export interface NavigateOptions {
  /**
   * Replace the history entry instead of pushing one (filters replace; selections push). A
   * replacement reaches the address bar after ADDRESS_WRITE_DELAY_MS.
   */
  replace?: boolean;
}

export function navigate(state: UrlState, { replace = false }: NavigateOptions = {}): void {
  const href = serializeUrl(state, APP_BASE);
  if (href === currentHref()) return;
  if (replace) {
    pendingHref = href;
    clearTimeout(pendingWrite);
    pendingWrite = setTimeout(writePendingAddress, ADDRESS_WRITE_DELAY_MS);
  } else {
    // The entry being left keeps the filters it had: Back returns to them.
    writePendingAddress();
    window.history.pushState(null, '', href + window.location.hash);
  }
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
