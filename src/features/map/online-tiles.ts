/**
 * The optional online street map, offered in Leaflet's layers control. It arrives with the place
 * names, once the map's first drawing is shown and the page is idle (basemap-layer.tsx): most
 * readers never switch it on, and the first load carries neither the control nor the tile layer.
 */
import * as L from 'leaflet';
import { tileSource } from './tile-source.ts';

/** Adds the control at the top right; gives back what removes it. */
export function offerOnlineTiles(map: L.Map): () => void {
  const tiles = tileSource();
  if (!tiles) return () => {};
  const layer = L.tileLayer(tiles.url, {
    attribution: tiles.attribution,
    maxZoom: 19,
    crossOrigin: '',
  });
  const control = L.control
    .layers(undefined, { 'Street map tiles (online)': layer }, { position: 'topright' })
    .addTo(map);
  return () => {
    control.remove();
    layer.remove();
  };
}
