/**
 * Keeping the map's circles clear of the selected marker. The selected event is drawn on its own, on
 * top and at its true position, outside any cluster, so it may land on a neighbour (a country-wide
 * event beside a town's markers, or another event at the very same spot) and cover it.
 */
export interface Circle {
  /** Screen pixels at the view's zoom. */
  x: number;
  y: number;
  radius: number;
}

/**
 * The pixel offset that moves a circle at (x, y) straight away from `selected` until the two are
 * `gap` apart; [0, 0] when it is clear already. Moved, not merged: the selected marker must stay
 * where its event is and stay alone, so merging could only gather the neighbours into one bigger
 * circle still under it. Moved aside, each keeps its full target (WCAG 2.5.8) and points the way to
 * where it really is. Exactly on top, it goes up and to the right.
 */
export function stepAside(
  x: number,
  y: number,
  radius: number,
  selected: Circle | null,
  gap: number,
): [number, number] {
  if (!selected) return [0, 0];
  const dx = x - selected.x;
  const dy = y - selected.y;
  const distance = Math.hypot(dx, dy);
  // One pixel more than needed: markers are drawn at whole pixels, and the offset is rounded.
  const needed = selected.radius + radius + gap + 1;
  if (distance >= needed) return [0, 0];
  const [ux, uy] = distance < 0.5 ? [Math.SQRT1_2, -Math.SQRT1_2] : [dx / distance, dy / distance];
  return [Math.round(ux * needed - dx), Math.round(uy * needed - dy)];
}
