/**
 * The author's story draft, kept in this browser (IndexedDB) so that a reload or a closed tab
 * loses nothing. One draft per browser, tied to the dataset it was written for. What is read back
 * is checked for its shape: the store outlives any one version of the app.
 */
import { clear, createStore, getMany, setMany } from 'idb-keyval';
import type { Story, StoryImage, StoryStep, StoryView } from './story.ts';

/** A draft and the dataset it was written for: the `data=` value, or null for the bundled one. */
export interface StoryDraft {
  story: Story;
  dataset: string | null;
}

const STORY_KEY = 'story';
const DATASET_KEY = 'dataset';

let store: ReturnType<typeof createStore> | undefined;
function draftStore() {
  // Opened on first use: a page that never writes a story never opens the database.
  store ??= createStore('dateline-story-draft', 'draft');
  return store;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isDayOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isInteger(value));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isView(value: unknown): value is StoryView {
  if (!isRecord(value)) return false;
  const { bounds } = value;
  return (
    (value.selectedId === null || isString(value.selectedId)) &&
    isDayOrNull(value.from) &&
    isDayOrNull(value.to) &&
    isString(value.query) &&
    Array.isArray(value.categories) &&
    value.categories.every(isString) &&
    (bounds === null ||
      (isRecord(bounds) &&
        ['west', 'south', 'east', 'north'].every((side) => Number.isFinite(bounds[side]))))
  );
}

function isImage(value: unknown): value is StoryImage | null {
  return (
    value === null ||
    (isRecord(value) && isString(value.url) && isString(value.alt) && isString(value.credit))
  );
}

function isStep(value: unknown): value is StoryStep {
  return (
    isRecord(value) &&
    isString(value.title) &&
    isString(value.text) &&
    isView(value.view) &&
    isImage(value.image)
  );
}

/** A stored draft, or null when what is stored is not one (another version's, or damaged). */
export function draftFromStored(story: unknown, dataset: unknown): StoryDraft | null {
  if (
    !isRecord(story) ||
    !isString(story.title) ||
    !isString(story.description) ||
    !(story.coverId === null || isString(story.coverId)) ||
    !Array.isArray(story.steps) ||
    !story.steps.every(isStep) ||
    !(dataset === null || isString(dataset))
  )
    return null;
  return { story: story as unknown as Story, dataset };
}

/** The draft and its dataset; null when there is none (or the browser keeps no storage). */
export async function readStoryDraft(): Promise<StoryDraft | null> {
  const [story, dataset] = await getMany([STORY_KEY, DATASET_KEY], draftStore());
  return story === undefined ? null : draftFromStored(story, dataset ?? null);
}

/**
 * The draft as a story, for story mode's `?story=draft`; it may still be incomplete, so the
 * reader checks it with readStory like any story file.
 */
export async function readDraftStory(): Promise<Story | null> {
  return (await readStoryDraft())?.story ?? null;
}

/** Keeps the draft, with the dataset it is for, in one transaction. */
export async function saveDraftStory(story: Story, dataset: string | null): Promise<void> {
  await setMany(
    [
      [STORY_KEY, story],
      [DATASET_KEY, dataset],
    ],
    draftStore(),
  );
}

export async function clearDraftStory(): Promise<void> {
  await clear(draftStore());
}
