import type { ImportProgress } from '../data/import/import-types.ts';
import type { GeoBounds } from '../data/query/selectors.ts';
import { FocusHomes } from '../lib/focus-homes.ts';
import { createStore, type Store } from '../lib/store/store.ts';

/**
 * Fast-changing view state shared by the map and the chronology without either knowing the
 * other: what is highlighted, what the list shows, where the focus can return to.
 */
export interface ViewLinks {
  highlight: Store<string | null>;
  listInView: Store<ReadonlySet<string>>;
  focusHomes: FocusHomes;
  /**
   * Where the map looks, after each move: read when a view is captured ("Add this view to a
   * story"), so that nothing re-renders as the map pans.
   */
  mapBounds: Store<GeoBounds | null>;
  /** A frame for the map to show (a story step's "Show"); a new object asks again. */
  mapFrame: Store<{ bounds: GeoBounds } | null>;
}

/** The page's links, and the store of the load's progress. */
export function createViewLinks(): {
  links: ViewLinks;
  progress: Store<ImportProgress | null>;
} {
  return {
    links: {
      highlight: createStore<string | null>(null),
      listInView: createStore<ReadonlySet<string>>(new Set()),
      focusHomes: new FocusHomes(),
      mapBounds: createStore<GeoBounds | null>(null),
      mapFrame: createStore<{ bounds: GeoBounds } | null>(null),
    },
    progress: createStore<ImportProgress | null>(null),
  };
}
