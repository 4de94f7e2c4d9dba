import { lazy, Suspense, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { MapLinks } from '../features/map/map-links.ts';
import type { MapFrame } from '../features/map/story-frame.tsx';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventText } from '../data/model/translations.ts';
import type { GeoBounds } from '../data/query/selectors.ts';
import { selectEvent, toggleCategory } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { useFrameLag } from '../lib/use-frame-lag.ts';
import { playing } from './playing.ts';
import { SelectionBar } from './selection-bar.tsx';
import type { ExplorerView } from './use-explorer-view.ts';
import type { ViewLinks } from './view-links.ts';

// Leaflet and the map arrive in their own chunk: the list and the filters are usable first, and
// the map's start-up is not one long task with the app's.
const EventMap = lazy(() =>
  import('../features/map/event-map.tsx').then((module) => ({ default: module.EventMap })),
);

export interface MapPanelProps {
  url: UrlStateApi;
  view: ExplorerView;
  links: ViewLinks;
  /** Changes when another dataset is opened, so the map fits it afresh. */
  datasetKey: unknown;
  /** The column an imported file's categories came from, which names them in the legend. */
  categoryColumn: string | null;
  onViewChange: ((bounds: GeoBounds) => void) | null;
  /** The phone's bar over the map for the selected event; off where its card is already shown. */
  selectionBar?: boolean;
  /**
   * An event's address while the dataset loads: the card's place is kept, as the pre-rendered
   * event page keeps it, so the list does not jump down when the card arrives.
   */
  awaitingSelection?: boolean;
  onShowDetails?: () => void;
  /** A story's step: where the map looks (features/map/story-frame.tsx). */
  storyFrame?: MapFrame | null | undefined;
  /** The language the dataset's own text is in (`metadata.language`), to tell translations apart. */
  originalLanguage?: string | undefined;
}

/** The map, and on a narrow screen the selected event's card under it. */
export function MapPanel({
  url,
  view,
  links,
  datasetKey,
  categoryColumn,
  onViewChange,
  selectionBar = true,
  awaitingSelection = false,
  onShowDetails = () => {},
  storyFrame = null,
  originalLanguage,
}: MapPanelProps) {
  const { apply } = url;
  const { selectedEvent, allCategories } = view;
  const select = useCallback((id: string) => apply(selectEvent, id), [apply]);
  const { colourOf, slotOf, labelOf, legendLabelOf } = view.palette;
  // While playing, the map follows each frame one animation frame later (app/playing.ts).
  const filtered = useFrameLag(
    view.data.filtered,
    useSyncExternalStore(playing.subscribe, playing.get) ? 1 : 0,
  );
  const titleOf = useCallback(
    (event: DatasetEvent) => eventText(event, i18n.locale, originalLanguage).title,
    [originalLanguage],
  );
  const mapLinks: MapLinks = useMemo(
    () => ({ select, colourOf, slotOf, labelOf, legendLabelOf, titleOf, ...links }),
    [select, colourOf, slotOf, labelOf, legendLabelOf, titleOf, links],
  );
  return (
    <>
      <Suspense fallback={<div className="map-region" aria-hidden="true" />}>
        <EventMap
          events={filtered}
          selectedEvent={selectedEvent}
          initialSelection={selectedEvent}
          categories={view.categoryCounts}
          categoryColumn={categoryColumn}
          activeCategories={url.state.categories}
          onToggleCategory={(category) => apply(toggleCategory, allCategories, category)}
          links={mapLinks}
          datasetKey={datasetKey}
          onViewChange={onViewChange}
          storyFrame={storyFrame}
        />
      </Suspense>
      {selectionBar && awaitingSelection && !selectedEvent && (
        <div className="selection-bar-waiting" aria-hidden="true" />
      )}
      {selectionBar && selectedEvent && view.selectedIsListed && (
        <SelectionBar
          event={selectedEvent}
          originalLanguage={originalLanguage}
          onShowDetails={onShowDetails}
        />
      )}
    </>
  );
}
