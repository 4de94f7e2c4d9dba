import { useState } from 'react';
import { MapContainer, ScaleControl, ZoomControl } from 'react-leaflet';
import type { CategoryCount } from '../../data/model/categories.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { GeoBounds } from '../../data/query/selectors.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { BasemapLayer } from './basemap-layer.tsx';
import { EventMarkers } from './event-markers.tsx';
import { FitEvents } from './fit-events.tsx';
import { FitResults } from './fit-results.tsx';
import { FollowSelection } from './follow-selection.tsx';
import { MapFocus } from './map-focus.tsx';
import { MapLegend } from './map-legend.tsx';
import { ReportView } from './report-view.tsx';
import { StoryFrame, type MapFrame } from './story-frame.tsx';
import { ShowFrame } from './show-frame.tsx';
import { KeepSize } from './keep-size.tsx';
import type { MapLinks } from './map-links.ts';
import './map.css';
import './markers.css';

export interface EventMapProps {
  /** The events to show (already filtered). */
  events: DatasetEvent[];
  /** The selected event, when it is among `events` or was asked for by the URL. */
  selectedEvent: DatasetEvent | null;
  /** The event the page opened on, centred in the first view. */
  initialSelection: DatasetEvent | null;
  /** The legend's rows: each category's events, in all and shown. */
  categories: CategoryCount[];
  /** What the categories are, when an imported file's column says so ("violence level"). */
  categoryColumn: string | null;
  activeCategories: readonly string[];
  onToggleCategory: (category: string) => void;
  links: MapLinks;
  onViewChange: ((bounds: GeoBounds) => void) | null;
  /** Changes when another dataset is opened, so the map fits it afresh. */
  datasetKey: unknown;
  /** A story's step: where the map looks instead of its own first view (story-frame.tsx). */
  storyFrame?: MapFrame | null;
}

export function EventMap({
  events,
  selectedEvent,
  initialSelection,
  categories,
  categoryColumn,
  activeCategories,
  onToggleCategory,
  links,
  onViewChange,
  datasetKey,
  storyFrame = null,
}: EventMapProps) {
  const [fitRequest, setFitRequest] = useState(0);
  return (
    <section className="map-region" aria-label={i18n._('Map')}>
      <MapContainer
        className="map"
        center={[30, 60]}
        zoom={2}
        minZoom={0}
        maxZoom={18}
        worldCopyJump={false}
        zoomSnap={0.5}
        attributionControl
        zoomControl={false}
      >
        {/* Leaflet's own, with its buttons named in the reader's language. */}
        <ZoomControl zoomInTitle={i18n._('Zoom in')} zoomOutTitle={i18n._('Zoom out')} />
        <BasemapLayer />
        <ScaleControl position="bottomright" imperial={false} maxWidth={120} />
        {!storyFrame && (
          <FitEvents events={events} initialSelection={initialSelection} datasetKey={datasetKey} />
        )}
        <FitResults events={events} request={fitRequest} />
        {storyFrame && (
          <StoryFrame frame={storyFrame} events={events} selectedEvent={selectedEvent} />
        )}
        {/* A step's own bounds win over its selected event's place. */}
        <FollowSelection selectedEvent={storyFrame?.bounds ? null : selectedEvent} />
        <EventMarkers events={events} selectedEvent={selectedEvent} links={links} />
        <ReportView onViewChange={onViewChange} />
        <ReportView onViewChange={links.mapBounds.set} />
        <ShowFrame frame={links.mapFrame} />
        <KeepSize />
        <MapFocus focusHomes={links.focusHomes} />
      </MapContainer>
      <button
        type="button"
        className="button map-fit-button"
        onClick={() => setFitRequest((count) => count + 1)}
        disabled={events.length === 0}
      >
        {i18n._('Zoom to results')}
      </button>
      <MapLegend
        categories={categories}
        categoryColumn={categoryColumn}
        colourOf={links.colourOf}
        labelOf={links.legendLabelOf}
        activeCategories={activeCategories}
        onToggleCategory={onToggleCategory}
      />
    </section>
  );
}
