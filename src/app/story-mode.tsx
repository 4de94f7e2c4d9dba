import { useCallback, useMemo, type ComponentType, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MapFrame } from '../features/map/story-frame.tsx';
import { StoryCard, StoryLoading, StoryProblem } from '../features/story/story-card.tsx';
import { useStoryKeys } from '../features/story/use-story-keys.ts';
import type { datasetQueryOptions } from '../data/loading/dataset-query.ts';
import type { StoryView } from '../data/story/story.ts';
import { storyOverview } from '../data/story/story-overview.ts';
import type { ExplorerAction } from '../data/url/explorer-actions.ts';
import {
  goToStep,
  readStep,
  repairForDataset,
  stepExplorerState,
  storySourceOf,
  type LinkRepairs,
} from '../data/url/story-url.ts';
import type { UrlState } from '../data/url/url-state.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import { datasetOf, forgetStoryReturn, rememberStoryReturn } from './story-links.tsx';
import { prepareBundledStory, useStory } from './use-story.ts';
import { stepNoticeText } from './step-notice.ts';
import { eventText } from '../data/model/translations.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/**
 * Story mode, ready for the app's first render at `state`: a bundled story's file is read first
 * (see prepareBundledStory).
 */
export async function storyModeFor(state: UrlState, base: string): Promise<typeof StoryMode> {
  await prepareBundledStory(storySourceOf(state, window.location.href), base);
  return StoryMode;
}

/** What story mode adds to the explorer: the card, and where the map should look. */
export interface StoryParts {
  card: ReactNode;
  /** Changes on every step; the map flies there (see features/map/story-frame.tsx). */
  mapFrame: MapFrame | null;
  /** The page's own state, the story's step: what Share hands out, rather than the step's view. */
  pageState: UrlState;
}

/**
 * This page's address with step `step` (0: the cover). Written from the address itself, as the
 * page's own parsing writes it back canonically anyway (use-url-corrections.ts).
 */
function withStep(step: number): string {
  const address = new URL(window.location.href);
  if (step > 0) address.searchParams.set('step', String(step));
  else address.searchParams.delete('step');
  return address.pathname + address.search.replace(/%2C/gi, ',');
}

/**
 * Explore takes the card, and the button with it, away: the explorer is drawn afresh, and its own
 * focus rescue (use-focus-rescue.ts) never saw the focus. Once it is drawn, the focus goes to the
 * selected entry of the chronology (the step's event), else to the search, as the rescue would.
 */
function keepFocusAfterLeaving(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      document
        .querySelector<HTMLElement>('#main [aria-current="true"] a, input[type="search"]')
        ?.focus();
    }),
  );
}

const NO_VIEW: StoryView = {
  selectedId: null,
  from: null,
  to: null,
  query: '',
  categories: [],
  bounds: null,
};

/**
 * What story mode uses of the explorer's first-load modules, handed in by App rather than
 * imported: importing them here would make the bundler move them out of the first load's chunk
 * into shared chunks, which costs the first load about 1.3 KB gzip (docs/decisions.md §12).
 */
export interface StoryKit {
  /** The site's base path (APP_BASE). */
  base: string;
  /** The dataset query's options for these params (the explorer's own query runs it). */
  datasetQuery: (params: readonly [string, string][]) => ReturnType<typeof datasetQueryOptions>;
  /** The explorer's link repairs (explorer-actions.ts, filter.ts). */
  repairs: LinkRepairs;
}

export interface StoryModeProps {
  /** The page's own URL: a story's address (`<base>stories/<id>` or `?story=`). */
  url: UrlStateApi;
  /**
   * The explorer, drawn with the step's view instead of the page's URL, and the story's parts.
   * Handed in by App (app.tsx), so that this chunk does not import app.tsx back.
   */
  explorer: ComponentType<{ url: UrlStateApi; story: StoryParts }>;
  kit: StoryKit;
}

/**
 * Reading a story (loaded only for a story's address): the explorer as usual, drawn with the
 * current step's view — its selection and filters as an explorer URL state, the map sent to its
 * bounds — and the step's card beside the map. The page's URL holds only the story and the step;
 * moving between steps pushes a history entry, so Back and Forward walk the steps. Any change the
 * reader makes to the view (a marker, a filter, Explore) leaves the story for the explorer at that
 * view, and the explorer then offers "Back to the story".
 */
export function StoryMode({ url, explorer: Explorer, kit }: StoryModeProps) {
  const { state, apply } = url;
  const source = useMemo(() => storySourceOf(state, window.location.href), [state]);
  // The explorer's own query loads the dataset (with its progress); this one only reads it.
  const datasetQuery = useQuery({ ...kit.datasetQuery(state.params), enabled: false });
  const dataset = datasetQuery.data?.kind === 'dataset' ? datasetQuery.data.dataset : undefined;
  const storyState = useStory(source, dataset, kit.base);
  const story = storyState.status === 'ready' ? storyState.story : null;
  const reading = readStep(state, story ? story.steps.length : null);
  const { step } = reading;
  const notice = reading.notice && stepNoticeText(reading.notice);

  // A step the story does not have is corrected like any malformed part of an address: the
  // explorer's URL corrections replace the entry and show the notice (use-url-corrections.ts).
  const correctedHref = story && notice !== null ? withStep(step) : url.correctedHref;
  const notices = useMemo(
    () => (story && notice !== null ? [...url.notices, notice] : url.notices),
    [story, notice, url.notices],
  );

  const current = story?.steps[step - 1];
  // Once the events are there: the cover's overview takes in the events its steps select.
  const overview = useMemo(
    () => (story && dataset ? storyOverview(story, dataset.events) : null),
    [story, dataset],
  );
  const view: StoryView = current
    ? current.view
    : story
      ? { ...NO_VIEW, selectedId: story.coverId, bounds: overview }
      : NO_VIEW;
  const knownCategories = useMemo(
    () => new Set(dataset?.events.map((event) => event.category) ?? []),
    [dataset],
  );
  const explorerState = useMemo(
    () =>
      dataset
        ? repairForDataset(
            stepExplorerState(state, view),
            dataset.events,
            knownCategories,
            kit.repairs,
          )
        : stepExplorerState(state, view),
    // The view's own fields, not its object: a story's steps are read once and never change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state, current, story, dataset, knownCategories, kit],
  );

  const storyTitle = story?.title ?? '';
  /** Leaves the story for the explorer at `next`, and remembers the step to come back to. */
  const leave = useCallback(
    (next: UrlState) => {
      if (storyTitle)
        rememberStoryReturn({
          href: withStep(step),
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
  const explore = () => {
    leave(explorerState);
    keepFocusAfterLeaving();
  };

  const card =
    storyState.status === 'ready' ? (
      <StoryCard
        story={storyState.story}
        step={step}
        coverTitle={
          coverEvent ? eventText(coverEvent, i18n.locale, dataset?.metadata.language).title : null
        }
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
        // With the frame: the cover's overview arrives with the dataset, and is shown then.
        key: `${JSON.stringify(source)}#${step}#${JSON.stringify(view.bounds)}`,
        bounds: view.bounds ?? null,
        selectedId: view.selectedId,
      }
    : null;
  return <Explorer url={explorerUrl} story={{ card, mapFrame, pageState: state }} />;
}
