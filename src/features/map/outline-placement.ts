/**
 * Where the basemap canvas (outline-renderer.ts) goes and what it shows: the map's view plus a
 * margin, as a drawing is asked for, and where that drawing belongs as the map pans and zooms.
 */
import * as L from 'leaflet';
import type { OutlineColours, OutlineFrame } from './outline-drawing.ts';

/**
 * Extra canvas on each side of the view, as a share of its size: a short pan shows coastline already
 * drawn. The basemap used to pad by half the view (a canvas four times the view's area, which a
 * phone without a GPU paid for in every frame it composited); a pan past the margin now draws
 * again at once instead (see followPan).
 */
const PADDING = 0.1;

export interface Placement {
  center: L.LatLng;
  zoom: number;
  mapSize: L.Point;
  /** The canvas's top left, in layer points; its size in CSS pixels. */
  topLeft: L.Point;
  width: number;
  height: number;
}

/** Leaflet 1.9's map internals a renderer uses (its own Renderer does the same). */
interface MapInternals {
  _zoomAnimated?: boolean;
  _animatingZoom?: boolean;
  _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point;
}

export function internals(map: L.Map): MapInternals {
  return map as unknown as MapInternals;
}

/** A drawing of the map as it is now: where it goes, and the frame to draw it from. */
export function drawingNow(
  map: L.Map,
  colours: OutlineColours,
): { placement: Placement; frame: OutlineFrame } {
  const mapSize = map.getSize();
  const topLeft = map.containerPointToLayerPoint(mapSize.multiplyBy(-PADDING)).round();
  const width = Math.round(mapSize.x * (1 + 2 * PADDING));
  const height = Math.round(mapSize.y * (1 + 2 * PADDING));
  const placement: Placement = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    mapSize,
    topLeft,
    width,
    height,
  };
  const origin = map.getPixelOrigin();
  const frame: OutlineFrame = {
    width,
    height,
    // The screen's own pixel ratio (Leaflet's canvas takes 2 for anything above 1): a 1.75
    // phone fills 23 % fewer pixels, and up to 2 is as sharp as an outline needs.
    ratio: Math.min(window.devicePixelRatio || 1, 2),
    view: {
      scale: map.options.crs?.scale(placement.zoom) ?? 256 * 2 ** placement.zoom,
      originX: origin.x,
      originY: origin.y,
      left: topLeft.x,
      top: topLeft.y,
      right: topLeft.x + width,
      bottom: topLeft.y + height,
    },
    colours,
  };
  return { placement, frame };
}

/**
 * As Leaflet's renderer: where the drawing `shown` belongs, scaled, for a view at `center` and
 * `zoom`.
 */
export function scaledPosition(
  map: L.Map,
  shown: Placement,
  center: L.LatLng,
  zoom: number,
): { topLeft: L.Point; scale: number } {
  const scale = map.getZoomScale(zoom, shown.zoom);
  const topLeft = shown.mapSize
    .multiplyBy(0.5 + PADDING)
    .multiplyBy(-scale)
    .add(map.project(shown.center, zoom))
    .subtract(internals(map)._getNewPixelOrigin(center, zoom));
  return { topLeft, scale };
}

/** Whether the drawing `shown` still covers the whole of the map's view. */
export function coversView(map: L.Map, shown: Placement): boolean {
  const view = L.bounds(
    map.containerPointToLayerPoint([0, 0]),
    map.containerPointToLayerPoint(map.getSize()),
  );
  const drawn = L.bounds(shown.topLeft, shown.topLeft.add([shown.width, shown.height]));
  return drawn.contains(view);
}
