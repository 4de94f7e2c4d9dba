/**
 * Loaded with a dynamic import, so the outline (about 200 KB compressed) never delays the first
 * render: the chronology shows first, the coastlines follow.
 */
import world from 'world-atlas/countries-50m.json';
import { buildBasemap } from './basemap-shapes.ts';

type WorldTopology = Parameters<typeof buildBasemap>[0];

export const basemap = buildBasemap(world as unknown as WorldTopology);
