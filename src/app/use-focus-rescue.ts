import { useEffect } from 'react';
import type { FocusHomes } from '../lib/focus-homes.ts';

const RESCUE_WINDOW_MS = 5000;
const RESCUE_DELAY_MS = 60;

/**
 * When the focused control goes away — a notice dismissed, "Show it" or "Clear selection" done, an
 * error replaced by the events — the browser drops the focus to <body>, and a keyboard or screen
 * reader user loses their place. This puts it back where the reader was working: the selected
 * entry, the list, or the search field (the map itself, for a marker or cluster that went away).
 * Only focus lost with its control is rescued: a click on anything but a control leaves the focus
 * to the reader.
 */
export function useFocusRescue(homes: FocusHomes, order: readonly string[]): void {
  useEffect(
    function rescueLostFocus() {
      const root = document.getElementById('root');
      if (!root) return undefined;
      /** The control that last had the focus (browsers do not all say when it is removed). */
      let lost: Element | null = null;
      /** When the control was first seen gone; null while it is there. */
      let lostAt: number | null = null;
      const onFocusIn = (event: FocusEvent) => {
        lost = event.target instanceof Element ? event.target : null;
        lostAt = null;
      };
      const onPointerDown = (event: PointerEvent) => {
        // A pointer user places the focus themselves, except on a control that then vanishes
        // (a cluster that zooms in): that one is still worth rescuing, to the map.
        const control =
          event.target instanceof Element
            ? event.target.closest('button, a, input, [tabindex]')
            : null;
        if (!control) lost = null;
      };
      let pending: ReturnType<typeof setTimeout> | null = null;
      const rescueSoon = () => {
        if (pending !== null || !lost) return;
        pending = setTimeout(() => {
          pending = null;
          rescue();
        }, RESCUE_DELAY_MS);
      };
      const rescue = () => {
        if (!lost) return;
        if (document.activeElement !== null && document.activeElement !== document.body) return;
        // The chronology places the focus itself after a selection, two frames after its commit
        // (more than the delay on a busy phone): it goes first.
        if (homes.anyPlacing()) {
          rescueSoon();
          return;
        }
        const gone = !lost.isConnected || (lost as HTMLButtonElement).disabled === true;
        if (!gone) return;
        // The place to return to may appear a moment later (the events after Retry); beyond a few
        // seconds the reader has moved on, and the focus is theirs.
        lostAt ??= performance.now();
        if (performance.now() - lostAt > RESCUE_WINDOW_MS) {
          lost = null;
          return;
        }
        if (homes.restore(lost, order)) lost = null;
      };
      // React removes the control in a commit; the check waits a moment after it, so that a
      // component that places the focus itself (the chronology after a selection) goes first.
      const observer = new MutationObserver(rescueSoon);
      observer.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['disabled', 'hidden'],
      });
      root.addEventListener('focusin', onFocusIn);
      root.addEventListener('pointerdown', onPointerDown);
      return () => {
        if (pending !== null) clearTimeout(pending);
        observer.disconnect();
        root.removeEventListener('focusin', onFocusIn);
        root.removeEventListener('pointerdown', onPointerDown);
      };
    },
    [homes, order],
  );
}
