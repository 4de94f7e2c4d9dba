import type { DatasetEvent } from '../model/schema.ts';
import type { GeoBounds } from '../query/selectors.ts';
import type { Story } from './story.ts';

/**
 * Where a story's cover looks: the whole story's part of the world at once — every step's frame,
 * every step's selected event and the cover event — as a title slide's overview map does, with the
 * cover event selected inside it, and a margin. Null when that is no area (nothing placed, or one point: the
 * cover then shows its event up close), or when a step's frame crosses the antimeridian
 * (west > east), where a plain union would wrap the wrong way round the world.
 */
export function storyOverview(story: Story, events: readonly DatasetEvent[]): GeoBounds | null {
  const frames = story.steps.flatMap((step) => (step.view.bounds ? [step.view.bounds] : []));
  if (frames.some((frame) => frame.west > frame.east)) return null;
  const placed = new Set(story.steps.map((step) => step.view.selectedId));
  placed.add(story.coverId);
  for (const event of events)
    if (placed.has(event.id))
      frames.push({
        west: event.longitude,
        south: event.latitude,
        east: event.longitude,
        north: event.latitude,
      });
  if (frames.length === 0) return null;
  const west = Math.min(...frames.map((frame) => frame.west));
  const south = Math.min(...frames.map((frame) => frame.south));
  const east = Math.max(...frames.map((frame) => frame.east));
  const north = Math.max(...frames.map((frame) => frame.north));
  if (west === east && south === north) return null;
  // A margin of a tenth of the size on each side: a marker on the edge is drawn whole.
  const across = (east - west) / 10;
  const down = (north - south) / 10;
  return {
    west: Math.max(-180, west - across),
    south: Math.max(-85, south - down),
    east: Math.min(180, east + across),
    north: Math.min(85, north + down),
  };
}
