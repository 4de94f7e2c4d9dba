import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StoryView } from '../../data/story/story.ts';
import { storyFileJson } from '../../data/story/write-story.ts';
import { downloadText } from '../../lib/download.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { withElements } from '../../lib/i18n/with-elements.tsx';
import { deletedAnnouncement, movedAnnouncement } from './announcements.ts';
import {
  deleteStep,
  draftStory,
  moveStep,
  storyFileName,
  updateStep,
  type EditorDraft,
} from './draft-edits.ts';
import { draftIssues, fieldLabel, visibleIssues } from './draft-issues.ts';
import { StepEditor } from './step-editor.tsx';
import { useStepDrag } from './use-step-drag.ts';
import './story-editor.css';
import { sayReason } from '../../lib/i18n/say-reason.ts';

export interface StoryEditorProps {
  draft: EditorDraft;
  onChange: (draft: EditorDraft) => void;
  /** The step just added, whose title takes the focus (selected, to type over). */
  focusRequest: { key: number } | null;
  /** A full-height modal sheet (a phone) rather than a panel beside the map. */
  sheet: boolean;
  /** Said at the top: the draft is for another dataset, or could not be saved. */
  notice: ReactNode;
  /** What a step's view shows, in words ("Selects “…” · 1 June – 31 Oct 2024 · map framed"). */
  describeView: (view: StoryView) => string;
  onAddView: () => void;
  onShow: (view: StoryView) => void;
  /** Opens the draft in story mode; null where story mode cannot read a draft. */
  onPreview: (() => void) | null;
  onStartOver: () => void;
  onClose: () => void;
}

const MAX_LISTED_ISSUES = 5;

/**
 * The story editor: the story's title and description, its steps in order (each edited in place,
 * reordered by drag or by keyboard), and the ways out: Preview, Download story, Start over. What
 * would make the file unreadable is said beside the field, and Download refuses it.
 */
