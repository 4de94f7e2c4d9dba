import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { datasetQueryOptions, datasetSourceFrom } from '../data/loading/dataset-query.ts';
import type { ImportChoices, ImportProgress } from '../data/import/import-types.ts';
import { LOCAL_PREFIX, localFiles, openLocalFiles } from '../data/loading/local-files.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventsInBounds, type GeoBounds } from '../data/query/selectors.ts';
import { createStore } from '../lib/store/store.ts';
import { useDeferredWhen } from '../lib/use-deferred-when.ts';
import { APP_BASE, navigate, useUrlState } from '../data/url/use-url-state.ts';
import { EMPTY_URL_STATE, serializeUrl } from '../data/url/url-state.ts';
import { Chronology } from '../features/chronology/chronology.tsx';
import type { ChronologyLinks } from '../features/chronology/chronology-links.ts';
import { DataIssuesPanel } from '../features/data-issues/data-issues-panel.tsx';
import { EventDetail } from '../features/event-detail/event-detail.tsx';
import { ExportMenu } from '../features/export/export-menu.tsx';
import { DropOverlay } from '../features/open-dataset/drop-overlay.tsx';
import { OpenDatasetButton } from '../features/open-dataset/open-dataset-button.tsx';
import { useFileDrop } from '../features/open-dataset/use-file-drop.ts';
import { toggleCategory } from '../features/map/map-legend.tsx';
import type { MapLinks } from '../features/map/map-links.ts';
import { SearchField } from '../features/search/search-field.tsx';
import { Timeline } from '../features/timeline/timeline.tsx';
import { AppHeader } from './app-header.tsx';
import { LoadError } from './load-error.tsx';
import { LoadProgress } from './load-progress.tsx';
import { Notices } from './notices.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { eventPassesFilter, widenToInclude } from '../data/query/filter.ts';
import { StatusLine } from './status-line.tsx';
import { useExplorerData } from './use-explorer-data.ts';
import { useFocusRescue } from './use-focus-rescue.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { useUrlCorrections } from './use-url-corrections.ts';
import { registerOfflineSupport } from '../features/offline/register-offline.ts';

const NO_EVENTS: DatasetEvent[] = [];

// Only for readers who bring their own data: loaded when first needed, not with the page.
// Leaflet and the map arrive in their own chunk: the list and the filters are usable first, and
// the map's start-up is not one long task with the app's (Lighthouse's blocking time).
const EventMap = lazy(() =>
  import('../features/map/event-map.tsx').then((module) => ({ default: module.EventMap })),
);
const MappingDialog = lazy(() =>
  import('../features/open-dataset/mapping-dialog.tsx').then((module) => ({
    default: module.MappingDialog,
  })),
);
// Rarely shown, so not part of the first load: the notice for a link to a missing event.
const NotFound = lazy(() =>
  import('./not-found.tsx').then((module) => ({ default: module.NotFound })),
);
const ImportDetails = lazy(() =>
  import('../features/open-dataset/import-details.tsx').then((module) => ({
    default: module.ImportDetails,
  })),
);

/** An event's own link: its id, plus the dataset if it is not the bundled one, never the filters. */
function eventHrefIn(params: [string, string][]) {
  return (id: string) => serializeUrl({ ...EMPTY_URL_STATE, selectedId: id, params }, APP_BASE);
}

