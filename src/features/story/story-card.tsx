import { useEffect, useRef } from 'react';
import type { Story, StoryIssue } from '../../data/story/story.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { stepAnnouncement } from './story-steps.ts';
import { StoryText } from './story-text.tsx';
import './story.css';
import { sayReason } from '../../lib/i18n/say-reason.ts';

export interface StoryCardProps {
  story: Story;
  /** 0: the cover; 1 … steps.length: that step. */
  step: number;
  /** The cover event's title, shown on the cover; null for none (or not in the dataset). */
  coverTitle: string | null;
  /** The id of the event the step selects when the dataset has no such event. */
  missingId: string | null;
  onGo: (step: number) => void;
  onExplore: () => void;
}

/**
 * The story's card: its cover (title, description, the number of steps, Start) or one step (its
 * title, text, image and credit, "3 of 6", Previous, Next, Explore). The title takes the focus on
 * every change of step, so a screen reader reads on from there; the change is also announced.
 */
export function StoryCard({ story, step, coverTitle, missingId, onGo, onExplore }: StoryCardProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | null>(null);
  useEffect(
    function focusTitleOnStepChange() {
      // Not on the first drawing: a page that opens on a step keeps the browser's own start.
      if (shownStep.current !== null && shownStep.current !== step)
        titleRef.current?.focus({ preventScroll: false });
      shownStep.current = step;
    },
    [step],
  );
  const progressRef = useRef<HTMLSpanElement>(null);
  useEffect(
    function showProgress() {
      // Set from script: the Content Security Policy refuses style attributes in markup.
      if (progressRef.current)
        progressRef.current.style.width = `${(step / story.steps.length) * 100}%`;
    },
    [step, story.steps.length],
  );

  const count = story.steps.length;
  const current = story.steps[step - 1];
  return (
    <section className="story-card" aria-labelledby="story-card-title">
      <div className="story-card-top">
        <p className="story-kicker">{current ? story.title : i18n._('Story')}</p>
        {current && (
          <p className="story-position">{i18n._('{step} of {count}', { step, count })}</p>
        )}
      </div>
      {current && (
        <div className="story-progress" aria-hidden="true">
          <span ref={progressRef} />
        </div>
      )}
      {/* Focusable: a long step scrolls here, and a keyboard must be able to scroll it. */}
      <div className="story-card-body" tabIndex={0}>
        <h2 id="story-card-title" className="story-title" tabIndex={-1} ref={titleRef}>
          {current ? current.title : story.title}
        </h2>
        {current ? (
          <>
            {missingId !== null && (
              <p className="story-note">
                {i18n._(
                  'The event this step shows (“{id}”) is not in this dataset; the rest of the step is shown.',
                  { id: missingId },
                )}
              </p>
            )}
            <StoryText text={current.text} />
            {current.image && (
              <figure className="story-figure">
                <img src={current.image.url} alt={current.image.alt} loading="lazy" />
                <figcaption>{current.image.credit}</figcaption>
              </figure>
            )}
          </>
        ) : (
          <>
            {story.description && <p className="story-description">{story.description}</p>}
            {coverTitle && (
              <p className="story-cover-event" dir="auto">
                {coverTitle}
              </p>
            )}
            <p className="story-count">
              {i18n._('{count, plural, one {# step} other {# steps}}', { count })}
              <span className="story-keys-hint">
                {' · '}
                {i18n._('the arrow keys move through them')}
              </span>
            </p>
          </>
        )}
      </div>
      <nav className="story-nav" aria-label={i18n._('Story steps')}>
        {current ? (
          <>
            <button
              type="button"
              className="button"
              disabled={step <= 0}
              onClick={() => onGo(step - 1)}
            >
              <span aria-hidden="true">← </span>
              {i18n._('Previous')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={step >= count}
              onClick={() => onGo(step + 1)}
            >
              {i18n._('Next')}
              <span aria-hidden="true"> →</span>
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => onGo(1)}>
            {i18n._('Start')}
            <span aria-hidden="true"> →</span>
          </button>
        )}
        <button type="button" className="button story-explore" onClick={onExplore}>
          {i18n._('Explore')}
        </button>
      </nav>
      <div className="visually-hidden" aria-live="polite">
        {/* A live region speaks changes only: the step a page opens on is not announced. */}
        {stepAnnouncement(story, step)}
      </div>
    </section>
  );
}

/** How many issues the card lists before "and N more". */
const LISTED_ISSUES = 10;

export interface StoryProblemProps {
  /** The story file could not be fetched: the reason, and a way to try again. */
  failure: { message: string; onRetry: (() => void) | null; retrying: boolean } | null;
  /** The story file was read but is not a story: every broken field. */
  issues: readonly StoryIssue[];
  onExplore: () => void;
}

/** A story that cannot be read says why, and the events stay one click away. */
export function StoryProblem({ failure, issues, onExplore }: StoryProblemProps) {
  return (
    <section className="story-card story-card--problem" aria-labelledby="story-card-title">
      <div className="story-card-body">
        <h2 id="story-card-title" className="story-title" tabIndex={-1}>
          {failure ? i18n._('The story could not be loaded') : i18n._('This story cannot be read')}
        </h2>
        <div role="alert">
          {failure ? (
            <p>{failure.message}</p>
          ) : (
            <>
              <p>
                {i18n._(
                  'The story file has {count, plural, one {# problem} other {# problems}}, so none of it is shown:',
                  { count: issues.length },
                )}
              </p>
              <ul className="story-issues">
                {issues.slice(0, LISTED_ISSUES).map((issue, index) => (
                  <li key={index}>
                    <code>{issue.field}</code>: {sayReason(issue)}
                  </li>
                ))}
              </ul>
              {issues.length > LISTED_ISSUES && (
                <p>{i18n._('and {count} more', { count: issues.length - LISTED_ISSUES })}</p>
              )}
            </>
          )}
        </div>
      </div>
      <nav className="story-nav" aria-label={i18n._('Story')}>
        {failure?.onRetry && (
          <button
            type="button"
            className="button button-primary"
            disabled={failure.retrying}
            onClick={failure.onRetry}
          >
            {i18n._('Retry')}
          </button>
        )}
        <button type="button" className="button" onClick={onExplore}>
          {i18n._('Show all events')}
        </button>
      </nav>
    </section>
  );
}

/** While the story file loads. */
export function StoryLoading() {
  return (
    <section className="story-card" aria-busy="true" aria-label={i18n._('Story')}>
      <div className="story-card-body">
        <p className="story-kicker">{i18n._('Loading the story…')}</p>
      </div>
    </section>
  );
}