export function StoryEditor(props: StoryEditorProps) {
  const { draft, onChange, sheet, onClose } = props;
  const rootRef = useRef<HTMLElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [downloadProblem, setDownloadProblem] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Where the focus goes after the next render: a field or button of a step (by its key), or one
  // of the editor's own controls.
  const pendingFocus = useRef<{ key: number | null; name: string; select?: boolean } | null>(null);

  const story = useMemo(() => draftStory(draft), [draft]);
  const issues = useMemo(() => draftIssues(story), [story]);
  const shown = useMemo(() => visibleIssues(issues, story, attempted), [issues, story, attempted]);
  const issueOf = (field: string) => shown.get(field) ?? null;
  // A refusal is about the draft it was given: once every issue is fixed it goes.
  if (downloadProblem && issues.length === 0) setDownloadProblem(null);

  // Before the focus is placed below: showModal moves the focus into the dialog by itself.
  useLayoutEffect(
    function openAsModalSheet() {
      const dialog = dialogRef.current;
      if (!sheet || !dialog) return undefined;
      if (!dialog.open) dialog.showModal();
      return () => dialog.close();
    },
    [sheet],
  );

  // A step just added: its title takes the focus, once.
  const { focusRequest } = props;
  const focusedRequest = useRef<{ key: number } | null>(null);

  useLayoutEffect(function focusWhatWasAskedFor() {
    if (focusRequest && focusRequest !== focusedRequest.current) {
      focusedRequest.current = focusRequest;
      pendingFocus.current = { key: focusRequest.key, name: 'title', select: true };
    }
    const wanted = pendingFocus.current;
    const root = rootRef.current;
    if (!wanted || !root) return;
    pendingFocus.current = null;
    const scope =
      wanted.key === null ? root : root.querySelector(`[data-step-key="${wanted.key}"]`);
    let target = scope?.querySelector<HTMLElement>(`[data-focus-name="${wanted.name}"]`) ?? null;
    if (target instanceof HTMLButtonElement && target.disabled)
      target = scope?.querySelector<HTMLElement>('[data-focus-name="title"]') ?? null;
    target?.focus();
    if (wanted.select && target instanceof HTMLInputElement) target.select();
  });

  const keys = draft.steps.map((keyed) => keyed.key);
  const count = draft.steps.length;
  const titleOf = (key: number) =>
    draft.steps.find((keyed) => keyed.key === key)?.step.title.trim() ?? '';

  function move(key: number, to: number, focusName: string | null) {
    const moved = moveStep(draft, key, to);
    if (moved === draft) return;
    onChange(moved);
    const position = moved.steps.findIndex((keyed) => keyed.key === key) + 1;
    setAnnouncement(movedAnnouncement(titleOf(key), position, count));
    if (focusName) pendingFocus.current = { key, name: focusName };
  }

  const drag = useStepDrag(
    listRef,
    bodyRef,
    keys,
    (key, to) => onChange(moveStep(draft, key, to)),
    (key) => setAnnouncement(movedAnnouncement(titleOf(key), keys.indexOf(key) + 1, count)),
  );

  function remove(key: number) {
    const title = titleOf(key);
    const { draft: without, focusKey } = deleteStep(draft, key);
    onChange(without);
    setAnnouncement(deletedAnnouncement(title, without.steps.length));
    pendingFocus.current =
      focusKey === null ? { key: null, name: 'add-view' } : { key: focusKey, name: 'title' };
  }

  function download() {
    if (issues.length > 0) {
      setAttempted(true);
      setDownloadProblem(issues.map((issue) => `${fieldLabel(issue.field)}: ${sayReason(issue)}`));
      pendingFocus.current = { key: null, name: 'download-problem' };
      return;
    }
    const fileName = storyFileName(draft.title);
    downloadText(storyFileJson(story), fileName, 'application/json');
    setAnnouncement(i18n._('Downloaded {file}.', { file: fileName }));
  }

  const headingId = `${id}-heading`;
  const content = (
    <>
      <header className="story-editor-head">
        <div className="story-editor-title">
          <h2 id={headingId} className="story-editor-heading">
            {i18n._('Story draft')}
          </h2>
          <p className="story-editor-saved">{i18n._('Kept in this browser')}</p>
        </div>
        <button
          type="button"
          className="button story-start-over"
          data-focus-name="start-over"
          disabled={confirming}
          onClick={() => {
            setConfirming(true);
            pendingFocus.current = { key: null, name: 'confirm-start-over' };
          }}
        >
          {i18n._('Start over')}
        </button>
        <button
          type="button"
          className="story-icon-button story-editor-close"
          aria-label={i18n._('Close story editor')}
          title={i18n._('Close')}
          onClick={onClose}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="m4 3 4 4 4-4 1 1-4 4 4 4-1 1-4-4-4 4-1-1 4-4-4-4z" />
          </svg>
        </button>
      </header>
      <div ref={bodyRef} className="story-editor-body">
        {props.notice}
        <label className="story-label" htmlFor={`${id}-title`}>
          {i18n._('Story title')}
        </label>
        <input
          id={`${id}-title`}
          className="story-input story-title-input"
          value={draft.title}
          aria-invalid={issueOf('title') ? true : undefined}
          aria-describedby={issueOf('title') ? `${id}-title-issue` : undefined}
          onChange={(changeEvent) => onChange({ ...draft, title: changeEvent.target.value })}
        />
        {issueOf('title') && (
          <p id={`${id}-title-issue`} className="story-field-issue">
            {issueOf('title')}
          </p>
        )}
        <label className="story-label" htmlFor={`${id}-description`}>
          {i18n._('Description')}
        </label>
        <textarea
          id={`${id}-description`}
          className="story-input story-textarea"
          rows={2}
          value={draft.description}
          aria-invalid={issueOf('description') ? true : undefined}
          aria-describedby={issueOf('description') ? `${id}-description-issue` : undefined}
          onChange={(changeEvent) => onChange({ ...draft, description: changeEvent.target.value })}
        />
        {issueOf('description') && (
          <p id={`${id}-description-issue`} className="story-field-issue">
            {issueOf('description')}
          </p>
        )}

        <h3 className="story-steps-heading">
          {i18n._('Steps')} <span className="story-steps-count">{count}</span>
        </h3>
        {count === 0 ? (
          <p className="story-empty">
            {withElements(
              i18n._(
                'Each step is a view of the events: select one, set the dates, the search and the categories, move the map, then <button/>.',
              ),
              { button: <strong>{i18n._('Add this view')}</strong> },
            )}
          </p>
        ) : (
          <ol ref={listRef} className="story-steps" aria-label={i18n._('Steps')}>
            {draft.steps.map(({ key, step }, index) => (
              <li key={key} data-step-key={key} className="story-steps-item">
                <StepEditor
                  step={step}
                  index={index}
                  count={count}
                  viewSummary={props.describeView(step.view)}
                  issueOf={issueOf}
                  dragging={drag.draggingKey === key}
                  handleProps={drag.handleProps(key)}
                  onChange={(changed) => onChange(updateStep(draft, key, () => changed))}
                  onMove={(by, focused) => move(key, index + by, focused)}
                  onDelete={() => remove(key)}
                  onShow={() => props.onShow(step.view)}
                />
              </li>
            ))}
          </ol>
        )}
        {issueOf('steps') && <p className="story-field-issue">{issueOf('steps')}</p>}
      </div>
      <footer className="story-editor-actions">
        {downloadProblem && (
          <div
            className="story-download-problem"
            role="alert"
            tabIndex={-1}
            data-focus-name="download-problem"
          >
            <p>
              <strong>{i18n._('Not downloaded:')}</strong>{' '}
              {i18n._(
                '{count, plural, one {one field needs attention.} other {# fields need attention.}}',
                { count: downloadProblem.length },
              )}
            </p>
            <ul>
              {downloadProblem.slice(0, MAX_LISTED_ISSUES).map((line) => (
                <li key={line}>{line}</li>
              ))}
              {downloadProblem.length > MAX_LISTED_ISSUES && (
                <li>
                  {i18n._('and {count} more', {
                    count: downloadProblem.length - MAX_LISTED_ISSUES,
                  })}
                </li>
              )}
            </ul>
          </div>
        )}
        {confirming ? (
          <div className="story-confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>
              {i18n._('Delete this draft and start over? This cannot be undone.')}
            </p>
            <button
              type="button"
              className="button button-warning"
              data-focus-name="confirm-start-over"
              onClick={() => {
                setConfirming(false);
                setAttempted(false);
                setDownloadProblem(null);
                props.onStartOver();
                setAnnouncement(i18n._('Draft deleted. A new story is started.'));
                pendingFocus.current = { key: null, name: 'add-view' };
              }}
            >
              {i18n._('Delete draft')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                pendingFocus.current = { key: null, name: 'start-over' };
              }}
            >
              {i18n._('Keep it')}
            </button>
          </div>
        ) : (
          <div className="story-editor-buttons">
            <button
              type="button"
              className="button button-primary"
              data-focus-name="add-view"
              onClick={props.onAddView}
            >
              {i18n._('Add this view')}
            </button>
            {props.onPreview && (
              <button type="button" className="button" onClick={props.onPreview}>
                {i18n._('Preview')}
              </button>
            )}
            <button type="button" className="button" onClick={download}>
              {i18n._('Download story')}
            </button>
          </div>
        )}
      </footer>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );

  return sheet ? (
    <dialog
      ref={(element) => {
        dialogRef.current = element;
        rootRef.current = element;
      }}
      className="story-editor story-editor--sheet"
      aria-labelledby={headingId}
      onCancel={(cancelEvent) => {
        cancelEvent.preventDefault();
        onClose();
      }}
    >
      {content}
    </dialog>
  ) : (
    <aside ref={rootRef} className="story-editor" aria-labelledby={headingId}>
      {content}
    </aside>
  );
}
