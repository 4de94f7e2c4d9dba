import type { OutlineColours } from './outline-drawing.ts';

/** The offline basemap's land and borders; the water is the map's background (`--map-water`). */
export const BASEMAP_COLOURS: Record<'light' | 'dark', OutlineColours> = {
  light: { land: '#e4e0d6', border: '#a39d8f' },
  dark: { land: '#27303d', border: '#4d5a6b' },
};
