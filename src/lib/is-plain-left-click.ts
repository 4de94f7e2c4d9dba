import type { MouseEvent } from 'react';

/** A click that should select in place; with a modifier the browser opens the link as usual. */
export function isPlainLeftClick(mouseEvent: MouseEvent): boolean {
  return (
    mouseEvent.button === 0 &&
    !mouseEvent.metaKey &&
    !mouseEvent.ctrlKey &&
    !mouseEvent.shiftKey &&
    !mouseEvent.altKey
  );
}
