import { lazy, Suspense, type ReactNode, type RefObject } from 'react';
import type { CategoryFilterProps } from '../features/filters/category-filter.tsx';
import { SearchField } from '../features/search/search-field.tsx';
import { OnlyInMapViewToggle, type OnlyInMapViewToggleProps } from './only-in-map-view.tsx';

/** Where the filters move behind one button (app.css's phone layout uses the same width). */
export const PHONE_QUERY = '(max-width: 600px)';

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
  /** The search in the URL. */
  query: string;
  /** "Showing 4 of 6 events": the status line is behind the sheet. */
  summary: string;
  /** Resets every filter; null while none is set. */
  onReset: (() => void) | null;
  /** The timeline with its date brush: a file's or a data server's. */
  timeline: ReactNode;
  categories: CategoryFilterProps;
  /** "Only events in map view", where the page has it (not over a data server). */
  onlyInMapView: OnlyInMapViewToggleProps | null;
  searchRef: RefObject<HTMLInputElement | null>;
  filtersButtonRef: RefObject<HTMLButtonElement | null>;
  /** Opened with "/": the search takes the focus (else the sheet's heading, no keyboard pops up). */
  focusSearch: boolean;
  onClose: () => void;
  // The app's actions, passed in: importing explorer-actions here would split it into a chunk of
  // its own shared with the first load, which costs that load a few hundred bytes.
  onSearch: (text: string) => void;
}

/**
 * A phone's filters, in the sheet behind the Filters button: the same search and timeline as on a
 * wide screen, the legend's category switches and the map-view toggle. Loaded on first use; the
 * same sheet over a file and over a data server, each passing its own parts.
 */
export function PhoneFilters({
  query,
  summary,
  onReset,
  timeline,
  categories,
  onlyInMapView,
  searchRef,
  filtersButtonRef,
  focusSearch,
  onClose,
  onSearch,
}: PhoneFiltersProps) {
  return (
    <Suspense fallback={null}>
      <FiltersSheet
        onClose={onClose}
        summary={summary}
        onReset={onReset}
        focusOnOpen={() => (focusSearch ? searchRef.current : null)}
        focusOnClose={() => filtersButtonRef.current}
      >
        <SearchField ref={searchRef} value={query} onChange={onSearch} />
        {timeline}
        <CategoryFilter {...categories} />
        {onlyInMapView && <OnlyInMapViewToggle {...onlyInMapView} />}
      </FiltersSheet>
    </Suspense>
  );
}
