/**
 * The React side of the URL state: components read the parsed URL and navigate through it, and
 * nothing else holds a copy of the selection, so the map and the chronology cannot disagree.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { historyFor, type ExplorerAction } from './explorer-actions.ts';
import { parseUrl, serializeUrl, type ParsedUrl, type UrlState } from './url-state.ts';

export const APP_BASE = import.meta.env.BASE_URL;

const listeners = new Set<() => void>();

/**
 * How long a filter change waits before it is written to the address bar. Each history write
 * costs the browser's own process work beside the page's, enough to slow a brush move at 100,000
 * events (docs/performance.md): a drag or a held arrow key writes its last position once, a
 * moment after it stops.
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

/** F5, Ctrl+R or ⌘R (reload); Alt+← / Alt+→, ⌘[ / ⌘], a keyboard's Back and Forward keys. */
function isBrowserNavigationKey(keyEvent: KeyboardEvent): boolean {
  const { key } = keyEvent;
  if (key === 'F5' || key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh')
    return true;
  if ((keyEvent.ctrlKey || keyEvent.metaKey) && (key === 'r' || key === 'R')) return true;
  if (keyEvent.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) return true;
  return keyEvent.metaKey && (key === '[' || key === ']');
}

/**
 * Back or Forward: the entry the pending change was meant for is no longer the current one. One
 * listener drops the change and then tells the subscribers, so that they read the new entry.
 */
function onPopState(): void {
  clearTimeout(pendingWrite);
  pendingHref = null;
  for (const listener of listeners) listener();
}

/** A link within the page (the skip link, #main) makes a new entry: both entries get the change. */
function onClickCapture(clickEvent: MouseEvent): void {
  if (clickEvent.target instanceof Element && clickEvent.target.closest('a[href^="#"]'))
    writePendingAddress();
}

function onKeyDownCapture(keyEvent: KeyboardEvent): void {
  if (isBrowserNavigationKey(keyEvent)) writePendingAddress();
}

/** The mouse's back and forward buttons. */
function onPointerDownCapture(pointerEvent: PointerEvent): void {
  if (pointerEvent.button === 3 || pointerEvent.button === 4) writePendingAddress();
}

/**
 * Listens while anything reads the URL. A pending change is written before the reader can copy
 * the address, bookmark it or leave (the window loses the focus to the address bar or another
 * app, the page is hidden or unloaded), and before the browser's own Reload, Back and Forward,
 * which read the entry before the page unloads (the pointer leaving the page for the toolbar, or
 * the keys and mouse buttons that do these): Back then leaves the change in the entry it left,
 * where Forward finds it.
 */
function addressListeners(): [EventTarget, string, EventListener, boolean][] {
  return [
    [window, 'popstate', onPopState, false],
    [window, 'click', onClickCapture as EventListener, true],
    [window, 'blur', writePendingAddress, false],
    [window, 'pagehide', writePendingAddress, false],
    [document, 'visibilitychange', writePendingAddress, false],
    [document.documentElement, 'mouseleave', writePendingAddress, false],
    [window, 'keydown', onKeyDownCapture as EventListener, true],
    [window, 'pointerdown', onPointerDownCapture as EventListener, true],
  ];
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    for (const [target, type, handler, capture] of addressListeners())
      target.addEventListener(type, handler, capture);
  }
  listeners.add(listener);
  return function unsubscribe() {
    listeners.delete(listener);
    if (listeners.size === 0) {
      for (const [target, type, handler, capture] of addressListeners())
        target.removeEventListener(type, handler, capture);
    }
  };
}

function currentHref(): string {
  return pendingHref ?? entryAddress();
}

interface NavigateOptions {
  /**
   * Replace the history entry instead of pushing one (filters replace; selections push). A
   * replacement reaches the address bar after ADDRESS_WRITE_DELAY_MS.
   */
  replace?: boolean;
}

function navigate(state: UrlState, { replace = false }: NavigateOptions = {}): void {
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

function readUrl(href: string): ParsedUrl {
  const url = new URL(href, window.location.origin);
  return parseUrl(url.pathname, url.search, APP_BASE);
}

/** Applies an explorer action to the URL as it is now; see explorer-actions.ts. */
function applyToUrl<Args extends unknown[]>(action: ExplorerAction<Args>, ...args: Args): void {
  const before = readUrl(currentHref()).state;
  const after = action(before, ...args);
  navigate(after, { replace: historyFor(before, after) === 'replace' });
}

export interface UrlStateApi extends ParsedUrl {
  /** Applies an explorer action: `apply(selectEvent, id)`. Stable across renders. */
  apply: typeof applyToUrl;
}

export function useUrlState(): UrlStateApi {
  const href = useSyncExternalStore(subscribe, currentHref);
  const parsed = useMemo(() => readUrl(href), [href]);
  return useMemo(() => ({ ...parsed, apply: applyToUrl }), [parsed]);
}
