import { lazy, Suspense, useMemo, type RefObject } from 'react';
import { DataIssuesPanel } from '../features/data-issues/data-issues-panel.tsx';
import { ExportMenu } from '../features/export/export-menu.tsx';
import { FilterChips } from '../features/filters/filter-chips.tsx';
import { FiltersButton } from '../features/filters/filters-button.tsx';
import { PublishMenu } from '../features/publish/publish-menu.tsx';
import { SearchField } from '../features/search/search-field.tsx';
import { activeFilters } from '../data/query/active-filters.ts';
import { removeFilter, search, selectEvent } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { StatusLine } from './status-line.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import type { ExplorerView } from './use-explorer-view.ts';

// Only for readers who bring their own data: loaded when first needed, not with the page.
const ImportDetails = lazy(() =>
  import('../features/open-dataset/import-details.tsx').then((module) => ({
    default: module.ImportDetails,
  })),
);

export interface ExplorerBarProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  searchRef: RefObject<HTMLInputElement | null>;
  onReset: () => void;
  /** Opens the column dialog for the file that is open; null when its columns cannot change. */
  onChangeColumns: (() => void) | null;
  /**
   * On a phone (600 px and less) the search, dates and categories sit in a sheet behind the
   * Filters button, and chips show the filters in force; null on a wider screen.
   */
  phone: PhoneFilterBar | null;
  filtersButtonRef: RefObject<HTMLButtonElement | null>;
}

interface PhoneFilterBar {
  onlyInMapView: boolean;
  onOnlyInMapViewChange: (only: boolean) => void;
  onOpen: () => void;
}

/** The line under the header: the live status, search, reset, export, and what the file held. */
export function ExplorerBar({
  url,
  loaded,
  view,
  searchRef,
  onReset,
  onChangeColumns,
  phone,
  filtersButtonRef,
}: ExplorerBarProps) {
  const { dataset, report, source, query } = loaded;
  const ownFile = report !== null && source.kind !== 'bundled';
  const { bulk } = view.data;
  const issues = (dataset?.issues.length ?? 0) + (bulk ? bulk.earlier + bulk.later : 0);
  const { labelOf } = view.palette;
  const onlyInMapView = phone?.onlyInMapView ?? false;
  const chips = useMemo(
    () => (dataset ? activeFilters(url.state, onlyInMapView, labelOf) : []),
    [dataset, url.state, onlyInMapView, labelOf],
  );
  return (
    <div className="app-bar">
      <StatusLine
        loading={query.isPending || loaded.rendering || loaded.needsMapping}
        failed={query.isError}
        shown={view.listedEvents.length}
        total={dataset?.events.length ?? 0}
        range={view.shownRange}
      />
      <div className="app-bar-tools">
        {phone ? (
          <FiltersButton
            ref={filtersButtonRef}
            activeCount={chips.length}
            disabled={!dataset}
            onOpen={phone.onOpen}
          />
        ) : (
          <SearchField
            ref={searchRef}
            value={url.state.query}
            disabled={!dataset}
            onChange={(text) => url.apply(search, text)}
          />
        )}
        {!phone && dataset && view.filtered && (
          <button type="button" className="button" onClick={onReset}>
            {i18n._('Reset filters')}
          </button>
        )}
        {dataset && (
          <ExportMenu
            events={view.listedEvents}
            metadata={dataset.metadata}
            range={view.shownRange}
            search={url.state.query}
          />
        )}
        {dataset && (
          <PublishMenu
            dataset={
              source.kind === 'bundled'
                ? { kind: 'bundled' }
                : source.kind === 'local'
                  ? { kind: 'file', name: report?.fileName ?? source.name }
                  : { kind: 'address', url: source.url }
            }
            metadata={dataset.metadata}
            report={source.kind === 'bundled' ? null : report}
          />
        )}
      </div>
      {dataset && (issues > 0 || ownFile) && (
        <div className="app-bar-data">
          {issues > 0 && (
            <DataIssuesPanel
              issues={dataset.issues}
              recordCount={dataset.recordCount}
              events={dataset.events}
              bulk={bulk}
              eventHref={view.eventHref}
              onSelectEvent={(id) => url.apply(selectEvent, id)}
            />
          )}
          {ownFile && (
            <Suspense fallback={null}>
              <ImportDetails report={report} onChangeColumns={onChangeColumns} />
            </Suspense>
          )}
        </div>
      )}
      {phone && (
        <FilterChips
          filters={chips}
          onRemove={(kind) => {
            // The map-view toggle is the page's own state, not the address's.
            if (kind === 'map-view') phone.onOnlyInMapViewChange(false);
            else url.apply(removeFilter, kind);
          }}
          onReset={onReset}
          onEmptied={() => filtersButtonRef.current?.focus()}
        />
      )}
    </div>
  );
}
