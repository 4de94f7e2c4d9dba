import { useCallback, useEffect, type RefObject } from 'react';
import { selectEvent } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { FocusHomes } from '../lib/focus-homes.ts';
import { useFocusRescue } from './use-focus-rescue.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';

/** Where the focus returns when its control goes away, after the part that held it. */
const FOCUS_ORDER = ['chronology', 'search'];

/**
 * The page with a keyboard alone (docs/contracts.md §3): the shortcuts move through the listed
 * events, and the focus never drops to the page when its control goes away.
 */
export function usePageKeyboard(
  apply: UrlStateApi['apply'],
  /** Moves the selection through the listed events: 1 down the list (j), -1 up it (k). */
  step: (direction: 1 | -1) => void,
  focusHomes: FocusHomes,
  searchRef: RefObject<HTMLInputElement | null>,
  /** "/" on a phone, where the search sits in the filters sheet: opens it with the search focused. */
  openSearch: (() => void) | null,
): void {
  useEffect(
    function offerSearchAsFocusHome() {
      return focusHomes.offer('search', {
        focus: () => {
          const field = searchRef.current;
          if (!field || field.disabled) return false;
          field.focus({ preventScroll: true });
          return true;
        },
      });
    },
    [focusHomes, searchRef],
  );
  useFocusRescue(focusHomes, FOCUS_ORDER);
  useKeyboardShortcuts(
    {
      next: useCallback(() => step(1), [step]),
      previous: useCallback(() => step(-1), [step]),
      clear: useCallback(() => apply(selectEvent, null), [apply]),
      focusSearch: useCallback(
        () => (openSearch ? openSearch() : searchRef.current?.focus()),
        [searchRef, openSearch],
      ),
    },
    focusHomes,
  );
}
