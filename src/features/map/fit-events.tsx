import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { useKeptFirstView } from './use-kept-first-view.ts';
import {
  EXACT_ZOOM,
  NAMED_ZOOM_FLOOR,
  OUTLINE_ZOOM,
  frameEvents,
  precisionZoom,
} from './precision.ts';

export interface FitEventsProps {
  events: DatasetEvent[];
  /** Present when the page opened on an event (a shared link): it is centred instead. */
  initialSelection: DatasetEvent | null;
  /** Changes when another dataset is opened: its events get a first view of their own. */
  datasetKey: unknown;
}

/** Room for the zoom buttons and "Zoom to results" at the top left. */
const TOP_CONTROLS = 72;
/** Room for the scale and the attribution at the bottom right. */
const BOTTOM_CONTROLS = 48;
const MARGIN = 12;
/** The least room, in pixels each way, that a box is fitted into inside the padding. */
const MIN_ROOM = 64;

/**
 * Room around fitted events, so that no marker starts out under a control: the buttons at the top,
 * the scale and attribution at the bottom, and the legend as it is drawn now (open or folded). A
 * legend that takes a narrow strip of the map is kept clear at the side; one as wide as much of
 * the map (a phone's) is kept clear below.
 */
export function fitPadding(
  map: L.Map,
): Pick<L.FitBoundsOptions, 'paddingTopLeft' | 'paddingBottomRight'> {
  const mapBox = map.getContainer().getBoundingClientRect();
  const legendBox = map
    .getContainer()
    .closest('.map-region')
    ?.querySelector('.map-legend:not([hidden])')
    ?.getBoundingClientRect();
  let [left, bottom] = [MARGIN * 4, BOTTOM_CONTROLS];
  if (legendBox && legendBox.width > 0) {
    const besideWidth = legendBox.right - mapBox.left + MARGIN;
    if (besideWidth <= mapBox.width * 0.4) left = Math.max(left, besideWidth);
    else bottom = Math.max(bottom, mapBox.bottom - legendBox.top + MARGIN);
  }
  return { paddingTopLeft: [left, TOP_CONTROLS], paddingBottomRight: [BOTTOM_CONTROLS, bottom] };
}

/**
 * The view that shows a box in the room fitPadding leaves (clear of the controls and the legend),
 * at a zoom within [minZoom, maxZoom]: what fitBounds would do, but with a least zoom, since a
 * click on a cluster must always zoom in.
 */
export function viewOfBox(
  map: L.Map,
  box: L.LatLngBoundsLiteral,
  { minZoom, maxZoom }: { minZoom: number; maxZoom: number },
): { center: L.LatLng; zoom: number } {
  const bounds = L.latLngBounds(box);
  const { paddingTopLeft, paddingBottomRight } = fitPadding(map);
  let [topLeft, bottomRight] = [
    L.point(paddingTopLeft ?? [0, 0]),
    L.point(paddingBottomRight ?? [0, 0]),
  ];
  // A map hardly larger than its controls (a small embed, a phone's open legend) has no room
  // left: Leaflet would read the box's zoom as infinite. The whole map is the room then.
  const room = map.getSize().subtract(topLeft).subtract(bottomRight);
  if (room.x < MIN_ROOM || room.y < MIN_ROOM)
    [topLeft, bottomRight] = [L.point(0, 0), L.point(0, 0)];
  const fitting = map.getBoundsZoom(bounds, false, topLeft.add(bottomRight));
  const zoom = Math.max(minZoom, Math.min(fitting, maxZoom));
  // The box's middle, moved so that it sits in the middle of the padded room.
  const middle = map
    .project(bounds.getSouthWest(), zoom)
    .add(map.project(bounds.getNorthEast(), zoom))
    .divideBy(2)
    .add(bottomRight.subtract(topLeft).divideBy(2));
  return { center: map.unproject(middle, zoom), zoom };
}

/** The shorter side of the map, in pixels: what an event's halo is sized against. */
function viewSide(map: L.Map): number {
  const size = map.getSize();
  return Math.min(size.x, size.y);
}

/**
 * The closest the map should come to an event: street scale over online tiles, less over the
 * offline outlines alone (precision.ts OUTLINE_ZOOM), which have no streets to show.
 */
export function mapDetailZoom(map: L.Map): number {
  let tiles = false;
  map.eachLayer((layer) => {
    if (layer instanceof L.TileLayer) tiles = true;
  });
  return tiles ? EXACT_ZOOM : OUTLINE_ZOOM;
}

/** The zoom to show one event at on this map (precisionZoom, within what the basemap can show). */
export function eventZoom(
  map: L.Map,
  event: Pick<DatasetEvent, 'locationPrecision' | 'latitude'>,
): number {
  return precisionZoom(event.locationPrecision, event.latitude, viewSide(map), mapDetailZoom(map));
}

/**
 * The zoom to show an event at, `zoom` or further out, so that a town is named in view: over the
 * offline outlines alone, which have no roads or fields to tell where a rural event is
 * (named-zoom.ts, in the place names' chunk, once the names around it have come); `zoom` itself
 * over online tiles, or when it is already a region's view.
 */
export async function zoomWithANamedPlace(
  map: L.Map,
  event: Pick<DatasetEvent, 'latitude' | 'longitude'>,
  zoom: number,
): Promise<number> {
  if (zoom <= NAMED_ZOOM_FLOOR || mapDetailZoom(map) !== OUTLINE_ZOOM) return zoom;
  const { zoomNamingAPlace } = await import('./named-zoom.ts');
  return zoomNamingAPlace(map, event, zoom);
}

/** What to fit to show these events on this map (frameEvents, within what the basemap can show). */
export function frameOnMap(map: L.Map, events: Parameters<typeof frameEvents>[0]) {
  return frameEvents(events, viewSide(map), mapDetailZoom(map));
}

/** A first view of a few events close together still shows the country around them. */
export const FIRST_VIEW_MAX_ZOOM = 8;

/** A first view of these events: all of them, with room around them, no closer than zoom 8. */
export function fitFirstView(map: L.Map, events: Parameters<typeof frameEvents>[0]): void {
  const frame = frameOnMap(map, events);
  if (!frame) return;
  map.fitBounds(frame.bounds, {
    ...fitPadding(map),
    maxZoom: Math.min(FIRST_VIEW_MAX_ZOOM, frame.maxZoom),
    animate: false,
  });
}

/**
 * The first view: all events with some room around them, or the linked event centred; kept so
 * while the map's size changes, until the reader moves it (use-kept-first-view.ts).
 */
export function FitEvents({ events, initialSelection, datasetKey }: FitEventsProps) {
  const map = useMap();
  const fittedFor = useRef<unknown>(undefined);
  const firstView = useKeptFirstView(map);

  useEffect(
    function showFirstView() {
      if (fittedFor.current === datasetKey || events.length === 0) return;
      fittedFor.current = datasetKey;
      if (initialSelection) {
        const centre: L.LatLngTuple = [initialSelection.latitude, initialSelection.longitude];
        const zoom = eventZoom(map, initialSelection);
        firstView.show(() => map.setView(centre, zoom, { animate: false }));
        // The first view does not wait for the place names; it steps out once they have come.
        void zoomWithANamedPlace(map, initialSelection, zoom).then((named) => {
          if (named === zoom || firstView.moved() || fittedFor.current !== datasetKey) return;
          firstView.show(() => map.setView(centre, named, { animate: false }));
        });
        return;
      }
      firstView.show(() => fitFirstView(map, events));
    },
    [map, events, initialSelection, datasetKey, firstView],
  );
  return null;
}
