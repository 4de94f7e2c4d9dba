import { lazy, Suspense, useEffect, useRef } from 'react';
import {
  captureStep,
  captureView,
  defaultStepTitle,
  describeStepView,
} from '../data/story/capture-step.ts';
import type { StoryView } from '../data/story/story.ts';
import { showView } from '../data/url/explorer-actions.ts';
import { previewDraft } from '../data/url/story-url.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { addStep } from '../features/story-editor/draft-edits.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { useStoreValue } from '../lib/store/store.ts';
import { useMediaQuery } from '../lib/use-media-query.ts';
import { addedStep, changeDraft, draftState, loadDraft, startOver } from './story-draft-state.ts';
import type { ExplorerView } from './use-explorer-view.ts';
import type { StorySlot } from './use-story-slot.ts';
import type { ViewLinks } from './view-links.ts';
import './story-authoring.css';

// The editor itself comes when the author opens it; this chunk only knows whether a draft exists.
const StoryEditor = lazy(() =>
  import('../features/story-editor/story-editor.tsx').then((module) => ({
    default: module.StoryEditor,
  })),
);

/** Up to this width the editor is a full-height sheet over the page, not a panel beside the map. */
const SHEET_QUERY = '(max-width: 899px)';

export interface StoryAuthoringProps {
  /** The way back to a kept draft (over the workspace), or the editor (beside the map). */
  part: 'line' | 'editor';
  slot: StorySlot;
  url: UrlStateApi;
  view: ExplorerView;
  links: ViewLinks;
}

const same = <T,>(value: T) => value;

/** Where the bold button name goes in the translated sentence. */
const SLOT = '\u0000';

/** The dataset a draft is written for: the `data=` value, null for the bundled dataset. */
function datasetOf(url: UrlStateApi): string | null {
  return url.state.params.find(([key]) => key === 'data')?.[1] ?? null;
}

function datasetName(dataset: string | null): string {
  if (dataset === null) return i18n._('the bundled dataset');
  return dataset.startsWith('local:')
    ? i18n._('{name} (a file)', { name: dataset.slice('local:'.length) })
    : dataset;
}

/** Writing a story in the explorer (README "Writing a story"): lazily loaded, never in a frame. */
export function StoryAuthoring(props: StoryAuthoringProps) {
  useEffect(loadDraft, []);
  return props.part === 'line' ? <DraftLine {...props} /> : <EditorPart {...props} />;
}

/** "Your story draft (3 steps)": shown while a draft is kept and the editor is closed. */
function DraftLine({ slot, url }: StoryAuthoringProps) {
  const state = useStoreValue(draftState, same);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const opened = slot.request.seq > 0;
  useEffect(
    function takeTheFocusBackFromTheEditor() {
      if (opened) buttonRef.current?.focus();
    },
    // Once, as it comes back when the editor closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.status],
  );
  if (state.status !== 'ready') return null;
  const { draft, dataset } = state;
  if (draft.steps.length === 0 && draft.title === '') return null;
  const count = draft.steps.length;
  return (
    <div className="story-draft-line">
      <button
        ref={buttonRef}
        type="button"
        className="button story-draft-button"
        onClick={slot.reopen}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M11.5 1.8 14.2 4.5 5.4 13.3 2 14l.7-3.4zM10.4 4 12 5.6" />
        </svg>
        {i18n._(
          '{count, plural, one {Your story draft (# step)} other {Your story draft (# steps)}}',
          { count },
        )}
      </button>
      {dataset !== datasetOf(url) && (
        <span className="story-draft-other">
          {i18n._('written for {dataset}', { dataset: datasetName(dataset) })}
        </span>
      )}
    </div>
  );
}

/** The editor with the draft, and what it asks of the explorer: the view now, and Show. */
function EditorPart({ slot, url, view, links }: StoryAuthoringProps) {
  const state = useStoreValue(draftState, same);
  const sheet = useMediaQuery(SHEET_QUERY);
  const focusRequest = useStoreValue(addedStep, same);
  const handledRequest = useRef(0);
  const dataset = datasetOf(url);

  function addView() {
    const current = draftState.get();
    if (current.status !== 'ready') return;
    const captured = captureView(url.state, links.mapBounds.get());
    const title = defaultStepTitle(
      captured,
      view.selectedEvent?.title ?? null,
      view.palette.labelOf,
    );
    const { draft, key } = addStep(current.draft, captureStep(captured, title, ''));
    changeDraft(draft, dataset);
    addedStep.set({ key });
  }

  const ready = state.status === 'ready';
  const { request } = slot;
  useEffect(function handleTheLatestRequest() {
    if (!ready || handledRequest.current === request.seq) return;
    handledRequest.current = request.seq;
    if (request.kind === 'add') addView();
  });

  function show(stepView: StoryView) {
    url.apply(showView, stepView);
    if (stepView.bounds) links.mapFrame.set({ bounds: stepView.bounds });
    // On a phone the sheet covers the map: it steps aside so the view can be seen.
    if (sheet) slot.close();
  }

  const placeholder = (
    <aside className="story-editor" aria-busy="true" aria-label={i18n._('Story draft')} />
  );
  if (state.status !== 'ready') return placeholder;
  // One sentence, with the button's name in bold where the language puts it.
  const [warningStart, warningEnd] = i18n
    ._(
      'This draft was written for {dataset}, not for the dataset open now. Its steps may select events this one does not have; {startOver} to write one for this dataset.',
      { dataset: datasetName(state.dataset), startOver: SLOT },
    )
    .split(SLOT) as [string, string?];
  const notice = (
    <>
      {state.dataset !== dataset && (
        <p className="story-editor-warning">
          {warningStart}
          <strong>{i18n._('Start over')}</strong>
          {warningEnd}
        </p>
      )}
      {state.saveError && (
        <p className="story-editor-warning" role="alert">
          {state.saveError}
        </p>
      )}
    </>
  );
  return (
    <Suspense fallback={placeholder}>
      <StoryEditor
        draft={state.draft}
        onChange={(draft) => changeDraft(draft, dataset)}
        focusRequest={focusRequest}
        sheet={sheet}
        notice={notice}
        describeView={(stepView) => describeStepView(stepView, view.titleOf, view.palette.labelOf)}
        onAddView={addView}
        onShow={show}
        onPreview={() => url.apply(previewDraft)}
        onStartOver={() => startOver(dataset)}
        onClose={slot.close}
      />
    </Suspense>
  );
}
