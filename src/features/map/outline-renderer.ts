/**
 * The Leaflet layer that shows the offline basemap (outline-data.ts) on one canvas under the tile
 * pane. It is drawn in a worker where the browser can (outline-worker.ts), on the page otherwise,
 * straight from the packed points: Leaflet's own vector layers made a LatLng object and a
 * projected point per vertex and clipped every ring on every move.
 *
 * Like Leaflet's canvas renderer, the canvas covers the map plus a margin, moves with the map while
 * it is dragged, is scaled by CSS while a zoom animates, and is drawn again once a move or zoom
 * ends. A drawing from the worker arrives a moment later: until then the previous one stays where
 * it was (scaled, after a zoom), so land never jumps and the map never shows a blank frame.
 */
import * as L from 'leaflet';
import type { Outlines } from './outline-data.ts';
import type { OutlineColours } from './outline-drawing.ts';
import type * as OutlineOnPage from './outline-on-page.ts';
import type { OutlineWorkerReply, OutlineWorkerRequest } from './outline-worker.ts';
import {
  coversView,
  drawingNow,
  internals,
  scaledPosition,
  type Placement,
} from './outline-placement.ts';
import { canDrawInWorker, createCanvas } from './outline-canvas.ts';

export type { OutlineColours };

/** The outline read on the page, with the code that draws it there (loaded only when needed). */
interface PageOutline {
  outlines: Outlines;
  drawing: typeof OutlineOnPage;
}

/** The events and their markers do not need the outline: the map goes on without it. */
function warnNotShown(problem: unknown) {
  console.warn('The basemap outline could not be shown:', problem);
}

export class OutlineLayer extends L.Layer {
  private colours: OutlineColours;
  private outlines: PageOutline | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private worker: Worker | null = null;
  private pageContext: CanvasRenderingContext2D | null = null;
  private bitmapContext: ImageBitmapRenderingContext | null = null;
  private shown: Placement | null = null;
  private asked = new Map<number, Placement>();
  /** The worker has an outline to draw. */
  private workerReady = false;
  /** The outline asked for last: on the page, an earlier one arriving later is dropped. */
  private wantedUrl = '';
  /** The drawing asked for last: only its answer is shown. */
  private latestId = 0;
  private panFrame = 0;

  constructor(pane: string, colours: OutlineColours, attribution: string) {
    super();
    // L.Layer, unlike Leaflet's renderers, does not take options itself.
    L.Util.setOptions(this, { pane, attribution });
    this.colours = colours;
    // Started now, so it is ready by the time the outline has downloaded.
    if (canDrawInWorker()) this.worker = this.startWorker();
  }

  /**
   * Shows the outline file at `url` (outline-data.ts) once it has downloaded, in place of the one
   * shown so far. The worker, where there is one, downloads it itself.
   */
  load(url: string): void {
    const absolute = new URL(url, window.location.href).href;
    this.wantedUrl = absolute;
    if (this.worker) {
      const message: OutlineWorkerRequest = { type: 'load', url: absolute };
      this.worker.postMessage(message);
      return;
    }
    import('./outline-on-page.ts')
      .then(async (drawing) => ({ outlines: await drawing.fetchOutlines(absolute), drawing }))
      .then(
        (outlines) => {
          if (absolute !== this.wantedUrl) return;
          this.outlines = outlines;
          this.draw();
        },
        (error: unknown) => {
          if (absolute === this.wantedUrl) warnNotShown(error);
        },
      );
  }

  setColours(colours: OutlineColours): void {
    if (colours.land === this.colours.land && colours.border === this.colours.border) return;
    this.colours = colours;
    this.draw();
  }

  override onAdd(): this {
    this.canvas = createCanvas();
    // Claimed for the worker's drawings at once: a canvas keeps the first kind of context anyone
    // asks it for, and one taken as '2d' before the first drawing arrived would refuse them.
    if (this.worker) this.bitmapContext = this.canvas.getContext('bitmaprenderer');
    this.getPane()?.appendChild(this.canvas);
    this.draw();
    return this;
  }

  override onRemove(): this {
    L.Util.cancelAnimFrame(this.panFrame);
    this.panFrame = 0;
    this.canvas?.remove();
    this.canvas = null;
    this.pageContext = null;
    this.bitmapContext = null;
    this.shown = null;
    this.asked.clear();
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    const events: Record<string, L.LeafletEventHandlerFn> = {
      // The map's pixel origin changed at the same zoom (a jump without animation): the drawing
      // shown moves to where it now belongs at once; moveend, which follows, asks for a new one.
      viewreset: () => this.followZoom(),
      moveend: () => this.draw(),
      zoom: () => this.followZoom(),
      move: () => this.followPan(),
    };
    if (this._map && internals(this._map)._zoomAnimated) {
      events.zoomanim = (event) => {
        const { center, zoom } = event as L.ZoomAnimEvent;
        this.scaleTo(center, zoom);
      };
    }
    return events;
  }

