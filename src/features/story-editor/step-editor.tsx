import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { StoryStep } from '../../data/story/story.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { withElements } from '../../lib/i18n/with-elements.tsx';
import { setImageField } from './draft-edits.ts';

export interface StepEditorProps {
  step: StoryStep;
  /** 0-based place in the story. */
  index: number;
  count: number;
  /** "Selects “…” · 1 June – 31 Oct 2024 · map framed": what Show will show. */
  viewSummary: string;
  /** The message to show beside a field (readStory's reason), by the field's name in the file. */
  issueOf: (field: string) => string | null;
  dragging: boolean;
  handleProps: { onPointerDown: (downEvent: PointerEvent<HTMLElement>) => void };
  onChange: (step: StoryStep) => void;
  onMove: (by: -1 | 1, focused: string | null) => void;
  onDelete: () => void;
  onShow: () => void;
}

/** The field's message, tied to it by id; nothing when it has none. */
function FieldIssue({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="story-field-issue">
      {message}
    </p>
  ) : null;
}

/**
 * One step: its title, text, optional image and what it shows, with the buttons that move, show
 * and delete it. Alt+ArrowUp / Alt+ArrowDown anywhere in it move it too.
 */
export function StepEditor({
  step,
  index,
  count,
  viewSummary,
  issueOf,
  dragging,
  handleProps,
  onChange,
  onMove,
  onDelete,
  onShow,
}: StepEditorProps) {
  const id = useId();
  const number = index + 1;
  const path = `steps[${index}]`;
  const titleIssue = issueOf(`${path}.title`);
  const textIssue = issueOf(`${path}.text`);
  const viewIssue = issueOf(`${path}.view`);
  const image = step.image ?? { url: '', alt: '', credit: '' };
  const imageIssues = (['url', 'alt', 'credit'] as const).map((field) =>
    issueOf(`${path}.image.${field}`),
  );
  const imageIssue = issueOf(`${path}.image`);
  // Open at first when the step has an image; then the author's to open and close (a controlled
  // `open` would snap shut when the last of its fields is emptied, the focus inside).
  const [imageOpenAtFirst] = useState(step.image !== null);

  function onKeyDown(keyEvent: KeyboardEvent<HTMLElement>) {
    if (!keyEvent.altKey || (keyEvent.key !== 'ArrowUp' && keyEvent.key !== 'ArrowDown')) return;
    keyEvent.preventDefault();
    const focused =
      keyEvent.target instanceof HTMLElement ? (keyEvent.target.dataset.focusName ?? null) : null;
    onMove(keyEvent.key === 'ArrowUp' ? -1 : 1, focused);
  }

  return (
    <section
      className={`story-step${dragging ? ' story-step--dragging' : ''}`}
      aria-labelledby={`${id}-heading`}
      onKeyDown={onKeyDown}
    >
      <div className="story-step-head">
        <span
          className="story-step-handle"
          aria-hidden="true"
          title={i18n._('Drag to reorder')}
          data-testid="step-handle"
          {...handleProps}
        >
          <svg viewBox="0 0 12 20" width="12" height="20" focusable="false">
            {[3, 10, 17].map((y) =>
              [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />),
            )}
          </svg>
        </span>
        <h3 id={`${id}-heading`} className="story-step-number">
          {withElements(i18n._('Step {number} <ofCount/>', { number }), {
            ofCount: <span className="story-step-of">{i18n._('of {count}', { count })}</span>,
          })}
        </h3>
        <div className="story-step-tools">
          <button
            type="button"
            className="story-icon-button"
            aria-label={i18n._('Move up')}
            title={i18n._('Move up (Alt+↑)')}
            data-focus-name="up"
            disabled={index === 0}
            onClick={() => onMove(-1, 'up')}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M8 3 3 9h3.5v4h3V9H13z" />
            </svg>
          </button>
          <button
            type="button"
            className="story-icon-button"
            aria-label={i18n._('Move down')}
            title={i18n._('Move down (Alt+↓)')}
            data-focus-name="down"
            disabled={index === count - 1}
            onClick={() => onMove(1, 'down')}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M8 13 3 7h3.5V3h3v4H13z" />
            </svg>
          </button>
          <button
            type="button"
            className="story-icon-button story-icon-button--danger"
            aria-label={i18n._('Delete step')}
            title={i18n._('Delete step')}
            data-focus-name="delete"
            onClick={onDelete}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M6 2h4l.5 1H14v1.5H2V3h3.5zM3.5 6h9l-.7 8H4.2z" />
            </svg>
          </button>
        </div>
      </div>

      <label className="story-label" htmlFor={`${id}-title`}>
        {i18n._('Title')}
      </label>
      <input
        id={`${id}-title`}
        className="story-input"
        data-focus-name="title"
        data-step-title=""
        value={step.title}
        aria-invalid={titleIssue ? true : undefined}
        aria-describedby={titleIssue ? `${id}-title-issue` : undefined}
        onChange={(changeEvent) => onChange({ ...step, title: changeEvent.target.value })}
      />
      <FieldIssue id={`${id}-title-issue`} message={titleIssue} />

      <label className="story-label" htmlFor={`${id}-text`}>
        {i18n._('Text')}
      </label>
      <textarea
        id={`${id}-text`}
        className="story-input story-textarea"
        data-focus-name="text"
        rows={4}
        value={step.text}
        aria-invalid={textIssue ? true : undefined}
        aria-describedby={`${id}-hint${textIssue ? ` ${id}-text-issue` : ''}`}
        onChange={(changeEvent) => onChange({ ...step, text: changeEvent.target.value })}
      />
      <p id={`${id}-hint`} className="story-hint">
        {i18n._('Blank line for a new paragraph')} · <code>*{i18n._('emphasis')}*</code> ·{' '}
        <code>**{i18n._('strong')}**</code> · <code>[{i18n._('link')}](https://…)</code>
      </p>
      <FieldIssue id={`${id}-text-issue`} message={textIssue} />

      <details className="story-image" open={imageOpenAtFirst}>
        <summary>{step.image ? i18n._('Image') : i18n._('Image (optional)')}</summary>
        <div className="story-image-fields">
          {(['url', 'alt', 'credit'] as const).map((field, fieldIndex) => {
            const issue = imageIssues[fieldIndex] ?? (field === 'url' ? imageIssue : null);
            const fieldId = `${id}-image-${field}`;
            return (
              <div key={field} className="story-image-field">
                <label className="story-label" htmlFor={fieldId}>
                  {field === 'url'
                    ? i18n._('Image address (https://…)')
                    : field === 'alt'
                      ? i18n._('What the image shows (alt text)')
                      : i18n._('Credit')}
                </label>
                <input
                  id={fieldId}
                  className="story-input"
                  data-focus-name={`image-${field}`}
                  type={field === 'url' ? 'url' : 'text'}
                  inputMode={field === 'url' ? 'url' : undefined}
                  value={image[field]}
                  aria-invalid={issue ? true : undefined}
                  aria-describedby={issue ? `${fieldId}-issue` : undefined}
                  onChange={(changeEvent) =>
                    onChange(setImageField(step, field, changeEvent.target.value))
                  }
                />
                <FieldIssue id={`${fieldId}-issue`} message={issue} />
              </div>
            );
          })}
        </div>
      </details>

      <div className="story-step-view">
        <p className="story-step-view-summary">
          <span className="story-step-view-label">{i18n._('Shows')}</span> {viewSummary}
        </p>
        <button
          type="button"
          className="button story-show-button"
          data-focus-name="show"
          onClick={onShow}
        >
          {i18n._('Show')}
        </button>
      </div>
      <FieldIssue id={`${id}-view-issue`} message={viewIssue} />
    </section>
  );
}
