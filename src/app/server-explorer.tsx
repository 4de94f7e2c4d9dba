import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { ServerChronology } from '../features/chronology/server-chronology.tsx';
import { DataIssuesPanel } from '../features/data-issues/data-issues-panel.tsx';
import type { ChronologyLinks } from '../features/chronology/chronology-links.ts';
import { EmbedBar } from '../features/embed/embed-bar.tsx';
import { EmbedCard } from '../features/embed/embed-card.tsx';
import { useEmbedMessages } from '../features/embed/use-embed-messages.ts';
import '../features/embed/embed.css';
import { ServerExportMenu } from '../features/export/server-export-menu.tsx';
import { FilterChips } from '../features/filters/filter-chips.tsx';
import { FiltersButton } from '../features/filters/filters-button.tsx';
import type { MapLinks } from '../features/map/map-links.ts';
import { ServerMap } from '../features/map/server-map.tsx';
import type { ServerSpots } from '../features/map/server-markers.tsx';
import { ServerFileDetails } from '../features/open-dataset/server-file-details.tsx';
import { SearchField } from '../features/search/search-field.tsx';
import { Timeline } from '../features/timeline/timeline.tsx';
import type { CalendarDay } from '../data/model/calendar-day.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventText } from '../data/model/translations.ts';
import { activeFilters } from '../data/query/active-filters.ts';
import type { QueryServer } from '../data/server-view/descriptor.ts';
import { ServerAnswerError } from '../data/server-view/server-api.ts';
import * as actions from '../data/url/explorer-actions.ts';
import { shareAddresses } from '../data/url/share-addresses.ts';
import { APP_BASE, type UrlStateApi } from '../data/url/use-url-state.ts';
import { useFirstScreenDrawn } from '../lib/after-mark.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { sayMessage } from '../lib/i18n/say-message.ts';
import { useMediaQuery } from '../lib/use-media-query.ts';
import { DatasetHeader } from './dataset-header.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { Notices } from './notices.tsx';
import * as page from './page-effects.ts';
import { OnlyInMapViewToggle } from './only-in-map-view.tsx';
import { PHONE_QUERY, PhoneFilters } from './phone-filters.tsx';
import { playing } from './playing.ts';
import { formatShowing, StatusLine } from './status-line.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import type { useUrlCorrections } from './use-url-corrections.ts';
import { usePageKeyboard } from './use-page-keyboard.ts';
import { useServerView, type ServerView } from './use-server-view.ts';
import type { ViewLinks } from './view-links.ts';
import './embed-layout.css';
import './server-explorer.css';

const EventDetail = lazy(() =>
  import('../features/event-detail/event-detail.tsx').then((module) => ({
    default: module.EventDetail,
  })),
);
const NotFound = lazy(() =>
  import('./not-found.tsx').then((module) => ({ default: module.NotFound })),
);
const PlaySlot = lazy(() =>
  import('../features/playback/play-slot.tsx').then((module) => ({ default: module.PlaySlot })),
);

const NO_EVENTS: DatasetEvent[] = [];

/**
 * A part of the page whose question failed: why, in the reader's language, with the server's own
 * message as it sent it (its words, not the page's), and Retry for that part.
 */
function ViewError({
  error,
  onRetry,
  part,
}: {
  error: Error;
  onRetry: () => void;
  /** Which part is missing, where the notice does not stand in it (the legend's counts). */
  part?: 'legend';
}) {
  const answer = error instanceof ServerAnswerError ? error : null;
  return (
    <div className="notice notice-error server-view-error" role="alert">
      <p>
        {isUnreachable(error)
          ? i18n._(
              'The data server could not be reached: it may have stopped, or the network is down.',
            )
          : part === 'legend'
            ? i18n._('The legend’s counts could not be loaded: {reason}', {
                reason: answer ? sayMessage(answer.said) : error.message,
              })
            : i18n._('This part of the page could not be loaded: {reason}', {
                reason: answer ? sayMessage(answer.said) : error.message,
              })}
      </p>
      {answer?.serverMessage && (
        <p>{i18n._('Message from the server: “{message}”', { message: answer.serverMessage })}</p>
      )}
      <button type="button" className="button" onClick={onRetry}>
        {i18n._('Retry')}
      </button>
    </div>
  );
}

/**
 * No answer came at all (the server is down, or the network): every part's question fails for the
 * same reason, so it is said once for the page, with one Retry, rather than in each part.
 */
function isUnreachable(error: Error | null): boolean {
  return error instanceof ServerAnswerError && error.status === 0;
}

