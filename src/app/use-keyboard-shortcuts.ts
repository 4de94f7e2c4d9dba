import { useEffect } from 'react';
import type { FocusHomes } from '../lib/focus-homes.ts';

export interface KeyboardShortcuts {
  next: () => void;
  previous: () => void;
  clear: () => void;
  focusSearch: () => void;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

/**
 * The contract's keys, anywhere on the page: ArrowDown / j and ArrowUp / k move the selection,
 * Escape clears it, "/" goes to the search. Typing in a field is left alone, and so are the keys a
 * part of the page answers itself (the map pans with the arrows).
 */
export function useKeyboardShortcuts(
  { next, previous, clear, focusSearch }: KeyboardShortcuts,
  homes: FocusHomes,
): void {
  useEffect(
    function listenForShortcuts() {
      function onKeyDown(keyEvent: KeyboardEvent) {
        if (keyEvent.defaultPrevented || keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey)
          return;
        if (isTypingTarget(keyEvent.target)) return;
        if (keyEvent.target instanceof Element && homes.answersKey(keyEvent.target, keyEvent.key))
          return;
        switch (keyEvent.key) {
          case 'j':
          case 'ArrowDown':
            keyEvent.preventDefault();
            next();
            break;
          case 'k':
          case 'ArrowUp':
            keyEvent.preventDefault();
            previous();
            break;
          case '/':
            keyEvent.preventDefault();
            focusSearch();
            break;
          case 'Escape':
            clear();
            break;
          default:
        }
      }
      document.addEventListener('keydown', onKeyDown);
      return () => document.removeEventListener('keydown', onKeyDown);
    },
    [next, previous, clear, focusSearch, homes],
  );
}
