import { memo, useEffect, useMemo, useState } from 'react';
import L from 'leaflet';
import { GeoJSON, Pane, useMap } from 'react-leaflet';
import type { Basemap } from './basemap-shapes.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';

const PANE = 'basemap';
/** From this zoom the coarse coastline looks coarse: the detailed one is loaded then. */
const DETAIL_ZOOM = 5;

const COLOURS = {
  light: { land: '#e4e0d6', border: '#a39d8f' },
  dark: { land: '#27303d', border: '#4d5a6b' },
};

/**
 * Natural Earth outlines, drawn on canvas below the tile pane: offline readers see them alone, and
 * when online tiles fail to load the outline is still there underneath.
 */
export const BasemapLayer = memo(function BasemapLayer() {
  const map = useMap();
  const [basemap, setBasemap] = useState<{ shapes: Basemap; detailed: boolean } | null>(null);
  const [wantDetail, setWantDetail] = useState(() => map.getZoom() >= DETAIL_ZOOM);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const renderer = useMemo(() => L.canvas({ pane: PANE, padding: 0.5 }), []);

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
    function loadOutlinesLazily() {
      let cancelled = false;
      // Coarse first (small, quick to draw), detailed only once the map is zoomed in to need it.
      const load = wantDetail ? import('./basemap-data.ts') : import('./basemap-data-coarse.ts');
      void load.then((module) => {
        if (!cancelled) {
          setBasemap((current) =>
            current?.detailed ? current : { shapes: module.basemap, detailed: wantDetail },
          );
        }
      });
      return function ignoreLateLoad() {
        cancelled = true;
      };
    },
    [wantDetail],
  );

  const colours = dark ? COLOURS.dark : COLOURS.light;
  // Stable style objects: react-leaflet restyles (and the canvas redraws every coastline) whenever
  // it is handed a new one, which used to happen on every filter change.
  const landStyle = useMemo(
    () => ({ renderer, stroke: false, fillColor: colours.land, fillOpacity: 1 }),
    [renderer, colours.land],
  );
  const borderStyle = useMemo(
    () => ({ renderer, color: colours.border, weight: 0.8, fill: false }),
    [renderer, colours.border],
  );
  return (
    <Pane name={PANE} style={{ zIndex: 150 }}>
      {basemap && (
        <>
          <GeoJSON
            key={`land-${dark}-${basemap.detailed}`}
            data={basemap.shapes.land}
            attribution="Outlines: &copy; Natural Earth"
            interactive={false}
            style={landStyle}
          />
          <GeoJSON
            key={`borders-${dark}-${basemap.detailed}`}
            data={basemap.shapes.borders}
            interactive={false}
            style={borderStyle}
          />
        </>
      )}
    </Pane>
  );
});
