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
import { hiddenByWindow, seenMiddleOffset, type HiddenEdges } from './seen-part.ts';

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

/** What the window hides of the map (seen-part.ts): nothing unless the page scrolls (an embed's, a phone's). */
function hiddenOf(map: L.Map): HiddenEdges {
  return hiddenByWindow(map, MIN_ROOM);
}

/**
 * Room around fitted events, so that no marker starts out under a control: the buttons at the top,
 * the scale and attribution at the bottom, and the legend as it is drawn now (open or folded). A
 * legend that takes a narrow strip of the map is kept clear at the side; one as wide as much of
 * the map (a phone's) is kept clear below. Where the window hides part of the map (an embed's
 * frame, its card above the map), that part is kept clear too, if room is left to fit into.
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
  let [left, top, right, bottom] = [MARGIN * 4, TOP_CONTROLS, BOTTOM_CONTROLS, BOTTOM_CONTROLS];
  if (legendBox && legendBox.width > 0) {
    const besideWidth = legendBox.right - mapBox.left + MARGIN;
    if (besideWidth <= mapBox.width * 0.4) left = Math.max(left, besideWidth);
    else bottom = Math.max(bottom, mapBox.bottom - legendBox.top + MARGIN);
  }
  const hidden = hiddenOf(map);
  const withHidden = [
    Math.max(left, hidden.left + MARGIN),
    Math.max(top, hidden.top + MARGIN),
    Math.max(right, hidden.right + MARGIN),
    Math.max(bottom, hidden.bottom + MARGIN),
  ] as const;
  if (
    mapBox.width - withHidden[0] - withHidden[2] >= MIN_ROOM &&
    mapBox.height - withHidden[1] - withHidden[3] >= MIN_ROOM
  )
    [left, top, right, bottom] = withHidden;
  return { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom] };
}

/**
 * Room for a frame someone chose (a story step's bounds): only what the window hides of the map,
 * so that the frame is what the reader sees, as the author framed it. None when that would leave
 * too little room.
 */
export function seenPadding(
  map: L.Map,
): Pick<L.FitBoundsOptions, 'paddingTopLeft' | 'paddingBottomRight'> {
  const hidden = hiddenOf(map);
  const size = map.getSize();
  const roomy =
    size.x - hidden.left - hidden.right >= MIN_ROOM &&
    size.y - hidden.top - hidden.bottom >= MIN_ROOM;
  return roomy
    ? {
        paddingTopLeft: [hidden.left, hidden.top],
        paddingBottomRight: [hidden.right, hidden.bottom],
      }
    : {};
}

/**
 * The centre that shows `target` at `zoom` in the middle of what the reader sees of the map: the
 * map's middle, unless the window hides part of it (an embed in a short frame).
 */
export function centreShowing(map: L.Map, target: L.LatLngExpression, zoom: number): L.LatLng {
  const offset = seenMiddleOffset(hiddenOf(map));
  if (offset.x === 0 && offset.y === 0) return L.latLng(target);
  return map.unproject(map.project(target, zoom).subtract(L.point(offset.x, offset.y)), zoom);
}