/** A part's own failure to say where it is: one the page does not already say for all. */
function ownFailure(error: Error | null): Error | null {
  return error && !isUnreachable(error) ? error : null;
}

export interface ServerExplorerProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  server: QueryServer;
  links: ViewLinks;
  notices: ReturnType<typeof useUrlCorrections>;
}

/**
 * The explorer over a data server (docs/server.md): the same header, bar, timeline, list and map,
 * each asking the server for what it shows instead of holding every event. The URL stays the one
 * source of truth: every question is made from it (use-server-view.ts).
 */
export function ServerExplorer({ url, loaded, server, links, notices }: ServerExplorerProps) {
  const { state, apply } = url;
  // "Only events in map view", as over a file: the page's own choice, not the address's.
  const [onlyInMapView, setOnlyInMapView] = useState(false);
  // A link to an event opens on it; any other address, or a link to an event the server does not
  // have, opens on the filter's events.
  const [openedOnEvent] = useState(() => state.selectedId !== null);
  const view = useServerView(server, state, onlyInMapView);
  const { selection } = view;
  const selectedEvent = selection.event;
  const { metadata, issues } = server;
  page.useDocumentTitle(selectedEvent, metadata);
  page.useFirstRenderMark(view.list.total === null ? undefined : server);
  // On a phone, as over a file (app.tsx): the search, the dates and the categories sit in the
  // sheet behind the Filters button, and chips show the filters in force.
  const phone = useMediaQuery(PHONE_QUERY);
  // The filters sheet, open or not, and whether "/" opened it (the search then takes the focus).
  const [sheet, setSheet] = useState<'closed' | 'open' | 'search'>('closed');
  // A sheet left open when the window widens does not come back when it narrows again.
  if (!phone && sheet !== 'closed') setSheet('closed');
  const searchRef = useRef<HTMLInputElement>(null);
  const filtersButtonRef = useRef<HTMLButtonElement>(null);
  const openSearch = useCallback(() => {
    if (searchRef.current) searchRef.current.focus();
    else setSheet('search');
  }, []);

  const select = useCallback((id: string | null) => apply(actions.selectEvent, id), [apply]);
  // j and k go through the server's list: the next row may first have to be asked for. Keys
  // pressed before the answer are taken together, one at a time from the selection they started
  // at (j j is two rows on). Only the latest step moves the selection, and only while that
  // selection stands: a slow answer never undoes a click or a later key. Each change of the
  // selection is counted, not compared by id: a reader who clicks away and back to the same event
  // before the answer has still moved on from the key.
  const { step: stepTo } = selection;
  const steps = useRef({ latest: 0, selectionChanges: 0, moves: [] as (1 | -1)[] });
  useEffect(() => {
    steps.current.selectionChanges += 1;
    steps.current.moves = [];
  }, [state.selectedId]);
  const step = useCallback(
    (direction: 1 | -1) => {
      const pending = steps.current;
      pending.latest += 1;
      pending.moves = [...pending.moves, direction];
      const ticket = pending.latest;
      const startedAt = pending.selectionChanges;
      void stepTo(pending.moves).then(
        (id) => {
          if (ticket !== pending.latest || startedAt !== pending.selectionChanges) return;
          if (id !== null) select(id);
          // Nowhere to go (the keys ended where they began): they are not owed.
          else pending.moves = [];
        },
        // A window that failed says so in the list, with its Retry; the key just does nothing.
        () => {
          if (ticket === pending.latest) pending.moves = [];
        },
      );
    },
    [stepTo, select],
  );
  usePageKeyboard(apply, step, links.focusHomes, searchRef, phone ? openSearch : null);
  const { colourOf, labelOf, slotOf, legendLabelOf } = view.palette;
  const originalLanguage = metadata.language;
  const relatedEvent = selection.related;
  const titleOf = useCallback(
    (id: string) => {
      const event = selectedEvent?.id === id ? selectedEvent : relatedEvent(id);
      return event ? eventText(event, i18n.locale, originalLanguage).title : event;
    },
    [selectedEvent, relatedEvent, originalLanguage],
  );
  const { eventHref, absoluteEventUrl } = view;
  const renderDetail = useCallback(
    (id: string, titleId: string) =>
      !state.embed && selectedEvent?.id === id ? (
        <Suspense fallback={null}>
          <EventDetail
            key={id}
            titleId={titleId}
            event={selectedEvent}
            titleOf={titleOf}
            eventHref={eventHref}
            absoluteEventUrl={absoluteEventUrl}
            onSelect={select}
            originalLanguage={originalLanguage}
          />
        </Suspense>
      ) : null,
    [state.embed, selectedEvent, titleOf, eventHref, absoluteEventUrl, select, originalLanguage],
  );
  const chronologyLinks: ChronologyLinks = useMemo(
    () => ({ select, eventHref, renderDetail, colourOf, labelOf, originalLanguage, ...links }),
    [select, eventHref, renderDetail, colourOf, labelOf, originalLanguage, links],
  );
  const mapLinks: MapLinks = useMemo(
    () => ({
      select,
      colourOf,
      slotOf,
      labelOf,
      legendLabelOf,
      titleOf: (event: DatasetEvent) => eventText(event, i18n.locale, originalLanguage).title,
      ...links,
    }),
    [select, colourOf, slotOf, labelOf, legendLabelOf, originalLanguage, links],
  );
  const spotQuery = view.map.spotQuery;
  const spots: ServerSpots = useMemo(
    () => ({
      query: spotQuery,
      describeError: (error, onRetry) => <ViewError error={error} onRetry={onRetry} />,
    }),
    [spotQuery],
  );

  const range = server.extent && {
    from: state.from ?? server.extent.first,
    to: state.to ?? server.extent.last,
  };
  const unreachable =
    [
      view.timeline.error,
      view.list.error,
      view.map.error,
      selection.error,
      view.categoryCountsError,
    ].find(isUnreachable) ?? null;
  // The legend's counts have no place of their own to say why they are missing: the page says it.
  const pageError = unreachable ?? view.categoryCountsError;
  // Retry asks every failed question again (use-server-view.ts).
  const serverDown = pageError && (
    <ViewError
      error={pageError}
      onRetry={view.list.retry}
      {...(unreachable ? {} : { part: 'legend' as const })}
    />
  );
  const listError = ownFailure(view.list.error);
  const selectionError = ownFailure(selection.error);
  const mapError = ownFailure(view.map.error);
  // The dataset is there: its events could not be counted under these filters.
  const notCounted = view.list.total === null && view.list.error !== null;
  const status = (
    <StatusLine
      loading={view.list.total === null && !view.list.error}
      failed={notCounted}
      failedText={i18n._('Events not counted')}
      shown={view.list.total ?? 0}
      total={server.eventCount}
      range={range}
    />
  );
  const resetFilters = () => {
    apply(actions.resetFilters);
    setOnlyInMapView(false);
    // The Reset button goes away with the filters: the focus goes on to the search field, or on a
    // phone with the sheet closed to the Filters button (as over a file).
    (searchRef.current ?? filtersButtonRef.current)?.focus();
  };
  const chips = phone ? activeFilters(state, onlyInMapView, labelOf) : [];
  const search = (text: string) => apply(actions.search, text);
  const toggleCategory = (category: string) =>
    apply(actions.toggleCategory, view.allCategories, category);

  const notFound = selection.missing && state.selectedId !== null && (
    <Suspense fallback={null}>
      <NotFound
        missingId={state.selectedId}
        events={selection.closest}
        originalLanguage={originalLanguage}
        eventHref={eventHref}
        onSelect={select}
      />
    </Suspense>
  );
  const hiddenSelection = selectedEvent && selection.hidden && (
    <div className="notice hidden-selection" aria-live="polite">
      <p>
        {i18n._('“{title}” is selected but hidden by the filters.', {
          title: eventText(selectedEvent, i18n.locale, originalLanguage).title,
        })}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => apply(actions.widenToEvent, selectedEvent, view.allCategories.length)}
      >
        {i18n._('Show it')}
      </button>
      <button type="button" className="button" onClick={() => select(null)}>
        {i18n._('Clear selection')}
      </button>
    </div>
  );

  const sidebarRef = useRef<HTMLElement>(null);
  // On a phone, the selected event's card under the map, as over a file (map-panel.tsx): a shared
  // link reads at once, its details a button away below.
  const selectionCard =
    selectedEvent && !selection.hidden ? (
      <SelectionBar
        event={selectedEvent}
        originalLanguage={originalLanguage}
        onShowDetails={() => {
          sidebarRef.current?.scrollIntoView({ block: 'start' });
          links.focusHomes.get('chronology')?.focusItem?.(selectedEvent.id);
        }}
      />
    ) : (
      selection.loading && <div className="selection-bar-waiting" aria-hidden="true" />
    );
  const list = (
    <section className="sidebar" aria-label={i18n._('Events')} ref={sidebarRef}>
      {!state.embed && !phone && (
        <div className="sidebar-tools">
          <OnlyInMapViewToggle checked={onlyInMapView} onChange={setOnlyInMapView} />
        </div>
      )}
      {!state.embed && hiddenSelection}
      {selectionError && <ViewError error={selectionError} onRetry={selection.retry} />}
      {view.list.error ? (
        listError && <ViewError error={listError} onRetry={view.list.retry} />
      ) : view.list.total === null ? (
        <div className="loading-placeholder" aria-hidden="true">
          <div className="skeleton-row" />
          <div className="skeleton-row" />
          <div className="skeleton-row" />
        </div>
      ) : (
        <ServerChronology
          // A list of its own per filter: another filter's rows are other events.
          key={
            view.filter.from +
            ' ' +
            view.filter.to +
            ' ' +
            view.filter.query +
            ' ' +
            view.filter.categories.join(',')
          }
          total={view.list.total}
          eventAt={view.list.eventAt}
          onRangeChange={view.list.onRangeChange}
          selectedId={state.selectedId}
          selectedIndex={selection.position}
          links={chronologyLinks}
          empty={
            <>
              <p>
                {view.listBounds
                  ? i18n._('No events in the map view. Zoom out or move the map to see more.')
                  : i18n._('No events match these filters.')}
              </p>
              {(view.filtered || onlyInMapView) && (
                <button type="button" className="button button-primary" onClick={resetFilters}>
                  {i18n._('Reset filters')}
                </button>
              )}
            </>
          }
        />
      )}
    </section>
  );

  const map = (
    <ServerMap
      clusters={view.map.clusters}
      frame={view.map.frame}
      framePending={view.map.framePending}
      fitFirst={!openedOnEvent || selection.missing || selection.error !== null}
      selectedEvent={selectedEvent}
      links={mapLinks}
      onViewChange={view.map.onViewChange}
      spots={spots}
      legend={{
        categories: view.categoryCounts,
        categoryColumn: server.categoryColumn,
        activeCategories: state.categories,
        onToggleCategory: toggleCategory,
      }}
      status={
        view.map.error
          ? mapError && <ViewError error={mapError} onRetry={view.map.retry} />
          : view.map.loading && (
              <p className="server-view-loading" role="status">
                {i18n._('Asking the data server…')}
              </p>
            )
      }
    />
  );

  const timeline = (
    <ServerTimeline url={url} view={view} server={server} selectedEvent={selectedEvent} />
  );

  if (state.embed)
    return (
      <ServerEmbed
        url={url}
        title={metadata.title}
        selectedEvent={selectedEvent}
        originalLanguage={originalLanguage}
        onSelect={select}
        notices={
          <>
            {serverDown}
            <Notices notices={notices.notices} onDismiss={notices.dismiss} />
            {notFound}
          </>
        }
        map={map}
        timeline={timeline}
        status={status}
        list={list}
      />
    );

  return (
    <div className="app">
      <DatasetHeader loaded={loaded} url={url} story={undefined} onAddToStory={null} />
      <div className="app-bar">
        {status}
        <div className="app-bar-tools">
          {phone ? (
            <FiltersButton
              ref={filtersButtonRef}
              activeCount={chips.length}
              disabled={false}
              onOpen={() => setSheet('open')}
            />
          ) : (
            <SearchField ref={searchRef} value={state.query} onChange={search} />
          )}
          {!phone && (view.filtered || onlyInMapView) && (
            <button type="button" className="button" onClick={resetFilters}>
              {i18n._('Reset filters')}
            </button>
          )}
          <ServerExportMenu urls={view.exportUrls} count={view.list.total} />
        </div>
        <div className="app-bar-data">
          {issues.count > 0 && (
            <DataIssuesPanel
              issues={issues.examples}
              unlisted={issues.count - issues.examples.length}
              recordCount={server.recordCount}
              // Dates far from the rest are the loaded dataset's to find: the server says none.
              events={NO_EVENTS}
              bulk={null}
              eventHref={eventHref}
              onSelectEvent={select}
            />
          )}
          <ServerFileDetails server={server} />
        </div>
        {phone && (
          <FilterChips
            filters={chips}
            onRemove={(kind) => {
              if (kind === 'map-view') setOnlyInMapView(false);
              else apply(actions.removeFilter, kind);
            }}
            onReset={resetFilters}
            onEmptied={() => filtersButtonRef.current?.focus()}
          />
        )}
      </div>
      {phone && sheet !== 'closed' && (
        <PhoneFilters
          query={state.query}
          summary={
            notCounted
              ? i18n._('Events not counted')
              : formatShowing(view.list.total ?? 0, server.eventCount)
          }
          onReset={view.filtered || onlyInMapView ? resetFilters : null}
          // The sheet is modal: the page's word that the server does not answer is said in it too.
          timeline={
            <>
              {serverDown}
              {timeline}
            </>
          }
          categories={{
            categories: view.categoryCounts,
            active: state.categories,
            colourOf,
            labelOf,
            onToggle: toggleCategory,
          }}
          onlyInMapView={{ checked: onlyInMapView, onChange: setOnlyInMapView }}
          searchRef={searchRef}
          filtersButtonRef={filtersButtonRef}
          focusSearch={sheet === 'search'}
          onClose={() => setSheet('closed')}
          onSearch={search}
        />
      )}
      {serverDown}
      {/* On a phone the timeline lives in the filters sheet, as over a file. */}
      {!phone && timeline}
      <Notices notices={notices.notices} onDismiss={notices.dismiss} />
      {notFound}
      <main className="workspace" id="main">
        {list}
        {map}
        {selectionCard}
      </main>
    </div>
  );
}

