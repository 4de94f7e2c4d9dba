import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type Ref,
} from 'react';
import { Chronology } from '../features/chronology/chronology.tsx';
import type { ChronologyLinks } from '../features/chronology/chronology-links.ts';
import type { Dataset } from '../data/model/schema.ts';
import { eventText, languageName } from '../data/model/translations.ts';
import { matchesShownText, translationsMatching } from '../data/query/filter.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { selectEvent } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { useFrameLag } from '../lib/use-frame-lag.ts';
import { playing } from './playing.ts';
import type { ExplorerView } from './use-explorer-view.ts';
import type { ViewLinks } from './view-links.ts';
import { OnlyInMapViewToggle } from './only-in-map-view.tsx';

const loadEventDetail = () => import('../features/event-detail/event-detail.tsx');
// Details show only once an event is selected: their code is fetched as the reader starts to use
// the page (or with a link to an event), not with the page itself (the first load's budget,
// docs/performance.md).
const EventDetail = lazy(() =>
  loadEventDetail().then((module) => ({ default: module.EventDetail })),
);

export interface EventsPanelProps {
  ref: Ref<HTMLElement>;
  url: UrlStateApi;
  dataset: Dataset | undefined;
  /** Changes with the dataset's source: each source gets a list of its own. */
  sourceKey: string;
  view: ExplorerView;
  links: ViewLinks;
  /** The selected entry opens its details in the list; off where a card above shows them. */
  detailsInList?: boolean;
  onlyInMapView: boolean;
  onOnlyInMapViewChange: (only: boolean) => void;
  onShowSelected: () => void;
  onReset: () => void;
}

/** The chronology with its tools: the map-view toggle and the notice for a hidden selection. */
export function EventsPanel({
  ref,
  url,
  dataset,
  sourceKey,
  view,
  links,
  detailsInList = true,
  onlyInMapView,
  onOnlyInMapViewChange,
  onShowSelected,
  onReset,
}: EventsPanelProps) {
  const { apply } = url;
  const { selectedEvent, eventHref, absoluteEventUrl, eventById } = view;
  const { colourOf, labelOf } = view.palette;
  // While playing, the list follows each frame two animation frames later, after the map
  // (app/playing.ts): each renders in a frame of its own.
  const listedEvents = useFrameLag(
    view.listedEvents,
    useSyncExternalStore(playing.subscribe, playing.get) ? 2 : 0,
  );
  const select = useCallback((id: string | null) => apply(selectEvent, id), [apply]);
  const originalLanguage = dataset?.metadata.language;
  const reader = i18n.locale;
  // Related events are named in the reader's language too, where they have it.
  const titleOf = useCallback(
    (id: string) => {
      const event = eventById(id);
      return event ? eventText(event, reader, originalLanguage).title : null;
    },
    [eventById, reader, originalLanguage],
  );
  const renderDetail = useCallback(
    (id: string, titleId: string) => {
      const event = detailsInList ? eventById(id) : undefined;
      if (!event) return null;
      return (
        <Suspense fallback={null}>
          <EventDetail
            key={event.id}
            titleId={titleId}
            event={event}
            titleOf={titleOf}
            eventHref={eventHref}
            absoluteEventUrl={absoluteEventUrl}
            onSelect={select}
            originalLanguage={originalLanguage}
          />
        </Suspense>
      );
    },
    [detailsInList, eventById, titleOf, select, eventHref, absoluteEventUrl, originalLanguage],
  );
  useEffect(function loadDetailsOnFirstUse() {
    const events = ['pointerover', 'pointerdown', 'keydown', 'focusin'] as const;
    const load = () => {
      for (const type of events) window.removeEventListener(type, load, true);
      void loadEventDetail();
    };
    for (const type of events) window.addEventListener(type, load, true);
    return () => {
      for (const type of events) window.removeEventListener(type, load, true);
    };
  }, []);
  const chronologyLinks: ChronologyLinks = useMemo(
    () => ({ select, eventHref, renderDetail, colourOf, labelOf, originalLanguage, ...links }),
    [select, eventHref, renderDetail, colourOf, labelOf, originalLanguage, links],
  );
  const noneLeft =
    dataset?.events.length === 0
      ? i18n._('This dataset has no events to show.')
      : onlyInMapView && view.data.filtered.length > 0
        ? i18n._('No events in the map view. Zoom out or move the map to see more.')
        : i18n._('No events match these filters.');
  // The search looks in every language an event has: when the text shown explains none of the
  // events it found, say in which language's text the words are.
  const { query } = url.state;
  const foundElsewhere = useMemo(() => {
    const [first] = listedEvents;
    if (query === '' || !first) return null;
    if (listedEvents.some((event) => matchesShownText(event, query, reader, originalLanguage)))
      return null;
    const [language = originalLanguage] = translationsMatching(first, query).filter(
      (tag) => tag !== eventText(first, reader, originalLanguage).language,
    );
    // The search box shows the words: the note need not repeat them.
    return language
      ? i18n._('Found in the {language} text of these events.', {
          language: languageName(language, reader),
        })
      : i18n._('Found in the original text of these events.');
  }, [listedEvents, query, reader, originalLanguage]);

  return (
    <section className="sidebar" aria-label={i18n._('Events')} ref={ref}>
      <div className="sidebar-tools">
        <OnlyInMapViewToggle checked={onlyInMapView} onChange={onOnlyInMapViewChange} />
      </div>
      {selectedEvent && !view.selectedIsListed && (
        <div className="notice hidden-selection" aria-live="polite">
          <p>
            {i18n._('“{title}” is selected but hidden by the filters.', {
              title: eventText(selectedEvent, reader, originalLanguage).title,
            })}
          </p>
          <button type="button" className="button" onClick={onShowSelected}>
            {i18n._('Show it')}
          </button>
          <button type="button" className="button" onClick={() => select(null)}>
            {i18n._('Clear selection')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {foundElsewhere && (
          <div className="notice">
            <p>{foundElsewhere}</p>
          </div>
        )}
      </div>
      {dataset ? (
        <Chronology
          // A list of its own for each source: rows are keyed by their place in their dataset, and
          // another dataset's measured heights, scroll position or focus would not fit these events.
          key={sourceKey}
          events={listedEvents}
          selectedId={url.state.selectedId}
          links={chronologyLinks}
          empty={
            <>
              <p>{noneLeft}</p>
              {(view.filtered || onlyInMapView) && (
                <button type="button" className="button button-primary" onClick={onReset}>
                  {i18n._('Reset filters')}
                </button>
              )}
            </>
          }
        />
      ) : (
        <div className="loading-placeholder" aria-hidden="true">
          <div className="skeleton-row" />
          <div className="skeleton-row" />
          <div className="skeleton-row" />
        </div>
      )}
    </section>
  );
}
