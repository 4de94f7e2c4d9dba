import type { DatasetEvent } from '../../data/model/schema.ts';
import type { GeoBounds } from '../../data/query/selectors.ts';
import type { PaletteSlot } from '../../data/model/categories.ts';
import type { FocusHomes } from '../../lib/focus-homes.ts';
import type { Store } from '../../lib/store/store.ts';

/**
 * What the map is given by the app: a way to select, and the shared view stores. The map never
 * knows about the chronology; both only read and write these.
 */
export interface MapLinks {
  select: (id: string) => void;
  /** A category's colour in this dataset's palette. */
  colourOf: (category: string) => string;
  /** Its palette slot, for markup that names a class rather than a colour (cluster rings). */
  slotOf: (category: string) => PaletteSlot;
  /** Its name for readers (categories.ts `labelOf`). */
  labelOf: (category: string) => string;
  /** Its name in the legend, under a heading naming the column (categories.ts `legendLabelOf`). */
  legendLabelOf: (category: string) => string;
  /** An event's title in the reader's language where the data has it (data/model/translations.ts). */
  titleOf: (event: DatasetEvent) => string;
  /** The event under the pointer or keyboard focus, in the list or on the map. */
  highlight: Store<string | null>;
  /** The events currently scrolled into view in the chronology. */
  listInView: Store<ReadonlySet<string>>;
  /** Where the map offers itself as the place the focus returns to. */
  focusHomes: FocusHomes;
  /** Told where the map looks after each move (read on demand, never re-rendering the page). */
  mapBounds: Store<GeoBounds | null>;
  /** A frame to show, asked for by the app (a story step's "Show"). */
  mapFrame: Store<{ bounds: GeoBounds } | null>;
}