interface ServerTimelineProps {
  url: UrlStateApi;
  view: ServerView;
  server: QueryServer;
  selectedEvent: DatasetEvent | null;
}

/** The timeline over the server's histograms: the brush and the quick ranges set the filter. */
function ServerTimeline({ url, view, server, selectedEvent }: ServerTimelineProps) {
  const isPlaying = useSyncExternalStore(playing.subscribe, playing.get);
  useEffect(() => () => playing.set(false), []);
  const drawn = useFirstScreenDrawn();
  const { extent } = server;
  const data = view.timeline.data;
  const bulk = useMemo(() => extent && { ...extent, earlier: 0, later: 0 }, [extent]);
  // A server not reached is said once, above the timeline (ServerExplorer).
  if (isUnreachable(view.timeline.error)) return null;
  if (view.timeline.error)
    return (
      <section className="timeline" aria-label={i18n._('Timeline')}>
        <ViewError error={view.timeline.error} onRetry={view.timeline.retry} />
      </section>
    );
  if (!extent || !data || !bulk) return null;
  const onRangeChange = (range: { from: CalendarDay | null; to: CalendarDay | null }) =>
    url.apply(actions.setDateRange, range);
  return (
    <Timeline
      {...data}
      extent={extent}
      bulk={bulk}
      from={url.state.from}
      to={url.state.to}
      selectedEvent={selectedEvent}
      onRangeChange={onRangeChange}
      onTogglePlay={() => playing.set(!isPlaying)}
      play={
        drawn && (
          <Suspense fallback={null}>
            <PlaySlot
              playing={isPlaying}
              onPlayingChange={playing.set}
              state={url.state}
              extent={extent}
              shown={view.list.total ?? 0}
              onFrame={onRangeChange}
              onSettingsChange={(play) => url.apply(actions.setPlayback, play)}
            />
          </Suspense>
        )
      }
    />
  );
}

