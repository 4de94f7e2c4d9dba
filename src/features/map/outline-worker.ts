/**
 * Draws the offline basemap off the page's main thread. On a phone without a GPU, filling the
 * land on a canvas the size of the map was the longest single task of the first load
 * (docs/performance.md) and came again after every pan and zoom. The
 * worker downloads the outline itself; the page then sends a frame (size and view) per drawing,
 * and each drawing comes back as an ImageBitmap, which the page shows without copying.
 */
import { fetchOutlines, type Outlines } from './outline-data.ts';
import { drawOutlines, type OutlineFrame } from './outline-drawing.ts';

export type OutlineWorkerRequest =
  { type: 'load'; url: string } | { type: 'draw'; id: number; frame: OutlineFrame };

export type OutlineWorkerReply =
  | { type: 'loaded' }
  | { type: 'drawn'; id: number; bitmap: ImageBitmap }
  | { type: 'failed'; id: number | null; message: string };

let outlines: Outlines | null = null;
/** The outline asked for last: an earlier one that arrives later is not the one wanted. */
let wantedUrl = '';
let canvas: OffscreenCanvas | null = null;

function reply(message: OutlineWorkerReply, transfer: Transferable[] = []) {
  self.postMessage(message, { transfer });
}

async function load(url: string) {
  wantedUrl = url;
  try {
    const loaded = await fetchOutlines(url);
    if (url !== wantedUrl) return;
    outlines = loaded;
    reply({ type: 'loaded' });
  } catch (error) {
    if (url === wantedUrl) reply({ type: 'failed', id: null, message: String(error) });
  }
}

function draw(id: number, frame: OutlineFrame) {
  try {
    const width = Math.max(1, Math.round(frame.width * frame.ratio));
    const height = Math.max(1, Math.round(frame.height * frame.ratio));
    canvas ??= new OffscreenCanvas(width, height);
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context for the outline');
    if (outlines) drawOutlines(context, outlines, frame);
    const bitmap = canvas.transferToImageBitmap();
    reply({ type: 'drawn', id, bitmap }, [bitmap]);
  } catch (error) {
    reply({ type: 'failed', id, message: String(error) });
  }
}

self.onmessage = (event: MessageEvent<OutlineWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') void load(request.url);
  else draw(request.id, request.frame);
};
