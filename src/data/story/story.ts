/**
 * The validated shape of a story (docs/stories.md): a guided walk through one dataset's events,
 * step by step. A story file is read into these types by read-story.ts, which reports every broken
 * field the way the dataset's validator does; nothing else builds a Story from untrusted JSON.
 */
import type { Message } from '../../lib/i18n/message.ts';
import type { EventFilter } from '../model/event-filter.ts';
import type { GeoBounds } from '../query/selectors.ts';

/** What a step shows: the explorer's own filter, a selected event, and where the map looks. */
export interface StoryView extends EventFilter {
  /** The event the step selects (its card, its marker); null for none. */
  selectedId: string | null;
  /** The map's frame; null lets the map fit the step's events (or the selected event). */
  bounds: GeoBounds | null;
}

export interface StoryImage {
  /** Only ever an absolute http(s) URL. */
  url: string;
  /** Required: what the image shows, for readers who cannot see it. */
  alt: string;
  /** Required: who made it, shown under it. */
  credit: string;
}

export interface StoryStep {
  title: string;
  /** The step's text as written: the Markdown subset of docs/stories.md (story-text.ts reads it). */
  text: string;
  view: StoryView;
  image: StoryImage | null;
}

export interface Story {
  title: string;
  description: string;
  /** The event the story's cover shows; null for none. */
  coverId: string | null;
  /** In reading order; step n of the address `?step=n` is steps[n - 1]. */
  steps: StoryStep[];
}

/** One broken field of a story file, named like the dataset's issues: `steps[2].view.from`. */
export interface StoryIssue {
  field: string;
  /** In English, as `npm run validate:data` gives it. */
  reason: string;
  /** The same in a form the interface says in the reader's language (lib/i18n/message.ts). */
  message?: Message;
}

/** A story file read: the story, or every reason it could not be read (never both). */
export type StoryReading =
  { story: Story; issues: readonly [] } | { story: null; issues: StoryIssue[] };