interface ServerEmbedProps {
  url: UrlStateApi;
  title: string;
  selectedEvent: DatasetEvent | null;
  originalLanguage: string | undefined;
  onSelect: (id: string | null) => void;
  notices: ReactNode;
  map: ReactNode;
  timeline: ReactNode;
  status: ReactNode;
  list: ReactNode;
}

/** The reader view for iframes (`?embed=1`) over a data server: the embed layout's own order. */
function ServerEmbed({
  url,
  title,
  selectedEvent,
  originalLanguage,
  onSelect,
  notices,
  map,
  timeline,
  status,
  list,
}: ServerEmbedProps) {
  const root = useRef<HTMLDivElement>(null);
  useEmbedMessages(root, url.state.selectedId, onSelect);
  return (
    <div className="app app--embed" ref={root}>
      <EmbedBar
        title={title}
        fullViewHref={shareAddresses(url.state, APP_BASE, window.location.origin).view}
      />
      {notices}
      <main className="embed-main" id="main">
        {selectedEvent && (
          <EmbedCard
            event={selectedEvent}
            originalLanguage={originalLanguage}
            onClose={() => onSelect(null)}
          />
        )}
        {map}
        {timeline}
        <div className="embed-list">
          {status}
          {list}
        </div>
      </main>
    </div>
  );
}
