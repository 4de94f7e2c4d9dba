import type { ReactNode } from 'react';
import type { FocusHomes } from '../../lib/focus-homes.ts';
import type { Store } from '../../lib/store/store.ts';

/** What the chronology is given by the app; it never knows about the map. */
export interface ChronologyLinks {
  select: (id: string) => void;
  /** A category's colour in this dataset's palette. */
  colourOf: (category: string) => string;
  /** Its name for readers (categories.ts `labelOf`). */
  labelOf: (category: string) => string;
  /** The href of an event's own page, for real links that open in a new tab too. */
  eventHref: (id: string) => string;
  /** The language the dataset's own text is written in, when it says (metadata.language). */
  originalLanguage?: string;
  highlight: Store<string | null>;
  listInView: Store<ReadonlySet<string>>;
  /** Where the list offers itself as the place the focus returns to, and focuses an entry. */
  focusHomes: FocusHomes;
  /** The selected event's details, rendered inside its entry. */
  /** `titleId` is the id of the entry's title heading, which also names the details. */
  renderDetail: (eventId: string, titleId: string) => ReactNode;
}
