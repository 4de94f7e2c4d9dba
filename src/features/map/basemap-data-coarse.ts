/**
 * The world at 1:110 million (about 30 KB compressed): enough for the views a page opens on, and
 * quick to load and draw on a slow phone. basemap-data.ts brings 1:50 million detail when the map
 * is zoomed in far enough to show it.
 */
import world from 'world-atlas/countries-110m.json';
import { buildBasemap } from './basemap-shapes.ts';

type WorldTopology = Parameters<typeof buildBasemap>[0];

export const basemap = buildBasemap(world as unknown as WorldTopology);
