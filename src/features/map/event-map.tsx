import 'leaflet/dist/leaflet.css';
import { LayersControl, MapContainer, TileLayer } from 'react-leaflet';
import type { DatasetEvent } from '../../data/schema.ts';
import type { GeoBounds } from '../../data/selectors.ts';
import { BasemapLayer } from './basemap-layer.tsx';
import { EventMarkers } from './event-markers.tsx';
import { FitEvents } from './fit-events.tsx';
import { FollowSelection } from './follow-selection.tsx';
import { MapLegend } from './map-legend.tsx';
import { ReportView } from './report-view.tsx';
import { tileSource } from './tile-source.ts';
import type { MapLinks } from './map-links.ts';

export interface EventMapProps {
  /** The events to show (already filtered). */
  events: DatasetEvent[];
  /** The selected event, when it is among `events` or was asked for by the URL. */
  selectedEvent: DatasetEvent | null;
  /** The event the page opened on, centred in the first view. */
  initialSelection: DatasetEvent | null;
  categories: { category: string; count: number }[];
  links: MapLinks;
  onViewChange: (bounds: GeoBounds) => void;
}

const tiles = tileSource();

export function EventMap({
  events,
  selectedEvent,
  initialSelection,
  categories,
  links,
  onViewChange,
}: EventMapProps) {
  return (
    <section className="map-region" aria-label="Map">
      <MapContainer
        className="map"
        center={[30, 60]}
        zoom={2}
        minZoom={1}
        maxZoom={18}
        worldCopyJump={false}
        zoomSnap={0.5}
        // Leaflet names the map container "Map" too; the region above is what readers reach.
        attributionControl
      >
        <BasemapLayer />
        {tiles && (
          <LayersControl position="topright">
            <LayersControl.Overlay name="Street map tiles (online)">
              <TileLayer
                url={tiles.url}
                attribution={tiles.attribution}
                maxZoom={19}
                crossOrigin=""
              />
            </LayersControl.Overlay>
          </LayersControl>
        )}
        <FitEvents events={events} initialSelection={initialSelection} />
        <FollowSelection selectedEvent={selectedEvent} />
        <EventMarkers events={events} selectedEvent={selectedEvent} links={links} />
        <ReportView onViewChange={onViewChange} />
      </MapContainer>
      <MapLegend categories={categories} />
    </section>
  );
}
