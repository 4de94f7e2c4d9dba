/**
 * The optional online street map, offered in Leaflet's layers control. It arrives with the place
 * names, once the map's first drawing is shown and the page is idle (basemap-layer.tsx): most
 * readers never switch it on, and the first load carries neither the control nor the tile layer.
 */
import * as L from 'leaflet';
import { i18n } from '../../lib/i18n/i18n.ts';
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
    .layers(undefined, { [i18n._('Street map tiles (online)')]: layer }, { position: 'topright' })
    .addTo(map);
  // Leaflet names its button in English.
  control
    .getContainer()
    ?.querySelector('.leaflet-control-layers-toggle')
    ?.setAttribute('title', i18n._('Layers'));
  return () => {
    control.remove();
    layer.remove();
  };
}
