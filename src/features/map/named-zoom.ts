/**
 * The zoom a link to an event opens at over the offline outlines, chosen so that the reader can
 * tell where the event is. The outlines have no roads or fields: a rural event at the outlines'
 * closest zoom (precision.ts OUTLINE_ZOOM) showed a dot on blank land, with no town named in view.
 * From the event's own zoom the map steps out until a place it names at that zoom is in view.
 */
import type * as L from 'leaflet';
import { toWorld } from './outline-data.ts';
import { closestZoomNamingAPlace } from './place-name-candidates.ts';
import { namesIn } from './place-names-store.ts';
import { NAMED_ZOOM_FLOOR } from './precision.ts';

/**
 * closestZoomNamingAPlace on this map, once the names around the event have arrived; `from` when
 * they could not be read (offline on a first visit), rather than a step out for want of names.
 */
export async function zoomNamingAPlace(
  map: L.Map,
  event: { latitude: number; longitude: number },
  from: number,
): Promise<number> {
  const point = toWorld(event.longitude, event.latitude);
  const view = map.getSize();
  const floorScale = 256 * 2 ** Math.min(from, NAMED_ZOOM_FLOOR);
  const [halfWidth, halfHeight] = [view.x / 2 / floorScale, view.y / 2 / floorScale];
  // The files of every band down to `from`, over the widest view tried.
  const names = await namesIn(from, {
    left: point[0] - halfWidth,
    top: point[1] - halfHeight,
    right: point[0] + halfWidth,
    bottom: point[1] + halfHeight,
  });
  if (!names) return from;
  return closestZoomNamingAPlace(names, point, { width: view.x, height: view.y }, from);
}
