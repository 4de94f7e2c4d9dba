import { useEffect } from 'react';

const RESCUE_WINDOW_MS = 5000;
const RESCUE_DELAY_MS = 60;

/** Where the focus goes back to: the selected entry, the list's tab stop, or the search field. */
const RESCUE_TARGETS = [
  '[aria-current="true"] .entry-link',
  '.entry-link[tabindex="0"]',
  'input[type="search"]:not([disabled])',
];

/**
 * When the focused control goes away — a notice dismissed, "Show it" or "Clear selection" done, an
 * error replaced by the events — the browser drops the focus to <body>, and a keyboard or screen
 * reader user loses their place. This puts it back where the reader was working: the selected
 * entry, the list, or the search field. Focus the reader moved on purpose is never touched.
 */
export function useFocusRescue(): void {
  useEffect(function rescueLostFocus() {
    const root = document.getElementById('root');
    if (!root) return undefined;
    let lastFocused: Element | null = null;
    let lostAt: number | null = null;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused = event.target instanceof Element ? event.target : null;
      lostAt = null;
    };
    const rescue = () => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const gone =
        lastFocused !== null &&
        (!lastFocused.isConnected || (lastFocused as HTMLButtonElement).disabled === true);
      if (!gone) return;
      // The place to return to may appear a moment later (the events after Retry); beyond a
      // few seconds the reader has moved on, and the focus is theirs.
      lostAt ??= performance.now();
      if (performance.now() - lostAt > RESCUE_WINDOW_MS) {
        lastFocused = null;
        lostAt = null;
        return;
      }
      for (const selector of RESCUE_TARGETS) {
        const target = root.querySelector<HTMLElement>(selector);
        if (target) {
          lastFocused = null;
          lostAt = null;
          target.focus();
          return;
        }
      }
    };
    // React removes the control in a commit; the check waits a moment after it, so that a
    // component that places the focus itself (the chronology after a selection) goes first.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const observer = new MutationObserver(() => {
      if (pending !== null) return;
      pending = setTimeout(() => {
        pending = null;
        rescue();
      }, RESCUE_DELAY_MS);
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden'],
    });
    root.addEventListener('focusin', onFocusIn);
    return () => {
      if (pending !== null) clearTimeout(pending);
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
