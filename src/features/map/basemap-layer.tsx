import { useEffect, useMemo, useState } from 'react';
import L from 'leaflet';
import { GeoJSON, Pane } from 'react-leaflet';
import type { Basemap } from './basemap-shapes.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';

const PANE = 'basemap';

const COLOURS = {
  light: { land: '#e4e0d6', border: '#a39d8f' },
  dark: { land: '#27303d', border: '#4d5a6b' },
};

/**
 * Natural Earth outlines, drawn on canvas below the tile pane: offline readers see them alone, and
 * when online tiles fail to load the outline is still there underneath.
 */
export function BasemapLayer() {
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const renderer = useMemo(() => L.canvas({ pane: PANE, padding: 0.5 }), []);

  useEffect(function loadOutlinesLazily() {
    let cancelled = false;
    void import('./basemap-data.ts').then((module) => {
      if (!cancelled) setBasemap(module.basemap);
    });
    return function ignoreLateLoad() {
      cancelled = true;
    };
  }, []);

  const colours = dark ? COLOURS.dark : COLOURS.light;
  return (
    <Pane name={PANE} style={{ zIndex: 150 }}>
      {basemap && (
        <>
          <GeoJSON
            key={`land-${dark}`}
            data={basemap.land}
            attribution="Outlines: &copy; Natural Earth"
            interactive={false}
            style={{ renderer, stroke: false, fillColor: colours.land, fillOpacity: 1 }}
          />
          <GeoJSON
            key={`borders-${dark}`}
            data={basemap.borders}
            interactive={false}
            style={{ renderer, color: colours.border, weight: 0.8, fill: false }}
          />
        </>
      )}
    </Pane>
  );
}
