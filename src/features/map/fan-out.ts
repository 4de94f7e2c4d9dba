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