/** The map's bounds as far as the reader sees them (all of it, unless the window hides part). */
export function seenBounds(map: L.Map): L.LatLngBounds {
  const hidden = hiddenOf(map);
  const size = map.getSize();
  return L.latLngBounds(
    map.containerPointToLatLng([hidden.left, size.y - hidden.bottom]),
    map.containerPointToLatLng([size.x - hidden.right, hidden.top]),
  );
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

/** The shorter side of what is seen of the map, in pixels: what an event's halo is sized against. */
function viewSide(map: L.Map): number {
  const size = map.getSize();
  // What is seen of it: in a short embed's frame, a halo sized to the whole map would overflow.
  const hidden = hiddenOf(map);
  return Math.min(size.x - hidden.left - hidden.right, size.y - hidden.top - hidden.bottom);
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

/** Fired on the map by the place names once they are shown (place-names-layer.ts). */
export const PLACE_NAMES_SHOWN = 'dateline:place-names-shown';

/** One wait per map, however many views ask. */
const namesShownOn = new WeakMap<L.Map, Promise<void>>();

function placeNamesShown(map: L.Map): Promise<void> {
  if (map.getContainer().querySelector('canvas.place-names')) return Promise.resolve();
  let shown = namesShownOn.get(map);
  if (!shown) {
    shown = new Promise((resolve) => map.once(PLACE_NAMES_SHOWN, () => resolve()));
    namesShownOn.set(map, shown);
  }
  return shown;
}

/**
 * How far the view reaches each way from where it shows its event (centreShowing), clear of the
 * controls and the legend. Where the window cuts the map, up and down it reaches to what is seen:
 * the buttons sit in the corners, beside an event centred in a short strip, and counting them
 * would leave a short frame no room to name a town in.
 */
function roomAroundShownEvent(map: L.Map) {
  const size = map.getSize();
  const hidden = hiddenOf(map);
  const offset = seenMiddleOffset(hidden);
  const middle = { x: size.x / 2 + offset.x, y: size.y / 2 + offset.y };
  const { paddingTopLeft, paddingBottomRight } = fitPadding(map);
  const topLeft = L.point(paddingTopLeft ?? [0, 0]);
  const bottomRight = L.point(paddingBottomRight ?? [0, 0]);
  const cut = hidden.top > 0 || hidden.bottom > 0;
  return {
    left: middle.x - topLeft.x,
    top: middle.y - (cut ? hidden.top + MARGIN : topLeft.y),
    right: size.x - bottomRight.x - middle.x,
    bottom: size.y - (cut ? hidden.bottom + MARGIN : bottomRight.y) - middle.y,
  };
}

/**
 * Over the offline outlines alone, which have no roads or fields to tell where a rural event is,
 * the zoom to show an event at so that a town is named in view: `zoom` or further out
 * (named-zoom.ts). Resolves once the place names are shown and those around the event have come,
 * the first view never waiting for them, to a function giving the zoom for the map as it is when
 * called; null where nothing would change (online tiles, a region's view already, names that could
 * not be read).
 */
async function namedZoomFor(
  map: L.Map,
  event: Pick<DatasetEvent, 'latitude' | 'longitude'>,
  zoom: number,
): Promise<(() => number) | null> {
  if (zoom <= NAMED_ZOOM_FLOOR || mapDetailZoom(map) !== OUTLINE_ZOOM) return null;
  try {
    await placeNamesShown(map);
    const { namedZoomAround } = await import('./named-zoom.ts');
    const size = map.getSize();
    const zoomAt = await namedZoomAround(event, zoom, { width: size.x, height: size.y });
    if (!zoomAt) return null;
    return () => (mapDetailZoom(map) === OUTLINE_ZOOM ? zoomAt(roomAroundShownEvent(map)) : zoom);
  } catch (error) {
    // A chunk that could not be fetched (offline, a newer build): the view stays as it is.
    console.warn('The place names could not be read to choose a zoom:', error);
    return null;
  }
}

/**
 * After the map was moved to show an event at `zoom`: steps further out with `show` once the
 * names have come (namedZoomFor), unless the map moved otherwise meanwhile (a drag, a zoom,
 * another flight: Leaflet starts each move synchronously, so the move just made is not among
 * them) or the event is no longer the one wanted.
 */
export function stepOutToANamedPlace(
  map: L.Map,
  event: Pick<DatasetEvent, 'latitude' | 'longitude'>,
  zoom: number,
  { stillWanted, show }: { stillWanted: () => boolean; show: (zoom: number) => void },
): void {
  // Settled at the first move otherwise, or when the map is removed: no step out after either.
  let movedOtherwise = false;
  const onMoveStart = () => {
    movedOtherwise = true;
    map.off('movestart unload', onMoveStart);
  };
  map.on('movestart unload', onMoveStart);
  void namedZoomFor(map, event, zoom).then((zoomNow) => {
    if (movedOtherwise) return;
    map.off('movestart unload', onMoveStart);
    if (!zoomNow || !stillWanted()) return;
    const named = zoomNow();
    if (named < zoom) show(named);
  });
}

/**
 * One event as a first view kept by `firstView`: centred in what is seen of the map, at the zoom
 * its precision suits there (both judged again each time the kept view is shown: a frame resized
 * changes what is seen), then further out once the place names have come if no town is named at
 * that zoom (namedZoomFor), unless the reader moved the map meanwhile or `stillWanted` says no.
 */
export function showKeptEvent(
  map: L.Map,
  firstView: Pick<ReturnType<typeof useKeptFirstView>, 'show' | 'moved'>,
  event: DatasetEvent,
  stillWanted: () => boolean,
): void {
  const point: L.LatLngTuple = [event.latitude, event.longitude];
  const showAt = (zoom: number) =>
    map.setView(centreShowing(map, point, zoom), zoom, { animate: false });
  const zoomNow = () => eventZoom(map, event);
  const zoom = zoomNow();
  firstView.show(() => showAt(zoomNow()));
  void namedZoomFor(map, event, zoom).then((namedZoom) => {
    if (!namedZoom || firstView.moved() || !stillWanted()) return;
    firstView.show(() => showAt(Math.min(namedZoom(), zoomNow())));
  });
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
  /** Counts first views: a step out (namedZoomFor) is for the first view it was asked for. */
  const firstViewCount = useRef(0);
  const firstView = useKeptFirstView(map);
  useEffect(function dropStepOutsOnUnmount() {
    return () => {
      firstViewCount.current += 1;
    };
  }, []);

  useEffect(
    function showFirstView() {
      // Another dataset, or its first view: a step out still on its way is the last one's.
      if (fittedFor.current !== datasetKey) firstViewCount.current += 1;
      if (fittedFor.current === datasetKey || events.length === 0) return;
      fittedFor.current = datasetKey;
      if (initialSelection) {
        const shown = firstViewCount.current;
        showKeptEvent(map, firstView, initialSelection, () => firstViewCount.current === shown);
        return;
      }
      firstView.show(() => fitFirstView(map, events));
    },
    [map, events, initialSelection, datasetKey, firstView],
  );
  return null;
}
