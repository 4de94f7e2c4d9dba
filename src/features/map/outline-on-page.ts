/**
 * Drawing the outline on the page, for browsers where a worker cannot draw it (outline-renderer.ts).
 * Loaded only there: the browsers that draw in the worker do not carry it in their first load.
 */
export { fetchOutlines } from './outline-data.ts';
export { drawOutlines } from './outline-drawing.ts';
