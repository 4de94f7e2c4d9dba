/**
 * Events that share one spot would hide each other. When several single markers (the selected
 * event among them) sit at the same coordinates, each after the first is nudged round a small
 * circle so every one can be clicked and seen.
 */
export interface Positioned {
  id: string;
  longitude: number;
  latitude: number;
}

const RADIUS_PX = 36;

export function fanOutOffsets(items: Positioned[]): Map<string, [number, number]> {
  const bySpot = new Map<string, string[]>();
  for (const item of items) {
    const spot = `${item.longitude.toFixed(6)},${item.latitude.toFixed(6)}`;
    const ids = bySpot.get(spot);
    if (ids) ids.push(item.id);
    else bySpot.set(spot, [item.id]);
  }
  const offsets = new Map<string, [number, number]>();
  for (const ids of bySpot.values()) {
    if (ids.length < 2) continue;
    ids.slice(1).forEach((id, index) => {
      const angle = -Math.PI / 4 + (index * 2 * Math.PI) / Math.max(ids.length - 1, 6);
      offsets.set(id, [
        Math.round(Math.cos(angle) * RADIUS_PX),
        Math.round(Math.sin(angle) * RADIUS_PX),
      ]);
    });
  }
  return offsets;
}

export interface ScreenItem {
  key: string;
  /** World pixel position at the current zoom. */
  x: number;
  y: number;
  /** Half the marker's clickable size. */
  radius: number;
}

/**
 * The selected marker is drawn on its own, outside any cluster, so it may land on a neighbour
 * (a country-wide event near a town's markers) and cover it. Every marker closer than the two
 * targets' radii is moved straight away from the selected one until the targets just touch:
 * each stays clickable at full size (WCAG 2.5.8) and points the way to where it really is.
 */
export function clearAround(
  selected: { x: number; y: number; radius: number },
  items: ScreenItem[],
): Map<string, [number, number]> {
  const offsets = new Map<string, [number, number]>();
  for (const item of items) {
    const dx = item.x - selected.x;
    const dy = item.y - selected.y;
    const distance = Math.hypot(dx, dy);
    const needed = selected.radius + item.radius;
    if (distance >= needed) continue;
    // Exactly on top: move it up and to the right, as the fan-out does.
    const [ux, uy] =
      distance < 0.5 ? [Math.SQRT1_2, -Math.SQRT1_2] : [dx / distance, dy / distance];
    offsets.set(item.key, [Math.round(ux * needed - dx), Math.round(uy * needed - dy)]);
  }
  return offsets;
}
