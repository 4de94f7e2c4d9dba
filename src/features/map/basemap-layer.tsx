import { memo, useEffect, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { useMap } from 'react-leaflet';
import { coarseOutlineUrl, detailedOutlineUrl } from 'virtual:dateline/basemap-outlines';
import { decodeOutlines, type Outlines } from './outline-data.ts';
import { OutlineRenderer, type OutlineColours } from './outline-renderer.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';

const PANE = 'basemap';
/** From this zoom the coarse coastline looks coarse: the detailed one is loaded then. */
const DETAIL_ZOOM = 5;

const COLOURS: Record<'light' | 'dark', OutlineColours> = {
  light: { land: '#e4e0d6', border: '#a39d8f' },
  dark: { land: '#27303d', border: '#4d5a6b' },
};

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
  const [wantDetail, setWantDetail] = useState(() => map.getZoom() >= DETAIL_ZOOM);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const colours = dark ? COLOURS.dark : COLOURS.light;
  // One for the map's life: colours and outlines change in it, in place.
  const [renderer] = useState(
    () => new OutlineRenderer(basemapPane(map), colours, 'Outlines: &copy; Natural Earth'),
  );

  const [outlines, setOutlines] = useState<Outlines | null>(null);
  const hasOutlines = outlines !== null;

  useEffect(() => {
    if (outlines) renderer.setOutlines(outlines);
  }, [renderer, outlines]);

  useEffect(
    function addRendererOnceThereIsAnOutline() {
      // Not before: an empty canvas the size of the map would cost a phone without a GPU a
      // compositor frame of its own (about 30 ms), only to be drawn on a moment later.
      if (!hasOutlines) return;
      renderer.addTo(map);
      return () => {
        renderer.remove();
      };
    },
    [map, renderer, hasOutlines],
  );

  useEffect(() => renderer.setColours(colours), [renderer, colours]);

  useEffect(
    function askForDetailWhenZoomedIn() {
      const onZoom = () => {
        if (map.getZoom() >= DETAIL_ZOOM) setWantDetail(true);
      };
      map.on('zoomend', onZoom);
      return () => {
        map.off('zoomend', onZoom);
      };
    },
    [map],
  );

  useEffect(
    function loadOutlines() {
      const controller = new AbortController();
      // Coarse first (small, quick to draw); the detailed file only once the map is zoomed in to
      // need it, and from then on it stays.
      fetch(wantDetail ? detailedOutlineUrl : coarseOutlineUrl, { signal: controller.signal })
        .then((response) => {
          if (!response.ok) throw new Error(`The basemap answered ${response.status}`);
          return response.arrayBuffer();
        })
        .then((buffer) => {
          if (!controller.signal.aborted) setOutlines(decodeOutlines(buffer));
        })
        .catch((error: unknown) => {
          // The events and their markers do not need it: the map goes on without an outline.
          if (!controller.signal.aborted) console.warn('The basemap could not be loaded:', error);
        });
      return () => controller.abort();
    },
    [wantDetail],
  );

  return null;
});
