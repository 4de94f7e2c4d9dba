import { lazy, Suspense, type RefObject } from 'react';
import { SearchField } from '../features/search/search-field.tsx';
import type { ImportProgress } from '../data/import/import-types.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { Store } from '../lib/store/store.ts';
import { formatShowing } from './status-line.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import type { LoadedDataset } from './use-dataset.ts';
import type { ExplorerView } from './use-explorer-view.ts';
import { OnlyInMapViewToggle } from './only-in-map-view.tsx';

// The sheet's own parts load when it first opens: they import nothing else of the app, so the
// first load loses them without splitting shared code into chunks of its own (docs/performance.md).
const FiltersSheet = lazy(() =>
  import('../features/filters/filters-sheet.tsx').then((module) => ({
    default: module.FiltersSheet,
  })),
);
const CategoryFilter = lazy(() =>
  import('../features/filters/category-filter.tsx').then((module) => ({
    default: module.CategoryFilter,
  })),
);

export interface PhoneFiltersProps {
  url: UrlStateApi;
  loaded: LoadedDataset;
  view: ExplorerView;
  progress: Store<ImportProgress | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  filtersButtonRef: RefObject<HTMLButtonElement | null>;
  /** Opened with "/": the search takes the focus (else the sheet's heading, no keyboard pops up). */
  focusSearch: boolean;
  onlyInMapView: boolean;
  onOnlyInMapViewChange: (only: boolean) => void;
  onReset: () => void;
  onClose: () => void;
  // The app's actions, passed in: importing explorer-actions here would split it into a chunk of
  // its own shared with the first load, which costs that load a few hundred bytes.
  onSearch: (text: string) => void;
  onToggleCategory: (category: string) => void;
}

/**
 * A phone's filters, in the sheet behind the Filters button: the same search and timeline as on a
 * wide screen, the legend's category switches and the map-view toggle. Loaded on first use.
 */
export function PhoneFilters({
  url,
  loaded,
  view,
  progress,
  searchRef,
  filtersButtonRef,
  focusSearch,
  onlyInMapView,
  onOnlyInMapViewChange,
  onReset,
  onClose,
  onSearch,
  onToggleCategory,
}: PhoneFiltersProps) {
  const { dataset } = loaded;
  return (
    <Suspense fallback={null}>
      <FiltersSheet
        onClose={onClose}
        summary={formatShowing(view.listedEvents.length, dataset?.events.length ?? 0)}
        onReset={view.filtered || onlyInMapView ? onReset : null}
        focusOnOpen={() => (focusSearch ? searchRef.current : null)}
        focusOnClose={() => filtersButtonRef.current}
      >
        <SearchField
          ref={searchRef}
          value={url.state.query}
          disabled={!dataset}
          onChange={onSearch}
        />
        <TimelinePanel url={url} loaded={loaded} view={view} progress={progress} />
        <CategoryFilter
          categories={view.categoryCounts}
          active={url.state.categories}
          colourOf={view.palette.colourOf}
          labelOf={view.palette.labelOf}
          onToggle={onToggleCategory}
        />
        <OnlyInMapViewToggle checked={onlyInMapView} onChange={onOnlyInMapViewChange} />
      </FiltersSheet>
    </Suspense>
  );
}
