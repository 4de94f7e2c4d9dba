import { lazy, Suspense, useCallback, useRef, useState, type ComponentType } from 'react';
import type { StoryKit, StoryModeProps, StoryParts } from './story-mode.tsx';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventPassesFilter } from '../data/query/filter.ts';
import type { GeoBounds } from '../data/query/selectors.ts';
import * as actions from '../data/url/explorer-actions.ts';
import { shareAddresses } from '../data/url/share-addresses.ts';
import { datasetQueryOptions, datasetSourceFrom } from '../data/loading/dataset-query.ts';
import { isStoryAddress, parseUrl } from '../data/url/url-state.ts';
import { APP_BASE, useUrlState, type UrlStateApi } from '../data/url/use-url-state.ts';
import { useFirstScreenDrawn } from '../lib/after-mark.ts';
import { useMediaQuery } from '../lib/use-media-query.ts';
import { DatasetHeader } from './dataset-header.tsx';
import { EventsPanel } from './events-panel.tsx';
import { ExplorerBar } from './explorer-bar.tsx';
import { LoadError } from './load-error.tsx';
import { MapPanel } from './map-panel.tsx';
import { Notices } from './notices.tsx';
import { PHONE_QUERY, PhoneFilters } from './phone-filters.tsx';
import * as page from './page-effects.ts';
import { formatShowing } from './status-line.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import { useDataset, type LoadedDataset } from './use-dataset.ts';
import { useExplorerView } from './use-explorer-view.ts';
import { useLinkRepairs } from './use-link-repairs.ts';
import { usePageKeyboard } from './use-page-keyboard.ts';
import { useStorySlot } from './use-story-slot.ts';
import { useInterfaceLanguage, wantedLanguage } from './use-interface-language.ts';
import { activateLanguage } from '../lib/i18n/activate.ts';
import { useUrlCorrections } from './use-url-corrections.ts';
import { createViewLinks, type ViewLinks } from './view-links.ts';
import type { ImportProgress } from '../data/import/import-types.ts';
import type { Store } from '../lib/store/store.ts';

// Rarely shown, so not part of the first load: the notice for a link to a missing event, and the
// column dialog for a file of the reader's own.
const NotFound = lazy(() =>
  import('./not-found.tsx').then((module) => ({ default: module.NotFound })),
);
const ColumnDialog = lazy(() =>
  import('./column-dialog.tsx').then((module) => ({ default: module.ColumnDialog })),
);

// The reader view for iframes (?embed=1): only frames load it.
const EmbedLayout = lazy(() =>
  import('./embed-layout.tsx').then((module) => ({ default: module.EmbedLayout })),
);

// Reading a story (a story's address): its card, its steps and its keys load only for a story.
const loadStoryMode = () => import('./story-mode.tsx');
let StoryMode: ComponentType<StoryModeProps> = lazy(() =>
  loadStoryMode().then((module) => ({ default: module.StoryMode })),
);

/**
 * The reader's language, and for a story's address story mode's code (and a bundled story's file) before the first render
 * (start-app.tsx), so that the first render draws the story: behind a Suspense fallback, React
 * holds the reveal of what resolves for up to 300 ms after the fallback shows, and the page would
 * stand blank meanwhile (docs/performance.md, "The story page's first paint"). The pre-rendered
 * story page has already fetched both (its preload links). If the code cannot be fetched, the lazy
 * component tries again, with the page's usual error handling.
 */
export async function prepareFirstRender(): Promise<void> {
  const { state } = parseUrl(location.pathname, location.search, APP_BASE);
  // The reader's language first, so the first render speaks it; if its catalogue cannot be
  // fetched (offline, before the service worker has it), the page opens in English.
  await activateLanguage(wantedLanguage(state.lang)).catch(() => undefined);
  if (isStoryAddress(state)) {
    StoryMode = await (await loadStoryMode()).storyModeFor(state, APP_BASE);
  }
}

const STORY_KIT: StoryKit = {
  base: APP_BASE,
  datasetQuery: (params) => datasetQueryOptions(datasetSourceFrom(params), null),
  repairs: {
    keepKnownCategories: actions.keepKnownCategories,
    widenToEvent: actions.widenToEvent,
    eventPassesFilter,
  },
};

// Dropping a file on the page: listened for once the first screen is drawn (or the load failed),
// so its code is not part of the first load.
const FileDrop = lazy(() =>
  import('../features/open-dataset/file-drop.tsx').then((module) => ({ default: module.FileDrop })),
);

// Writing a story: the way back to a kept draft and the editor, once asked for or idle.
const StoryAuthoring = lazy(() =>
  import('./story-authoring.tsx').then((module) => ({ default: module.StoryAuthoring })),
);

const NO_EVENTS: DatasetEvent[] = [];

/** The explorer, or for a story's address the explorer drawn with the story's step (story-mode.tsx). */
export function App() {
  const url = useUrlState();
  useInterfaceLanguage(url.state.lang);
  if (!isStoryAddress(url.state)) return <Explorer url={url} />;
  return (
    <Suspense fallback={<div className="app" aria-busy="true" />}>
      <StoryMode url={url} explorer={Explorer} kit={STORY_KIT} />
    </Suspense>
  );
}

