/**
 * Traces outline paths (outline-data.ts) onto a canvas for one view of the map: paths whose box is
 * out of view are skipped, and points closer than half a pixel to the last one drawn are dropped, so a
 * zoomed-out view of the detailed coastline costs about what the coarse one does.
 */
import type { OutlinePaths } from './outline-data.ts';

/** Where the canvas is: the map's pixels per world unit at this zoom, and what it shows. */
export interface OutlineView {
  /** 256 × 2^zoom. */
  scale: number;
  /** Leaflet's pixel origin: world pixel coordinates of layer point (0, 0). */
  originX: number;
  originY: number;
  /** The area to draw, in layer points (the canvas's coordinates). */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of a canvas context tracing needs. */
export type PathSink = Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo' | 'closePath'>;

/** Points nearer than this (in pixels) to the last point drawn add nothing visible. */
const MIN_STEP = 0.5;

/**
 * Adds the paths in view to the sink's current path, closing each when `closed` (land rings).
 * Returns how many paths were traced.
 */
export function tracePaths(
  sink: PathSink,
  paths: OutlinePaths,
  view: OutlineView,
  closed: boolean,
): number {
  const { starts, boxes, points } = paths;
  const { scale, originX, originY } = view;
  const left = (view.left + originX) / scale;
  const right = (view.right + originX) / scale;
  const top = (view.top + originY) / scale;
  const bottom = (view.bottom + originY) / scale;
  let traced = 0;
  for (let path = 0; path + 1 < starts.length; path += 1) {
    const box = path * 4;
    if (
      (boxes[box] as number) > right ||
      (boxes[box + 2] as number) < left ||
      (boxes[box + 1] as number) > bottom ||
      (boxes[box + 3] as number) < top
    ) {
      continue;
    }
    const first = starts[path] as number;
    const end = starts[path + 1] as number;
    if (end - first < 2) continue;
    let lastX = (points[first * 2] as number) * scale - originX;
    let lastY = (points[first * 2 + 1] as number) * scale - originY;
    sink.moveTo(lastX, lastY);
    for (let point = first + 1; point < end; point += 1) {
      const x = (points[point * 2] as number) * scale - originX;
      const y = (points[point * 2 + 1] as number) * scale - originY;
      const isLast = point === end - 1;
      if (!isLast && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) continue;
      sink.lineTo(x, y);
      lastX = x;
      lastY = y;
    }
    if (closed) sink.closePath();
    traced += 1;
  }
  return traced;
}

export interface OutlineColours {
  land: string;
  border: string;
}

/** One drawing of the outline: the canvas's size in CSS pixels, its pixel ratio, what it shows. */
export interface OutlineFrame {
  width: number;
  height: number;
  ratio: number;
  view: OutlineView;
  colours: OutlineColours;
}

/** What drawing needs of a 2D context: the page's canvas and a worker's OffscreenCanvas both. */
export type OutlineContext = PathSink &
  Pick<
    CanvasRenderingContext2D,
    | 'setTransform'
    | 'clearRect'
    | 'beginPath'
    | 'fill'
    | 'stroke'
    | 'fillStyle'
    | 'strokeStyle'
    | 'lineWidth'
    | 'lineJoin'
  >;

const BORDER_WIDTH = 0.8;

/**
 * Draws land (filled, even-odd so lakes stay holes) and borders on a context whose canvas is
 * frame.width × frame.ratio pixels wide, its top left at the view's top left.
 */
export function drawOutlines(
  context: OutlineContext,
  outlines: { land: OutlinePaths; borders: OutlinePaths },
  frame: OutlineFrame,
): void {
  const { ratio, view } = frame;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, Math.round(frame.width * ratio), Math.round(frame.height * ratio));
  // Layer points from here on.
  context.setTransform(ratio, 0, 0, ratio, -view.left * ratio, -view.top * ratio);
  context.beginPath();
  tracePaths(context, outlines.land, view, true);
  context.fillStyle = frame.colours.land;
  context.fill('evenodd');
  context.beginPath();
  tracePaths(context, outlines.borders, view, false);
  context.strokeStyle = frame.colours.border;
  context.lineWidth = BORDER_WIDTH;
  context.lineJoin = 'round';
  context.stroke();
}
