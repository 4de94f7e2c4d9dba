import type { Virtualizer } from '@tanstack/react-virtual';

/** Room kept for the sticky month heading, so an entry scrolled to the top is not hidden under it. */
export const STICKY_HEADING_HEIGHT = 40;

/** True when the top of a row (its date and title) is in view below the sticky heading. */
export function isTopInView(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  index: number,
): boolean {
  const item = virtualizer.measurementsCache[index];
  const viewport = virtualizer.scrollElement;
  if (!item || !viewport) return false;
  const top = virtualizer.scrollOffset ?? 0;
  return (
    item.start >= top + STICKY_HEADING_HEIGHT &&
    item.start + Math.min(item.size, 96) <= top + viewport.clientHeight
  );
}
