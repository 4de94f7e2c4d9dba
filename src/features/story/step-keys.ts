/**
 * Which way a key moves through a story (docs/contracts.md §4): ArrowRight / ArrowDown, Space and
 * Page Down forward; ArrowLeft / ArrowUp, Shift+Space and Page Up back. Keys that the element
 * holding the focus answers itself are left to it: typing in a field, choosing in a select, a
 * slider's arrows (the timeline's handles), the map's arrows (it pans), and Space on a button or
 * link (it presses it).
 */
export type StepDirection = 1 | -1;

/** What the key event and its target are, in plain terms (testable without a DOM). */
export interface StepKey {
  key: string;
  shiftKey: boolean;
  /** Ctrl, Alt or Meta held: the browser's or the system's shortcut, never a step. */
  modified: boolean;
  /** The focus is where typing happens (input, textarea, select, contenteditable). */
  inTextField: boolean;
  /** The focus is in something that answers arrows itself (the map, a slider). */
  inArrowWidget: boolean;
  /** The focus is on something Space presses (a button, a link, a checkbox). */
  onPressable: boolean;
}

export function stepDirection(keyPress: StepKey): StepDirection | null {
  if (keyPress.modified || keyPress.inTextField) return null;
  switch (keyPress.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return keyPress.inArrowWidget ? null : 1;
    case 'ArrowLeft':
    case 'ArrowUp':
      return keyPress.inArrowWidget ? null : -1;
    case 'PageDown':
      return 1;
    case 'PageUp':
      return -1;
    case ' ':
      if (keyPress.onPressable) return null;
      return keyPress.shiftKey ? -1 : 1;
    default:
      return null;
  }
}

/** The key event read into a StepKey, from where the focus is. */
export function readStepKey(keyEvent: KeyboardEvent): StepKey {
  const target = keyEvent.target instanceof Element ? keyEvent.target : null;
  const inTextField =
    target !== null &&
    ((target instanceof HTMLElement && target.isContentEditable) ||
      target.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select') !==
        null);
  return {
    key: keyEvent.key,
    shiftKey: keyEvent.shiftKey,
    modified: keyEvent.ctrlKey || keyEvent.altKey || keyEvent.metaKey,
    inTextField,
    inArrowWidget:
      target !== null && target.closest('.leaflet-container, [role="slider"], dialog') !== null,
    onPressable:
      target !== null &&
      target.closest('button, a[href], summary, input, [role="button"], [role="link"]') !== null,
  };
}