function countCategories(events: DatasetEvent[]) {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.category, (counts.get(event.category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count);
}

/** Puts the features together around one dataset and the URL; the only module that knows them all. */
export function App() {
  const url = useUrlState();
  const notices = useUrlCorrections(url);
  useFocusRescue();
  const source = useMemo(() => datasetSourceFrom(url.state.params), [url.state.params]);
  // Column choices belong to one opening of one file: a new file under the same name is asked anew.
  const sourceKey = `${JSON.stringify(source)}#${source.kind === 'local' ? (localFiles(source.name)?.generation ?? 0) : 0}`;
  // Column choices the reader confirmed, for this source only.
  const [confirmed, setConfirmed] = useState<{ key: string; choices: ImportChoices } | null>(null);
  const choices = confirmed?.key === sourceKey ? confirmed.choices : null;
  const [changingColumns, setChangingColumns] = useState(false);

  // Fast-changing view state, shared by the map and the chronology without either knowing the other.
  const [stores] = useState(() => ({
    highlight: createStore<string | null>(null),
    listInView: createStore<ReadonlySet<string>>(new Set()),
    progress: createStore<ImportProgress | null>(null),
  }));
  const datasetQuery = useQuery(datasetQueryOptions(source, choices, stores.progress.set));
  // A dataset's first render (every index, the list, the map) is React's to split into short
  // tasks: as a deferred value it renders in the background, a component at a time, where the
  // query's own update would do it all in one task (about 2 s of frozen page at 1,000,000 events;
  // at the bundled six, Lighthouse's largest blocking task). Until it lands the page shows its
  // loading state. An older value from another source, as after Back from one dataset to
  // another, is never shown with this URL: the page would apply this link's filters and
  // selection to the wrong events.
  // Every dataset renders in the background, whatever its size (measured: the bundled six show
  // their markers sooner with less blocking). The 'nothing' rule means that until the first such
  // render lands there is no outcome at all, so the status line says "Loading events…" a moment
  // longer rather than counting events the page has not drawn yet.
  const liveOutcome = datasetQuery.data;
  const inBackground = liveOutcome?.kind === 'dataset';
  const liveFromSource = useMemo(
    () => ({ sourceKey, outcome: liveOutcome }),
    [sourceKey, liveOutcome],
  );
  const rendered = useDeferredWhen(inBackground, liveFromSource, 'nothing');
  const outcome = rendered?.sourceKey === sourceKey ? rendered.outcome : undefined;
  const rendering = outcome !== liveOutcome;
  const dataset = outcome?.kind === 'dataset' ? outcome.dataset : undefined;
  const allEvents = dataset?.events ?? NO_EVENTS;
  const { selectedId, from, to, query, categories } = url.state;

  const report = outcome?.report ?? null;
  const needsMapping = outcome?.kind === 'needs-mapping';
  const origin =
    source.kind === 'remote'
      ? `From ${source.url}`
      : source.kind === 'local'
        ? `From ${source.name}, opened on this device (nothing is uploaded)`
        : null;

  // One column dialog: asked for by the importer (cancel leaves the file), or by the reader to
  // change the columns of a file already open (cancel keeps it as it is).
  const columnDialog =
    outcome?.kind === 'needs-mapping'
      ? { proposal: outcome.proposal, current: null, onCancel: () => navigate(EMPTY_URL_STATE) }
      : changingColumns && report?.proposal && report.mapping && report.dayOrder
        ? {
            proposal: report.proposal,
            current: { mapping: report.mapping, dayOrder: report.dayOrder },
            onCancel: () => setChangingColumns(false),
          }
        : null;

  /**
   * Opens files from the picker or a drop: a new dataset gets a fresh view. The same file opened
   * again (after a reload, or edited) keeps the view, so a link into it works once it is open.
   */
  const reopening = source.kind === 'local' ? source.name : null;
  // The query key reads the opened files' generation; a render must follow each opening even when
  // the URL stays the same.
  const [, setOpenings] = useState(0);
  const openFiles = useCallback(
    (files: File[]) => {
      const name = openLocalFiles(files);
      setOpenings((count) => count + 1);
      const params: [string, string][] = [['data', `${LOCAL_PREFIX}${name}`]];
      navigate(name === reopening ? { ...url.state, params } : { ...EMPTY_URL_STATE, params });
    },
    [reopening, url.state],
  );
  const dragging = useFileDrop(openFiles);
  const [onlyInMapView, setOnlyInMapView] = useState(false);
  const [mapBounds, setMapBounds] = useState<GeoBounds | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const data = useExplorerData(allEvents, { from, to, query, categories });
  const selectedPosition = selectedId === null ? undefined : data.positionById.get(selectedId);
  const selectedEvent =
    selectedPosition === undefined ? null : (allEvents[selectedPosition] ?? null);
  const listedEvents = useMemo(
    () => (onlyInMapView && mapBounds ? eventsInBounds(data.filtered, mapBounds) : data.filtered),
    [onlyInMapView, mapBounds, data.filtered],
  );
  const categoryCounts = useMemo(() => countCategories(allEvents), [allEvents]);
  const allCategories = useMemo(
    () => categoryCounts.map(({ category }) => category),
    [categoryCounts],
  );

  const { select, updateFilters } = url;
  const eventHref = useMemo(() => eventHrefIn(url.state.params), [url.state.params]);
  const absoluteEventUrl = useCallback(
    (id: string, withFilters: boolean) => {
      const filtered = from !== null || to !== null || query !== '' || categories.length > 0;
      if (withFilters && !filtered) return null;
      const href = withFilters
        ? serializeUrl({ ...url.state, selectedId: id }, APP_BASE)
        : eventHref(id);
      return new URL(href, window.location.origin).href;
    },
    [eventHref, url.state, from, to, query, categories],
  );
  const { add: addNotice } = notices;

  // Offline, the dataset is the copy the service worker kept: say so, and how old it is.
  const offlineCopy = outcome?.offlineCopy ?? null;
  useEffect(
    function sayWhenOffline() {
      if (offlineCopy === null) return;
      const saved = new Date(offlineCopy);
      const when = Number.isNaN(saved.getTime())
        ? ''
        : ` saved on ${saved.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`;
      addNotice(
        `You are offline: these are the events${when}. They may have changed since; reload when you are back online.`,
      );
    },
    [offlineCopy, addNotice],
  );

  // A category in a link that this dataset does not have is dropped, and the reader told.
  const unknownCategories = dataset
    ? categories.filter((category) => !data.knownCategories.has(category))
    : [];
  const unknownKey = unknownCategories.join(',');
  useEffect(
    function dropUnknownCategories() {
      if (!unknownKey) return;
      addNotice(`This dataset has no category “${unknownKey}”, so it was ignored.`);
      updateFilters({
        categories: categories.filter((category) => data.knownCategories.has(category)),
      });
    },
    // Runs once per unknown set; the other values are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [unknownKey],
  );

  /** Widens the filters just enough to show `event`; every category shown is written as none. */
  const widenFiltersFor = useCallback(
    (event: DatasetEvent) => {
      const widened = widenToInclude(event, { from, to, query, categories });
      const allShown = widened.categories.length >= data.knownCategories.size;
      updateFilters({ ...widened, categories: allShown ? [] : [...widened.categories] });
    },
    [from, to, query, categories, data.knownCategories, updateFilters],
  );

  // A shared link whose own filters would hide its event: the filters widen to show it, once, as
  // the page opens (later, filtering away the selected event is the reader's own choice).
  const checkedLinkRef = useRef<object | null>(null);
  useEffect(
    function widenFiltersForLinkedEvent() {
      if (!dataset || checkedLinkRef.current === dataset) return;
      checkedLinkRef.current = dataset;
      if (!selectedEvent) return;
      const filter = { from, to, query, categories };
      if (eventPassesFilter(selectedEvent, filter)) return;
      addNotice(
        `“${selectedEvent.title}” was outside this link's filters, so they were widened to show it.`,
      );
      widenFiltersFor(selectedEvent);
    },
    // Runs when the data arrives; the URL values are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [dataset],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (listedEvents.length === 0) return;
      const current =
        selectedId === null ? -1 : listedEvents.findIndex((event) => event.id === selectedId);
      const nextIndex =
        current === -1
          ? direction === 1
            ? 0
            : listedEvents.length - 1
          : Math.min(Math.max(current + direction, 0), listedEvents.length - 1);
      const next = listedEvents[nextIndex];
      if (next) select(next.id);
    },
    [listedEvents, selectedId, select],
  );
  useKeyboardShortcuts({
    next: useCallback(() => step(1), [step]),
    previous: useCallback(() => step(-1), [step]),
    clear: useCallback(() => select(null), [select]),
    focusSearch: useCallback(() => searchRef.current?.focus(), []),
  });

  // After this visit the app and the datasets it opened work offline (src/features/offline), set up once
  // the first dataset has loaded or failed: storing the app's files never competes with it.
  const firstLoadSettled = !datasetQuery.isPending;
  useEffect(
    function offerOfflineUseOnceSettled() {
      if (firstLoadSettled) registerOfflineSupport();
    },
    [firstLoadSettled],
  );

  useEffect(
    function markFirstRender() {
      if (!dataset) return;
      // After this commit's effects, the next frame paints the list and the markers.
      const frame = requestAnimationFrame(() => performance.mark('dateline:first-render'));
      return () => cancelAnimationFrame(frame);
    },
    [dataset],
  );

  useEffect(
    function titleTheDocument() {
      const datasetTitle = dataset?.metadata.title;
      document.title = selectedEvent
        ? `${selectedEvent.title} — Dateline`
        : datasetTitle
          ? `${datasetTitle} — Dateline`
          : 'Dateline — where and when it happened';
    },
    [selectedEvent, dataset?.metadata.title],
  );

  const titleOf = useCallback(
    (id: string) => {
      const position = data.positionById.get(id);
      return position === undefined ? null : (allEvents[position]?.title ?? null);
    },
    [data.positionById, allEvents],
  );
  const renderDetail = useCallback(
    (id: string, titleId: string) => {
      const position = data.positionById.get(id);
      const event = position === undefined ? undefined : allEvents[position];
      if (!event) return null;
      return (
        <EventDetail
          key={event.id}
          titleId={titleId}
          event={event}
          titleOf={titleOf}
          eventHref={eventHref}
          absoluteEventUrl={absoluteEventUrl}
          onSelect={select}
        />
      );
    },
    [data.positionById, allEvents, titleOf, select, eventHref, absoluteEventUrl],
  );
  const chronologyLinks: ChronologyLinks = useMemo(
    () => ({ select, eventHref, renderDetail, ...stores }),
    [select, eventHref, renderDetail, stores],
  );
  const mapLinks: MapLinks = useMemo(() => ({ select, ...stores }), [select, stores]);
  const resetFilters = useCallback(() => {
    updateFilters({ from: null, to: null, query: '', categories: [] });
    setOnlyInMapView(false);
    // The Reset button goes away with the filters; the search field is a sensible next stop.
    searchRef.current?.focus();
  }, [updateFilters]);

  const isFiltered = from !== null || to !== null || query !== '' || categories.length > 0;
  const notFound = dataset && selectedId !== null && !selectedEvent;
  const selectedIsListed = useMemo(
    () => selectedEvent === null || listedEvents.includes(selectedEvent),
    [selectedEvent, listedEvents],
  );
  const shownRange = data.extent
    ? { from: from ?? data.extent.first, to: to ?? data.extent.last }
    : null;

  return (
    <div className="app">
      <AppHeader
        title={
          dataset?.metadata.title ??
          (needsMapping ? report?.fileName : null) ??
          (datasetQuery.isError ? 'No dataset' : null)
        }
        origin={origin}
        actions={
          <>
            <OpenDatasetButton onFiles={openFiles} />
            {source.kind !== 'bundled' && (
              <a
                className="button"
                href={APP_BASE}
                onClick={(clickEvent) => {
                  clickEvent.preventDefault();
                  navigate(EMPTY_URL_STATE);
                }}
              >
                Back to bundled dataset
              </a>
            )}
          </>
        }
      />
      {dragging && <DropOverlay />}
      {report && columnDialog && (
        <Suspense fallback={null}>
          <MappingDialog
            key={sourceKey}
            report={report}
            proposal={columnDialog.proposal}
            current={columnDialog.current}
            onConfirm={(confirmedChoices) => {
              setConfirmed({ key: sourceKey, choices: confirmedChoices });
              setChangingColumns(false);
            }}
            onCancel={columnDialog.onCancel}
          />
        </Suspense>
      )}
      <div className="app-bar">
        <StatusLine
          loading={datasetQuery.isPending || rendering || needsMapping}
          failed={datasetQuery.isError}
          shown={listedEvents.length}
          total={allEvents.length}
          range={shownRange}
        />
        <div className="app-bar-tools">
          <SearchField
            ref={searchRef}
            value={query}
            disabled={!dataset}
            onChange={(value) => updateFilters({ query: value })}
          />
          {dataset && isFiltered && (
            <button type="button" className="button" onClick={resetFilters}>
              Reset filters
            </button>
          )}
          {dataset && (
            <ExportMenu events={listedEvents} metadata={dataset.metadata} range={shownRange} />
          )}
        </div>
        {dataset && (dataset.issues.length > 0 || (report && source.kind !== 'bundled')) && (
          <div className="app-bar-data">
            {dataset.issues.length > 0 && (
              <DataIssuesPanel issues={dataset.issues} recordCount={dataset.recordCount} />
            )}
            {report && source.kind !== 'bundled' && (
              <Suspense fallback={null}>
                <ImportDetails
                  report={report}
                  onChangeColumns={report.proposal ? () => setChangingColumns(true) : null}
                />
              </Suspense>
            )}
          </div>
        )}
      </div>
      {!dataset && !datasetQuery.isError && (
        // The timeline's space, kept while the data loads, says how far the load has got: on a
        // phone the chronology is below the map, out of sight, so the progress cannot live there.
        <section className="timeline timeline-placeholder" aria-label="Timeline">
          {!needsMapping && <LoadProgress store={stores.progress} />}
        </section>
      )}
      {dataset && data.bins && data.extent && (
        <Timeline
          bins={data.bins}
          extent={data.extent}
          allWeights={data.allWeights}
          matchWeights={data.matchWeights}
          years={data.years}
          from={from}
          to={to}
          selectedEvent={selectedEvent}
          onRangeChange={(range) => updateFilters(range)}
        />
      )}
      <Notices notices={notices.notices} onDismiss={notices.dismiss} />
      {notFound && selectedId !== null && (
        <Suspense fallback={null}>
          <NotFound
            missingId={selectedId}
            events={allEvents}
            eventHref={eventHref}
            onSelect={select}
          />
        </Suspense>
      )}
      <main className="workspace" id="main">
        {datasetQuery.isError ? (
          <LoadError
            error={datasetQuery.error}
            retrying={datasetQuery.isFetching}
            onRetry={
              // The same file read again gives the same answer; a download might not.
              source.kind === 'local' ? null : () => void datasetQuery.refetch()
            }
          >
            {source.kind !== 'bundled' && (
              <>
                <OpenDatasetButton onFiles={openFiles} className="button button-primary" />
                <button type="button" className="button" onClick={() => navigate(EMPTY_URL_STATE)}>
                  Back to bundled dataset
                </button>
              </>
            )}
          </LoadError>
        ) : (
          <>
            <section className="sidebar" aria-label="Events">
              <div className="sidebar-tools">
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={onlyInMapView}
                    onChange={(changeEvent) => setOnlyInMapView(changeEvent.target.checked)}
                  />
                  Only events in map view
                </label>
              </div>
              {selectedEvent && !selectedIsListed && (
                <div className="notice hidden-selection" aria-live="polite">
                  <p>“{selectedEvent.title}” is selected but hidden by the filters.</p>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      widenFiltersFor(selectedEvent);
                      setOnlyInMapView(false);
                    }}
                  >
                    Show it
                  </button>
                  <button type="button" className="button" onClick={() => select(null)}>
                    Clear selection
                  </button>
                </div>
              )}
              {dataset ? (
                <Chronology
                  // A list of its own for each source: rows are keyed by their place in their
                  // dataset, and another dataset's measured heights, scroll position or focus
                  // would not fit these events.
                  key={sourceKey}
                  events={listedEvents}
                  selectedId={selectedId}
                  links={chronologyLinks}
                  empty={
                    <>
                      <p>
                        {allEvents.length === 0
                          ? 'This dataset has no events to show.'
                          : onlyInMapView && data.filtered.length > 0
                            ? 'No events in the map view. Zoom out or move the map to see more.'
                            : 'No events match these filters.'}
                      </p>
                      {(isFiltered || onlyInMapView) && (
                        <button
                          type="button"
                          className="button button-primary"
                          onClick={resetFilters}
                        >
                          Reset filters
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
            <Suspense fallback={<div className="map-region" aria-hidden="true" />}>
              <EventMap
                events={data.filtered}
                selectedEvent={selectedEvent}
                initialSelection={selectedEvent}
                categories={categoryCounts}
                activeCategories={categories}
                onToggleCategory={(category) =>
                  updateFilters({ categories: toggleCategory(allCategories, categories, category) })
                }
                links={mapLinks}
                datasetKey={dataset}
                onViewChange={onlyInMapView ? setMapBounds : null}
                overlay={
                  selectedEvent && selectedIsListed ? (
                    <SelectionBar
                      event={selectedEvent}
                      onShowDetails={() => {
                        const entry = document.querySelector<HTMLElement>(
                          `[data-event-id="${CSS.escape(selectedEvent.id)}"]`,
                        );
                        entry?.closest('.sidebar')?.scrollIntoView({ block: 'start' });
                        entry
                          ?.querySelector<HTMLElement>('.entry-link')
                          ?.focus({ preventScroll: true });
                      }}
                    />
                  ) : null
                }
              />
            </Suspense>
          </>
        )}
      </main>
    </div>
  );
}
