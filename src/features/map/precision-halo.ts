/**
 * The precision halo's fill. Every fill is drawn opaque in one pane whose opacity is set as a
 * whole (markers.css), so where a hundred city-level halos overlap the land still shows through
 * as much as under one: stacked translucent fills used to add up until they washed over the view.
 */
import { useEffect, useState } from 'react';
import type L from 'leaflet';
import { useMap } from 'react-leaflet';
import { haloRadiusPixels } from './precision.ts';

export const HALO_FILL_PANE = 'halo-fills';

/** Below the overlay pane (400), where the halo outlines are drawn, and above the basemap. */
function ensureHaloFillPane(map: L.Map): void {
  if (!map.getPane(HALO_FILL_PANE)) map.createPane(HALO_FILL_PANE).style.zIndex = '390';
}

/**
 * Whether a halo of `radiusMetres` should be filled: only while it fits in the view. Larger, a fill
 * would tint the whole map; its dashed outline alone still says where the event may be.
 */
export function useHaloFillsView(radiusMetres: number, latitude: number): boolean {
  const map = useMap();
  const [zoom, setZoom] = useState(() => {
    // Now, in the first render: the fill (a child) is added to its pane before any effect here runs.
    ensureHaloFillPane(map);
    return map.getZoom();
  });
  useEffect(
    function followZoom() {
      const onZoom = () => setZoom(map.getZoom());
      map.on('zoomend', onZoom);
      return () => {
        map.off('zoomend', onZoom);
      };
    },
    [map],
  );
  if (radiusMetres <= 0) return false;
  const size = map.getSize();
  return haloRadiusPixels(radiusMetres, latitude, zoom) * 2 <= Math.min(size.x, size.y);
}
