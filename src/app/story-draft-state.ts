/**
 * The story draft while the page is open: one store for the editor and the way back to it, loaded
 * from the browser's storage once and saved there after every change (draft-store.ts). Writes go
 * one at a time, the last change last, so a slow write never overtakes a newer one.
 */
import {
  EMPTY_DRAFT,
  draftStory,
  editorDraft,
  type EditorDraft,
} from '../features/story-editor/draft-edits.ts';
import { clearDraftStory, readStoryDraft, saveDraftStory } from '../data/story/draft-store.ts';
import { createStore } from '../lib/store/store.ts';
import { i18n } from '../lib/i18n/i18n.ts';

export type DraftState =
  | { status: 'loading' }
  | {
      status: 'ready';
      draft: EditorDraft;
      /** The dataset the draft was written for (`data=`, null for the bundled one). */
      dataset: string | null;
      /** Why the last save failed (private browsing, storage full); null when saved. */
      saveError: string | null;
    };

export const draftState = createStore<DraftState>({ status: 'loading' });

/** The step added last, whose title the editor focuses (a new object each time). */
export const addedStep = createStore<{ key: number } | null>(null);

let loading = false;
/** Reads the kept draft into the store, once per page. */
export function loadDraft(): void {
  if (loading) return;
  loading = true;
  readStoryDraft()
    .then((kept) =>
      draftState.set({
        status: 'ready',
        draft: kept ? editorDraft(kept.story) : EMPTY_DRAFT,
        dataset: kept?.dataset ?? null,
        saveError: null,
      }),
    )
    .catch(() =>
      draftState.set({
        status: 'ready',
        draft: EMPTY_DRAFT,
        dataset: null,
        saveError: i18n._(
          'This browser keeps no storage for the page: the draft lasts until the page is closed. Download it to keep it.',
        ),
      }),
    );
}

let writing: Promise<void> = Promise.resolve();

function keep(write: () => Promise<void>): void {
  writing = writing.then(write).then(
    () => {
      const state = draftState.get();
      if (state.status === 'ready' && state.saveError !== null)
        draftState.set({ ...state, saveError: null });
    },
    () => {
      const state = draftState.get();
      if (state.status === 'ready')
        draftState.set({
          ...state,
          saveError: i18n._('The draft could not be kept in this browser. Download it to keep it.'),
        });
    },
  );
}

/** A changed draft, kept at once; an empty draft takes the dataset it is now written for. */
export function changeDraft(draft: EditorDraft, currentDataset: string | null): void {
  const state = draftState.get();
  if (state.status !== 'ready') return;
  const empty = state.draft.steps.length === 0 && state.draft.title === '';
  const dataset = empty ? currentDataset : state.dataset;
  draftState.set({ ...state, draft, dataset });
  const story = draftStory(draft);
  keep(() => saveDraftStory(story, dataset));
}

/** Start over: the kept draft deleted, a new one begun for the dataset shown. */
export function startOver(currentDataset: string | null): void {
  const state = draftState.get();
  if (state.status !== 'ready') return;
  draftState.set({ ...state, draft: EMPTY_DRAFT, dataset: currentDataset });
  keep(clearDraftStory);
}
