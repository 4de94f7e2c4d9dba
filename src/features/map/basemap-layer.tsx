import { memo, useEffect, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { useMap } from 'react-leaflet';
import { coarseOutlineUrl, detailedOutlineUrl } from 'virtual:dateline/basemap-outlines';
import { OutlineLayer } from './outline-renderer.ts';
import { BASEMAP_COLOURS as COLOURS } from './basemap-colours.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { whenIdle } from '../../lib/when-idle.ts';

const PANE = 'basemap';
/** From this zoom the coarse coastline looks coarse: the detailed one is loaded then. */
const DETAIL_ZOOM = 5;

/** The map's pane for the outline: below the tile pane (200), so online tiles cover it. */
function basemapPane(map: LeafletMap): string {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '150';
  return PANE;
}

/**
 * Natural Earth outlines, drawn on canvas below the tile pane: offline readers see them alone, and
 * when online tiles fail to load the outline is still there underneath.
 */
export const BasemapLayer = memo(function BasemapLayer() {
  const map = useMap();
  const [wantDetail, setWantDetail] = useState(false);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const [layer, setLayer] = useState<OutlineLayer | null>(null);

  useEffect(
    function addOutlineLayer() {
      const created = new OutlineLayer(
        basemapPane(map),
        COLOURS.light,
        i18n._('Outlines: {source}', { source: '&copy; Natural Earth' }),
      );
      created.addTo(map);
      setLayer(created);
      // Place names come once the first drawing is shown and the page is idle, in a chunk of their
      // own that fetches its files: the first load does not wait for them (place-names-layer.ts).
      // The mark tells the first load from what follows (scripts/lighthouse.ts).
      // The online street map's control comes then too (online-tiles.ts).
      let removeLater: (() => void)[] | null = []; // null: the map has gone
      let cancelNames: (() => void) | undefined;
      const keep = (remove: () => void) => {
        if (removeLater) removeLater.push(remove);
        else remove();
      };
      created.once('drawn', () => {
        performance.mark('dateline:map-drawn');
        // The detailed coastline only once the coarse one is shown, even where the first view is
        // zoomed in (a story's step, an event's link): it is ten times the size, and on a slow
        // phone link it would hold back everything the first screen fetches beside it. Then,
        // once the map is zoomed in to need it, and from then on it stays.
        const askForDetail = () => {
          if (map.getZoom() >= DETAIL_ZOOM) setWantDetail(true);
        };
        askForDetail();
        map.on('zoomend', askForDetail);
        keep(() => map.off('zoomend', askForDetail));
        cancelNames = whenIdle(
          () => {
            if (removeLater === null) return;
            void import('./place-names-layer.ts')
              .then((names) => keep(names.showPlaceNames(map, PANE, COLOURS)))
              .catch(console.warn);
            void import('./online-tiles.ts')
              .then((tiles) => keep(tiles.offerOnlineTiles(map)))
              .catch(console.warn);
          },
          { fallbackMs: 1000 },
        );
      });
      return () => {
        created.remove();
        created.dispose();
        cancelNames?.();
        for (const remove of removeLater ?? []) remove();
        removeLater = null;
      };
    },
    [map],
  );

  useEffect(() => layer?.setColours(dark ? COLOURS.dark : COLOURS.light), [layer, dark]);

  // Coarse first: small and quick to draw.
  useEffect(
    () => layer?.load(wantDetail ? detailedOutlineUrl : coarseOutlineUrl),
    [layer, wantDetail],
  );

  return null;
});
