/** The basemap's canvas (outline-renderer.ts), and whether a worker can draw on it. */

/**
 * The canvas, animated by CSS during a zoom as Leaflet's renderers are (the class gives it the
 * top-left transform origin that scaleTo assumes).
 */
export function createCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.classList.add('leaflet-zoom-animated');
  return canvas;
}

/** Whether a worker can draw the outline and hand the page its drawings. */
export function canDrawInWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof ImageBitmapRenderingContext !== 'undefined'
  );
}