  /** Ends the worker for good (the map is going away). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private startWorker(): Worker | null {
    try {
      const worker = new Worker(new URL('./outline-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<OutlineWorkerReply>) => this.received(event.data);
      // Its script could not load (a new version deployed meanwhile, offline before the first
      // visit was stored) or it stopped: the page draws instead.
      worker.onerror = () => this.drawOnPageInstead('the outline worker stopped');
      return worker;
    } catch (error) {
      // Module workers are newer than OffscreenCanvas in some browsers (Firefox 105–113).
      warnNotShown(error);
      return null;
    }
  }

  /** From now on the page draws; the canvas is replaced, as its kind of context cannot change. */
  private drawOnPageInstead(reason: string): void {
    if (!this.worker) return;
    console.warn(`The basemap outline is drawn on the page: ${reason}.`);
    this.worker.terminate();
    this.worker = null;
    this.workerReady = false;
    this.asked.clear();
    this.bitmapContext = null;
    this.shown = null;
    if (this.canvas) {
      const fresh = createCanvas();
      this.canvas.replaceWith(fresh);
      this.canvas = fresh;
    }
    if (this.wantedUrl) this.load(this.wantedUrl);
  }

  /** Asks for a drawing of the map as it is now. */
  private draw(): void {
    const map = this._map;
    if (!map || !this.canvas || internals(map)._animatingZoom) return;
    if (this.worker ? !this.workerReady : !this.outlines) return;
    const { placement, frame } = drawingNow(map, this.colours);
    this.latestId += 1;
    const id = this.latestId;
    if (this.worker) {
      this.bitmapContext ??= this.canvas.getContext('bitmaprenderer');
      if (!this.bitmapContext) {
        this.drawOnPageInstead('this browser cannot show its drawings');
        return;
      }
      this.asked.set(id, placement);
      const message: OutlineWorkerRequest = { type: 'draw', id, frame };
      this.worker.postMessage(message);
      return;
    }
    this.pageContext ??= this.canvas.getContext('2d');
    if (!this.pageContext || !this.outlines) return;
    this.place(placement);
    this.canvas.width = Math.round(placement.width * frame.ratio);
    this.canvas.height = Math.round(placement.height * frame.ratio);
    this.outlines.drawing.drawOutlines(this.pageContext, this.outlines.outlines, frame);
  }

  private received(reply: OutlineWorkerReply): void {
    if (reply.type === 'loaded') {
      this.workerReady = true;
      this.draw();
      return;
    }
    if (reply.type === 'failed') {
      if (reply.id !== null) this.asked.delete(reply.id);
      warnNotShown(reply.message);
      return;
    }
    const placement = this.asked.get(reply.id);
    this.asked.delete(reply.id);
    const map = this._map;
    // Only the latest drawing, and only while the map is still at its zoom: one asked for before
    // a zoom would land at the wrong scale (the zoom's end asks for another).
    const current =
      placement !== undefined &&
      reply.id === this.latestId &&
      map !== undefined &&
      map !== null &&
      !internals(map)._animatingZoom &&
      map.getZoom() === placement.zoom;
    if (!current || !this.bitmapContext) {
      reply.bitmap.close();
      return;
    }
    this.place(placement);
    this.bitmapContext.transferFromImageBitmap(reply.bitmap);
  }

  /** Puts the canvas where a drawing of `placement` belongs, unscaled; 'drawn' follows at once. */
  private place(placement: Placement): void {
    const canvas = this.canvas;
    if (!canvas) return;
    L.DomUtil.setPosition(canvas, placement.topLeft);
    canvas.style.width = `${placement.width}px`;
    canvas.style.height = `${placement.height}px`;
    this.shown = placement;
    this.fire('drawn');
  }

  /** As Leaflet's renderer: the drawing shown, scaled and moved to where it is at this zoom. */
  private scaleTo(center: L.LatLng, zoom: number): void {
    const map = this._map;
    const shown = this.shown;
    if (!map || !shown || !this.canvas) return;
    const { topLeft, scale } = scaledPosition(map, shown, center, zoom);
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }

  private followZoom(): void {
    const map = this._map;
    if (map) this.scaleTo(map.getCenter(), map.getZoom());
  }

  /**
   * While the map is dragged, the canvas moves with it. Once the view runs past the drawn area,
   * it is drawn again (at most one drawing at a time) so the reader never drags into blank sea;
   * otherwise the drawing waits for the drag to end.
   */
  private followPan(): void {
    const map = this._map;
    const shown = this.shown;
    // One drawing at a time: the next move after it arrives looks again.
    if (!map || !shown || this.panFrame !== 0 || this.asked.size > 0) return;
    if (map.getZoom() !== shown.zoom) return; // zooming: the canvas is scaled meanwhile
    if (coversView(map, shown)) return;
    this.panFrame = L.Util.requestAnimFrame(() => {
      this.panFrame = 0;
      this.draw();
    });
  }
}
