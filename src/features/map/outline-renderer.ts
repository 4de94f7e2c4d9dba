/**
 * A Leaflet renderer that draws the offline basemap straight from its packed points
 * (outline-data.ts), instead of through Leaflet's vector layers, which made a LatLng object and a
 * projected point per vertex and clipped every ring on every move. Leaflet's Renderer still
 * places the canvas and zoom-animates it; this sizes it and draws.
 */
import L from 'leaflet';
import type { Outlines } from './outline-data.ts';
import { tracePaths, type OutlineView } from './outline-drawing.ts';

export interface OutlineColours {
  land: string;
  border: string;
}

/** The parts of Leaflet's Renderer (1.9) that are not in its typings. */
interface RendererInternals {
  _map: L.Map | null;
  _container: HTMLCanvasElement | undefined;
  _bounds: L.Bounds | undefined;
  _zoom: number | undefined;
  _update(): void;
  getEvents(): Record<string, L.LeafletEventHandlerFn>;
}

const rendererPrototype = L.Renderer.prototype as unknown as RendererInternals;

/**
 * Extra canvas around the view, as a share of its size: a short pan shows coastline already
 * drawn. The basemap used to pad by half the view (a canvas four times the view's area, which a
 * phone without a GPU paid for in every frame it composited); a pan past the margin now draws
 * again at once instead (see followPan).
 */
const PADDING = 0.1;
const BORDER_WIDTH = 0.8;

export class OutlineRenderer extends L.Renderer {
  private outlines: Outlines | null = null;
  private colours: OutlineColours;
  private context: CanvasRenderingContext2D | null = null;
  private panFrame = 0;

  constructor(pane: string, colours: OutlineColours, attribution: string) {
    super({ pane, padding: PADDING, attribution });
    this.colours = colours;
  }

  setOutlines(outlines: Outlines): void {
    this.outlines = outlines;
    this.draw();
  }

  setColours(colours: OutlineColours): void {
    if (colours.land === this.colours.land && colours.border === this.colours.border) return;
    this.colours = colours;
    this.draw();
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return { ...rendererPrototype.getEvents.call(this), move: () => this.followPan() };
  }

  _initContainer(): void {
    const canvas = document.createElement('canvas');
    (this as unknown as RendererInternals)._container = canvas;
    this.context = canvas.getContext('2d');
  }

  _destroyContainer(): void {
    L.Util.cancelAnimFrame(this.panFrame);
    this.panFrame = 0;
    const internals = this as unknown as RendererInternals;
    internals._container?.remove();
    internals._container = undefined;
    this.context = null;
  }

  /** Leaflet calls this once a move or zoom has ended, and when the map is resized. */
  _update(): void {
    const internals = this as unknown as RendererInternals;
    const { _map: map, _container: canvas } = internals;
    // Mid-zoom, Leaflet scales the canvas as it is; it is drawn again when the zoom ends.
    if (!map || !canvas || (isAnimatingZoom(map) && internals._bounds)) return;
    rendererPrototype._update.call(this);
    const bounds = internals._bounds;
    if (!bounds?.min || !bounds.max) return;
    const width = bounds.max.x - bounds.min.x;
    const height = bounds.max.y - bounds.min.y;
    // The screen's own pixel ratio (Leaflet's canvas takes 2 for anything above 1): a 1.75 phone
    // then fills 23 % fewer pixels, and up to 2 is as sharp as an outline needs.
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    L.DomUtil.setPosition(canvas, bounds.min);
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    this.draw();
  }

  /**
   * While the map is dragged, Leaflet moves the canvas with it and draws only when the drag ends:
   * once the view runs past the drawn area, it is drawn again (at most once a frame) so the reader
   * never drags into blank sea.
   */
  private followPan(): void {
    const internals = this as unknown as RendererInternals;
    const map = internals._map;
    const bounds = internals._bounds;
    if (!map || !bounds || this.panFrame !== 0) return;
    if (map.getZoom() !== internals._zoom) return; // zooming: Leaflet scales the canvas meanwhile
    const view = L.bounds(
      map.containerPointToLayerPoint([0, 0]),
      map.containerPointToLayerPoint(map.getSize()),
    );
    if (bounds.contains(view)) return;
    this.panFrame = L.Util.requestAnimFrame(() => {
      this.panFrame = 0;
      this._update();
    });
  }

  private draw(): void {
    const internals = this as unknown as RendererInternals;
    const { _map: map, _bounds: bounds, _container: canvas } = internals;
    const context = this.context;
    if (!context || !canvas || !map || !bounds?.min || !bounds.max) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (!this.outlines) return;
    // Layer points from here on: the canvas's top left is the bounds' top left.
    const ratio = canvas.width / (bounds.max.x - bounds.min.x);
    context.setTransform(ratio, 0, 0, ratio, -bounds.min.x * ratio, -bounds.min.y * ratio);
    const origin = map.getPixelOrigin();
    const view: OutlineView = {
      scale: map.options.crs?.scale(map.getZoom()) ?? 256 * 2 ** map.getZoom(),
      originX: origin.x,
      originY: origin.y,
      left: bounds.min.x,
      top: bounds.min.y,
      right: bounds.max.x,
      bottom: bounds.max.y,
    };
    context.beginPath();
    tracePaths(context, this.outlines.land, view, true);
    context.fillStyle = this.colours.land;
    context.fill('evenodd');
    context.beginPath();
    tracePaths(context, this.outlines.borders, view, false);
    context.strokeStyle = this.colours.border;
    context.lineWidth = BORDER_WIDTH;
    context.lineJoin = 'round';
    context.stroke();
  }
}

function isAnimatingZoom(map: L.Map): boolean {
  return (map as unknown as { _animatingZoom?: boolean })._animatingZoom === true;
}
