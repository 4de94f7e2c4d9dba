import { useEffect } from 'react';

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
 * Escape clears it, "/" goes to the search. Arrows inside the map still pan the map, and typing in a field is left alone.
 */
export function useKeyboardShortcuts({
  next,
  previous,
  clear,
  focusSearch,
}: KeyboardShortcuts): void {
  useEffect(
    function listenForShortcuts() {
      function onKeyDown(keyEvent: KeyboardEvent) {
        if (keyEvent.defaultPrevented || keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey)
          return;
        if (isTypingTarget(keyEvent.target)) return;
        const inMap =
          keyEvent.target instanceof HTMLElement &&
          keyEvent.target.closest('.leaflet-container') !== null;
        const inPopup =
          keyEvent.target instanceof HTMLElement &&
          keyEvent.target.closest('.leaflet-popup') !== null;
        switch (keyEvent.key) {
          case 'j':
          case 'ArrowDown':
            if (inMap && keyEvent.key === 'ArrowDown') return;
            keyEvent.preventDefault();
            next();
            break;
          case 'k':
          case 'ArrowUp':
            if (inMap && keyEvent.key === 'ArrowUp') return;
            keyEvent.preventDefault();
            previous();
            break;
          case '/':
            keyEvent.preventDefault();
            focusSearch();
            break;
          case 'Escape':
            // Escape in a popup closes the popup (Leaflet does that); elsewhere it clears the selection.
            if (inPopup) return;
            clear();
            break;
          default:
        }
      }
      document.addEventListener('keydown', onKeyDown);
      return () => document.removeEventListener('keydown', onKeyDown);
    },
    [next, previous, clear, focusSearch],
  );
}
