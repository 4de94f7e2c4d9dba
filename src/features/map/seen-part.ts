/**
 * The part of the map a reader can see on opening the page. Usually all of it; but an embed in a
 * fixed-height frame is a page that scrolls inside the frame, with the selected event's card above
 * the map, so the frame's edge can cut off the map's lower part. A view chosen for the whole map
 * would then show its event low in what is seen, or under the edge.
 *
 * Judged as the page is laid out at its top, not as it is scrolled now: a reader who scrolled on
 * to the list will scroll back to the map, and a view that followed each scroll (or a phone's
 * address bar showing and hiding) would jump under their finger.
 */
import type * as L from 'leaflet';

/** A box in CSS pixels: the map's on the page, or the window's. */
export interface PixelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How much of the map lies outside the window on each side, in pixels (0 where none). */
export interface HiddenEdges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const NONE: HiddenEdges = { left: 0, top: 0, right: 0, bottom: 0 };

/**
 * What the window hides of the map. A map the window hides wholly, or all but `leastSeen` pixels
 * of either way (the reader has scrolled on to the list below it), counts as not hidden at all:
 * a view is then chosen for the whole map, as if it were seen, and is right when the reader
 * scrolls back.
 */
export function hiddenEdges(map: PixelBox, window: PixelBox, leastSeen: number): HiddenEdges {
  const seen = {
    left: Math.max(map.left, window.left),
    top: Math.max(map.top, window.top),
    right: Math.min(map.right, window.right),
    bottom: Math.min(map.bottom, window.bottom),
  };
  if (seen.right - seen.left < leastSeen || seen.bottom - seen.top < leastSeen) return NONE;
  return {
    left: seen.left - map.left,
    top: seen.top - map.top,
    right: map.right - seen.right,
    bottom: map.bottom - seen.bottom,
  };
}

/**
 * Where a point placed at the middle of the seen part sits from the middle of the map, in pixels:
 * what to move the map's centre by, the other way, to show an event there.
 */
export function seenMiddleOffset(hidden: HiddenEdges): { x: number; y: number } {
  return { x: (hidden.left - hidden.right) / 2, y: (hidden.top - hidden.bottom) / 2 };
}

/** What the window hides of the map at the page's top (hiddenEdges), at least `leastSeen` seen. */
export function hiddenByWindow(map: L.Map, leastSeen: number): HiddenEdges {
  const box = map.getContainer().getBoundingClientRect();
  const page = document.documentElement;
  const [x, y] = [window.scrollX, window.scrollY];
  return hiddenEdges(
    { left: box.left + x, top: box.top + y, right: box.right + x, bottom: box.bottom + y },
    { left: 0, top: 0, right: page.clientWidth, bottom: page.clientHeight },
    leastSeen,
  );
}

/** Whether two answers of hiddenEdges are the same, to within a pixel. */
export function sameHiddenEdges(a: HiddenEdges, b: HiddenEdges): boolean {
  return (
    Math.abs(a.left - b.left) < 1 &&
    Math.abs(a.top - b.top) < 1 &&
    Math.abs(a.right - b.right) < 1 &&
    Math.abs(a.bottom - b.bottom) < 1
  );
}