// A data server's descriptor (`?data=` at its dateline.json): the explorer asking for each view.
const ServerExplorer = lazy(() =>
  import('./server-explorer.tsx').then((module) => ({ default: module.ServerExplorer })),
);

/** The URL's dataset, loaded: the explorer over its events, or over a data server's answers. */
function Explorer({ url, story }: { url: UrlStateApi; story?: StoryParts }) {
  const notices = useUrlCorrections(url);
  const [{ links, progress }] = useState(createViewLinks);
  const loaded = useDataset(url, progress);
  if (loaded.server)
    return (
      <Suspense fallback={<div className="app" aria-busy="true" />}>
        <ServerExplorer
          url={url}
          loaded={loaded}
          server={loaded.server}
          links={links}
          notices={notices}
        />
      </Suspense>
    );
  return (
    <DatasetExplorer
      url={url}
      story={story}
      notices={notices}
      links={links}
      progress={progress}
      loaded={loaded}
    />
  );
}

interface DatasetExplorerProps {
  url: UrlStateApi;
  story: StoryParts | undefined;
  notices: ReturnType<typeof useUrlCorrections>;
  links: ViewLinks;
  progress: Store<ImportProgress | null>;
  loaded: LoadedDataset;
}

/** Puts the features together around one dataset and the URL; the only module that knows them all. */
function DatasetExplorer({ url, story, notices, links, progress, loaded }: DatasetExplorerProps) {
  const { state, apply } = url;
  const { dataset } = loaded;
  const [onlyInMapView, setOnlyInMapView] = useState(false);
  const [mapBounds, setMapBounds] = useState<GeoBounds | null>(null);
  const view = useExplorerView(
    state,
    dataset?.events ?? NO_EVENTS,
    onlyInMapView ? mapBounds : null,
    loaded.report?.mapping?.category ?? null,
    dataset?.metadata.categories,
    dataset?.metadata.language,
  );
  const { selectedEvent, listedEvents } = view;
  // The column dialog the reader opened, for the file it was opened for only.
  const [changingColumnsOf, setChangingColumnsOf] = useState<string | null>(null);
  const changingColumns = changingColumnsOf === loaded.sourceKey;
  const drawn = useFirstScreenDrawn();
  const acceptsDrops = !state.embed && (drawn || loaded.query.isError);
  const searchRef = useRef<HTMLInputElement>(null);
  const sidebarRef = useRef<HTMLElement>(null);
  const phone = useMediaQuery(PHONE_QUERY);
  // The filters sheet, open or not, and whether "/" opened it (the search then takes the focus).
  const [sheet, setSheet] = useState<'closed' | 'open' | 'search'>('closed');
  const filtersButtonRef = useRef<HTMLButtonElement>(null);
  const openSearch = useCallback(() => {
    if (searchRef.current) searchRef.current.focus();
    else setSheet('search');
  }, []);
  const closeSheet = useCallback(() => setSheet('closed'), []);
  // Not while a story is read: its card is the way through it.
  const authoring = useStorySlot(!state.embed && dataset !== null && !story);
  const authoringProps = { slot: authoring, url, view, links };
  // A sheet left open when the window widens does not come back when it narrows again.
  if (!phone && sheet !== 'closed') setSheet('closed');

  useLinkRepairs(url, dataset, selectedEvent, view.knownCategories, notices.add);
  page.useDocumentTitle(selectedEvent, dataset?.metadata);
  page.useOfflineNotice(loaded.outcome?.offlineCopy ?? null, notices.add);
  page.useOfflineSupport(!loaded.query.isPending);
  page.useFirstRenderMark(dataset);
  const step = useCallback(
    (direction: 1 | -1) => apply(actions.stepSelection, listedEvents, direction),
    [apply, listedEvents],
  );
  usePageKeyboard(apply, step, links.focusHomes, searchRef, phone ? openSearch : null);

  const resetFilters = useCallback(() => {
    apply(actions.resetFilters);
    setOnlyInMapView(false);
    // The Reset button goes away with the filters; the search field is a sensible next stop, or
    // on a phone with the sheet closed, the Filters button.
    (searchRef.current ?? filtersButtonRef.current)?.focus();
  }, [apply]);
  // The list and the map, the same in the full view and the reader view for iframes, except that
  // the reader view shows the selected event in a card of its own.
  const eventsPanel = (
    <EventsPanel
      ref={sidebarRef}
      url={url}
      dataset={dataset}
      sourceKey={loaded.sourceKey}
      view={view}
      links={links}
      detailsInList={!state.embed}
      onlyInMapView={onlyInMapView}
      onOnlyInMapViewChange={setOnlyInMapView}
      onShowSelected={() => {
        if (selectedEvent) apply(actions.widenToEvent, selectedEvent, view.knownCategories.size);
        setOnlyInMapView(false);
      }}
      onReset={resetFilters}
    />
  );
  const mapPanel = (
    <MapPanel
      url={url}
      view={view}
      links={links}
      datasetKey={dataset}
      categoryColumn={loaded.report?.mapping?.category ?? null}
      onViewChange={onlyInMapView ? setMapBounds : null}
      selectionBar={!state.embed && !story}
      awaitingSelection={
        !dataset && !loaded.query.isError && state.selectedId !== null && !isStoryAddress(state)
      }
      storyFrame={story?.mapFrame}
      originalLanguage={dataset?.metadata.language}
      onShowDetails={() => {
        sidebarRef.current?.scrollIntoView({ block: 'start' });
        if (selectedEvent) links.focusHomes.get('chronology')?.focusItem?.(selectedEvent.id);
      }}
    />
  );
  const notFound = dataset && state.selectedId !== null && !selectedEvent && (
    <Suspense fallback={null}>
      <NotFound
        missingId={state.selectedId}
        events={dataset.events}
        originalLanguage={dataset.metadata.language}
        eventHref={view.eventHref}
        onSelect={(id) => apply(actions.selectEvent, id)}
      />
    </Suspense>
  );

  // The reader view for iframes: reading only, its own layout (embed-layout.tsx).
  const selectInFrame = (id: string | null) => apply(actions.selectEvent, id);
  if (state.embed)
    return (
      <Suspense fallback={<div className="app app--embed" aria-busy="true" />}>
        <EmbedLayout
          url={url}
          loaded={loaded}
          view={view}
          selectedEvent={selectedEvent}
          onSelect={selectInFrame}
          fullViewHref={shareAddresses(state, APP_BASE, window.location.origin).view}
          notices={
            <>
              <Notices notices={notices.notices} onDismiss={notices.dismiss} />
              {notFound}
            </>
          }
          story={story?.card}
          map={mapPanel}
          timeline={<TimelinePanel url={url} loaded={loaded} view={view} progress={progress} />}
          list={eventsPanel}
        />
      </Suspense>
    );

  return (
    <div className={story ? 'app app--story' : 'app'}>
      <DatasetHeader
        loaded={loaded}
        url={url}
        story={story?.pageState}
        onAddToStory={authoring.add}
      />
      {acceptsDrops && (
        <Suspense fallback={null}>
          <FileDrop onFiles={loaded.openFiles} />
        </Suspense>
      )}
      {(loaded.needsMapping || changingColumns) && (
        <Suspense fallback={null}>
          <ColumnDialog
            loaded={loaded}
            url={url}
            changing={changingColumns}
            onClose={() => setChangingColumnsOf(null)}
          />
        </Suspense>
      )}
      <ExplorerBar
        url={url}
        loaded={loaded}
        view={view}
        searchRef={searchRef}
        onReset={resetFilters}
        onChangeColumns={
          loaded.report?.proposal ? () => setChangingColumnsOf(loaded.sourceKey) : null
        }
        phone={
          phone
            ? {
                onlyInMapView,
                onOnlyInMapViewChange: setOnlyInMapView,
                onOpen: () => setSheet('open'),
              }
            : null
        }
        filtersButtonRef={filtersButtonRef}
      />
      {phone && sheet !== 'closed' && dataset && (
        <Suspense fallback={null}>
          <PhoneFilters
            query={state.query}
            summary={formatShowing(view.listedEvents.length, dataset.events.length)}
            onReset={view.filtered || onlyInMapView ? resetFilters : null}
            timeline={<TimelinePanel url={url} loaded={loaded} view={view} progress={progress} />}
            categories={{
              categories: view.categoryCounts,
              active: state.categories,
              colourOf: view.palette.colourOf,
              labelOf: view.palette.labelOf,
              onToggle: (category) => apply(actions.toggleCategory, view.allCategories, category),
            }}
            onlyInMapView={{ checked: onlyInMapView, onChange: setOnlyInMapView }}
            searchRef={searchRef}
            filtersButtonRef={filtersButtonRef}
            focusSearch={sheet === 'search'}
            onClose={closeSheet}
            onSearch={(text) => apply(actions.search, text)}
          />
        </Suspense>
      )}
      {/* On a phone the timeline lives in the filters sheet; its place holds the load's progress. */}
      {(!phone || !dataset) && (
        <TimelinePanel url={url} loaded={loaded} view={view} progress={progress} />
      )}
      {authoring.mounted && !authoring.open && (
        <Suspense fallback={null}>
          <StoryAuthoring part="line" {...authoringProps} />
        </Suspense>
      )}
      <Notices notices={notices.notices} onDismiss={notices.dismiss} />
      {notFound}
      <main className={authoring.open ? 'workspace workspace--story' : 'workspace'} id="main">
        {loaded.query.isError ? (
          <LoadError loaded={loaded} url={url} />
        ) : (
          <>
            {story ? (
              <div className="story-column">
                {story.card}
                {eventsPanel}
              </div>
            ) : (
              eventsPanel
            )}
            {mapPanel}
            {authoring.open && (
              <Suspense fallback={null}>
                <StoryAuthoring part="editor" {...authoringProps} />
              </Suspense>
            )}
          </>
        )}
      </main>
    </div>
  );
}
