/**
 * Set on an element while it is about to place the focus itself (the chronology, two frames after
 * a selection): the page's focus rescue (app/use-focus-rescue.ts) waits rather than racing it.
 * Shared here so that any component that places focus later can say so the same way.
 */
export const FOCUS_PENDING_ATTRIBUTE = 'data-focus-pending';
