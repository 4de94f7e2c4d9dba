import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { MapContainer, ScaleControl, ZoomControl, useMap } from 'react-leaflet';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { ServerCluster, ServerFrame } from '../../data/server-view/server-api.ts';
import type { ServerMapView } from '../../data/server-view/server-queries.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { BasemapLayer } from './basemap-layer.tsx';
import { FIRST_VIEW_MAX_ZOOM } from './fit-events.tsx';
import { FitResults } from './fit-results.tsx';
import { FitServerFrame, boxCorners } from './fit-server-frame.tsx';
import { FollowSelection } from './follow-selection.tsx';
import { KeepSize } from './keep-size.tsx';
import { MapFocus } from './map-focus.tsx';
import { MapLegend, type MapLegendProps } from './map-legend.tsx';
import type { MapLinks } from './map-links.ts';
import { ServerMarkers, type ServerSpots } from './server-markers.tsx';
import './map.css';
import './markers.css';

/**
 * Tells the app the view after each move, with a margin so markers do not pop in at the edges.
 * While `holdOpening`, the view the map opened on is not told: the first view is about to replace
 * it (FitServerFrame), and the whole world's clusters are the slowest question a server has.
 */
function ReportServerView({
  onViewChange,
  holdOpening,
}: {
  onViewChange: (view: ServerMapView) => void;
  holdOpening: boolean;
}) {
  const map = useMap();
  useEffect(
    function reportMoves() {
      const report = () => {
        const seen = map.getBounds();
        const bounds = seen.pad(0.25);
        onViewChange({
          bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
          zoom: map.getZoom(),
          visible: [seen.getWest(), seen.getSouth(), seen.getEast(), seen.getNorth()],
        });
      };
      // Leaflet says moveend once a pan or zoom has settled: one question per move.
      map.on('moveend', report);
      if (!holdOpening) report();
      return () => {
        map.off('moveend', report);
      };
    },
    [map, onViewChange, holdOpening],
  );
  return null;
}

export interface ServerMapProps {
  clusters: readonly ServerCluster[];
  /** Where the filter's events are: the first view and "Zoom to results" fit it. */
  frame: ServerFrame | null;
  /** The frame has been asked and not answered yet (nor failed). */
  framePending: boolean;
  /**
   * Whether the first view is the frame's: not when the page opened on an event it found (the
   * first view is that event's).
   */
  fitFirst: boolean;
  selectedEvent: DatasetEvent | null;
  links: MapLinks;
  onViewChange: (view: ServerMapView) => void;
  legend: Omit<MapLegendProps, 'colourOf' | 'labelOf'>;
  /** Over the map: the view's loading state or its error with Retry. */
  status: ReactNode;
  /** The events of a cluster zooming in cannot split, for its popup. */
  spots: ServerSpots;
}

/**
 * The map of a data server's events: the server groups the events in view into cells
 * (`/api/clusters`), drawn with the same discs, rings and event markers as a loaded dataset's.
 */
export function ServerMap({
  clusters,
  frame,
  framePending,
  fitFirst,
  selectedEvent,
  links,
  onViewChange,
  legend,
  status,
  spots,
}: ServerMapProps) {
  const [fitRequest, setFitRequest] = useState(0);
  const corners = useMemo(() => boxCorners(frame?.bounds ?? null), [frame]);
  return (
    <section className="map-region" aria-label={i18n._('Map')}>
      <MapContainer
        className="map"
        center={[30, 20]}
        zoom={2}
        minZoom={0}
        maxZoom={18}
        worldCopyJump={false}
        zoomSnap={0.5}
        attributionControl
        zoomControl={false}
      >
        <ZoomControl zoomInTitle={i18n._('Zoom in')} zoomOutTitle={i18n._('Zoom out')} />
        <BasemapLayer />
        <ScaleControl position="bottomright" imperial={false} maxWidth={120} />
        <FitServerFrame bounds={frame?.bounds ?? null} fitFirst={fitFirst} />
        {/* The box says nothing of its events' precision: no closer than a first view. */}
        <FitResults events={corners} request={fitRequest} maxZoom={FIRST_VIEW_MAX_ZOOM} />
        <FollowSelection selectedEvent={selectedEvent} />
        <ServerMarkers
          clusters={clusters}
          selectedEvent={selectedEvent}
          links={links}
          spots={spots}
        />
        <ReportServerView onViewChange={onViewChange} holdOpening={fitFirst && framePending} />
        <KeepSize />
        <MapFocus focusHomes={links.focusHomes} />
      </MapContainer>
      {frame !== null && (
        <button
          type="button"
          className="button map-fit-button"
          onClick={() => setFitRequest((count) => count + 1)}
          disabled={frame.bounds === null}
        >
          {i18n._('Zoom to results')}
        </button>
      )}
      {status}
      <MapLegend {...legend} colourOf={links.colourOf} labelOf={links.legendLabelOf} />
    </section>
  );
}
