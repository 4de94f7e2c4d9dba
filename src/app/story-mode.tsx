import { useCallback, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MapFrame } from '../features/map/story-frame.tsx';
import { StoryCard, StoryLoading, StoryProblem } from '../features/story/story-card.tsx';
import { useStoryKeys } from '../features/story/use-story-keys.ts';
import { datasetQueryOptions, datasetSourceFrom } from '../data/loading/dataset-query.ts';
import { NO_FILTER } from '../data/model/event-filter.ts';
import type { StoryView } from '../data/story/story.ts';
import type { ExplorerAction } from '../data/url/explorer-actions.ts';
import { goToStep, readStep, stepExplorerState, storySourceOf } from '../data/url/story-url.ts';
import { serializeUrl, type UrlState } from '../data/url/url-state.ts';
import { APP_BASE, type UrlStateApi } from '../data/url/use-url-state.ts';
import { datasetOf, forgetStoryReturn, rememberStoryReturn } from './story-return.ts';
import { useStory } from './use-story.ts';

/** What story mode adds to the explorer: the card, and where the map should look. */
export interface StoryParts {
  card: ReactNode;
  /** Changes on every step; the map flies there (see features/map/story-frame.tsx). */
  mapFrame: MapFrame | null;
}

const NO_VIEW: StoryView = { selectedId: null, ...NO_FILTER, bounds: null };

export interface StoryModeProps {
  /** The page's own URL: a story's address (`<base>stories/<id>` or `?story=`). */
  url: UrlStateApi;
  /** The explorer, drawn with the step's view instead of the page's URL, and the story's parts. */
  renderExplorer: (url: UrlStateApi, story: StoryParts) => ReactNode;
}

/**
 * Reading a story (loaded only for a story's address): the explorer as usual, drawn with the
 * current step's view — its selection and filters as an explorer URL state, the map sent to its
 * bounds — and the step's card beside the map. The page's URL holds only the story and the step;
 * moving between steps pushes a history entry, so Back and Forward walk the steps. Any change the
 * reader makes to the view (a marker, a filter, Explore) leaves the story for the explorer at that
 * view, and the explorer then offers "Back to the story".
 */
export function StoryMode({ url, renderExplorer }: StoryModeProps) {
  const { state, apply } = url;
  const source = useMemo(() => storySourceOf(state, window.location.href), [state]);
  const datasetSource = useMemo(() => datasetSourceFrom(state.params), [state.params]);
  // The explorer's own query loads the dataset (with its progress); this one only reads it.
  const datasetQuery = useQuery({ ...datasetQueryOptions(datasetSource, null), enabled: false });
  const dataset = datasetQuery.data?.kind === 'dataset' ? datasetQuery.data.dataset : undefined;
  const storyState = useStory(source, dataset);
  const story = storyState.status === 'ready' ? storyState.story : null;
  const { step, notice } = readStep(state, story ? story.steps.length : null);

  // A step the story does not have is corrected like any malformed part of an address: the
  // explorer's URL corrections replace the entry and show the notice (use-url-corrections.ts).
  const correctedHref =
    story && notice !== null ? serializeUrl(goToStep(state, step), APP_BASE) : url.correctedHref;
  const notices = useMemo(
    () => (story && notice !== null ? [...url.notices, notice] : url.notices),
    [story, notice, url.notices],
  );

  const current = story?.steps[step - 1];
  const view: StoryView = current
    ? current.view
    : story
      ? { ...NO_VIEW, selectedId: story.coverId }
      : NO_VIEW;
  const knownCategories = useMemo(
    () => new Set(dataset?.events.map((event) => event.category) ?? []),
    [dataset],
  );
  const explorerState = useMemo(
    () =>
      stepExplorerState(state, view, dataset ? { events: dataset.events, knownCategories } : null),
    // The view's own fields, not its object: a story's steps are read once and never change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state, current, story, dataset, knownCategories],
  );

  const storyTitle = story?.title ?? '';
  /** Leaves the story for the explorer at `next`, and remembers the step to come back to. */
  const leave = useCallback(
    (next: UrlState) => {
      if (storyTitle)
        rememberStoryReturn({
          href: serializeUrl(goToStep(state, step), APP_BASE),
          title: storyTitle,
          dataset: datasetOf(state.params),
        });
      else forgetStoryReturn();
      apply(() => next);
    },
    [apply, state, step, storyTitle],
  );
  // Whatever the reader changes in the explorer (a marker, a filter, a key) starts from what the
  // step shows, and leaves the story.
  const explorerApply = useCallback(
    <Args extends unknown[]>(action: ExplorerAction<Args>, ...args: Args) =>
      leave(action(explorerState, ...args)),
    [leave, explorerState],
  );
  const explorerUrl: UrlStateApi = useMemo(
    () => ({ state: explorerState, notices, correctedHref, apply: explorerApply }),
    [explorerState, notices, correctedHref, explorerApply],
  );

  const count = story?.steps.length ?? 0;
  const go = useCallback(
    (target: number) => {
      if (target < 0 || target > count || target === step) return;
      apply(goToStep, target);
    },
    [apply, count, step],
  );
  useStoryKeys(story ? (direction) => go(step + direction) : null);

  const missingId =
    dataset &&
    current?.view.selectedId &&
    !dataset.events.some((e) => e.id === current.view.selectedId)
      ? current.view.selectedId
      : null;
  const coverEvent =
    story && !current && story.coverId
      ? (dataset?.events.find((event) => event.id === story.coverId) ?? null)
      : null;
  const explore = () => leave(explorerState);

  const card =
    storyState.status === 'ready' ? (
      <StoryCard
        story={storyState.story}
        step={step}
        coverTitle={coverEvent?.title ?? null}
        missingId={missingId}
        onGo={go}
        onExplore={explore}
      />
    ) : storyState.status === 'loading' ? (
      <StoryLoading />
    ) : (
      <StoryProblem
        failure={
          storyState.status === 'failed'
            ? {
                message: storyState.message,
                onRetry: storyState.retry,
                retrying: storyState.retrying,
              }
            : null
        }
        issues={storyState.status === 'invalid' ? storyState.issues : []}
        onExplore={() => {
          forgetStoryReturn();
          apply(() => explorerState);
        }}
      />
    );
  const mapFrame: MapFrame | null = story
    ? {
        key: `${JSON.stringify(source)}#${step}`,
        bounds: view.bounds ?? null,
        selectedId: view.selectedId,
      }
    : null;
  return renderExplorer(explorerUrl, { card, mapFrame });
}
