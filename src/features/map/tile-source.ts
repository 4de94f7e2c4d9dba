/**
 * The optional online raster layer. OpenStreetMap by default; a build can set VITE_TILE_URL and
 * VITE_TILE_ATTRIBUTION, and a deployed site can change both without a rebuild through the meta tags
 * `dateline:tile-url` and `dateline:tile-attribution` in index.html. An empty URL removes the layer.
 */
export interface TileSource {
  url: string;
  attribution: string;
}

const OSM: TileSource = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

function meta(name: string): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? null;
}

export function tileSource(): TileSource | null {
  const url = meta('dateline:tile-url') ?? import.meta.env.VITE_TILE_URL ?? OSM.url;
  if (!url) return null;
  const attribution =
    meta('dateline:tile-attribution') ??
    import.meta.env.VITE_TILE_ATTRIBUTION ??
    (url === OSM.url ? OSM.attribution : '');
  return { url, attribution };
}
