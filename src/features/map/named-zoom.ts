/**
 * The names around an event that decide how far out a view of it steps over the offline outlines
 * (fit-events.tsx `namedZoomFor`): the outlines have no roads or fields, so a rural event at their
 * closest zoom (precision.ts OUTLINE_ZOOM) was a dot on blank land with no town named in view. In
 * the place names' chunk, loaded once the names are shown.
 */
import { toWorld } from './outline-data.ts';
import { closestZoomNamingAPlace, type RoomAround } from './place-name-candidates.ts';
import { namesIn } from './place-names-store.ts';
import { NAMED_ZOOM_FLOOR } from './precision.ts';

/**
 * The zoom for the event at a given room, once the names around it have arrived; null when they
 * could not be read (offline on a first visit): no step out for want of names.
 */
export async function namedZoomAround(
  event: { latitude: number; longitude: number },
  from: number,
  view: { width: number; height: number },
): Promise<((room: RoomAround) => number) | null> {
  const point = toWorld(event.longitude, event.latitude);
  const floorScale = 256 * 2 ** Math.min(from, NAMED_ZOOM_FLOOR);
  const [halfWidth, halfHeight] = [view.width / 2 / floorScale, view.height / 2 / floorScale];
  // The files of every band down to `from`, over the widest view tried.
  const names = await namesIn(from, {
    left: point[0] - halfWidth,
    top: point[1] - halfHeight,
    right: point[0] + halfWidth,
    bottom: point[1] + halfHeight,
  });
  if (!names) return null;
  return (room) => closestZoomNamingAPlace(names, point, room, from);
}
