/** The validated shapes of the dataset contract (docs/contracts.md §1). */
import type { EventDate } from './edtf.ts';
import type { Message } from '../../lib/i18n/message.ts';

export const LOCATION_PRECISIONS = ['exact', 'city', 'region', 'country'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export interface EventSource {
  publisher: string;
  title: string | null;
  /** The EDTF publication date as written, with its parsed interval. */
  published: EventDate | null;
  /** Only ever an absolute http(s) URL: anything else is reported, never linked. */
  url: string | null;
  quote: string | null;
  /**
   * The quote in other languages, by BCP 47 tag (`{ "ko": "…" }`): always shown as a translation,
   * under the quote, which itself stays verbatim.
   */
  quoteTranslations?: Record<string, string>;
}

/** An event's own text in another language; each field optional (docs/contracts.md §1). */
export interface EventTranslation {
  title?: string;
  summary?: string;
  place?: string;
}

export interface DatasetEvent {
  /** Stable slug, unique within the dataset; the key of every link. */
  id: string;
  /** True when the record had no id and one was derived from its content. */
  idDerived: boolean;
  /** 0-based position of the record in the file's `features` array. */
  position: number;
  title: string;
  summary: string;
  date: EventDate;
  place: string;
  country: string | null;
  longitude: number;
  latitude: number;
  /** null when the record does not say how precise its location is. */
  locationPrecision: LocationPrecision | null;
  category: string;
  tags: readonly string[];
  sources: EventSource[];
  related: readonly string[];
  /**
   * The event's place in the story the dataset carries (`story_step` / `story_text`, or the
   * GeoJSON properties `storyStep` / `storyText`): a positive step number, unique in the dataset.
   */
  story?: EventStory;
  /** The event's text in other languages, by BCP 47 tag (`translations.ts` picks the reader's). */
  translations?: Record<string, EventTranslation>;
}

interface EventStory {
  step: number;
  /** The step's text, in the Markdown subset of docs/stories.md; '' for none. */
  text: string;
}

/**
 * The one empty list of every event without tags or related events (most of them): a hundred
 * thousand empty arrays are a hundred thousand objects for the garbage collector. Frozen, because
 * it is shared.
 */
export const NO_TEXT: readonly string[] = Object.freeze([]);

/** How a published site names and colours one category (metadata.categories, contracts §4). */
export interface CategoryStyle {
  /** What the legend, chronology and social cards call it. */
  label?: string;
  /** A `#rrggbb` colour, used in both themes instead of the palette's. */
  colour?: string;
}

export interface DatasetMetadata {
  title: string;
  description: string;
  license: string;
  source: string;
  updated: string;
  /** The BCP 47 tag of the language the dataset's own text is written in, when it says. */
  language?: string;
  /** By category value as it is in the data; only well-formed entries are kept. */
  categories?: Record<string, CategoryStyle>;
}

/** One record that broke the contract: left out of the map and chronology, listed for the user. */
export interface DataIssue {
  /** 0-based position in `features`. */
  position: number;
  id: string | null;
  /** Dotted path of the offending field, e.g. `geometry.coordinates` or `properties.sources[0].url`. */
  field: string;
  /** In English, as scripts, exports and the command line give it. */
  reason: string;
  /** The same in a form the interface says in the reader's language (lib/i18n/message.ts). */
  message?: Message;
  /** For CSV files: the 1-based line on which the row starts. */
  line?: number;
  /**
   * True when the event is shown all the same, without the field named (a bad story step): the
   * issue is a warning about the record, and it is counted among the shown events, not apart.
   */
  shown?: true;
}

export interface Dataset {
  metadata: DatasetMetadata;
  /** Valid events in chronological order (start, end, id). */
  events: DatasetEvent[];
  issues: DataIssue[];
  /** Number of records in the file: events.length + the issues not `shown`. */
  recordCount: number;
}

export const DEFAULT_CATEGORY = 'other';
