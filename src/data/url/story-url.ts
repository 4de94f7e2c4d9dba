/**
 * The story's part of the URL (docs/contracts.md §2, docs/stories.md): which story a page reads
 * and which step of it. `<base>stories/<id>` is parsed into `UrlState.storyId` by url-state.ts;
 * `story=` and `step=` stay in `params`, read here, by the lazily loaded story code only, so the
 * explorer's first load carries none of this. Like url-state.ts, nothing here throws on a
 * stranger's link: a bad value is corrected and said in a notice.
 */
// Types only from the explorer's URL modules: this module is in the story's chunk, and importing
// their code would make the bundler split them out of the first load (docs/decisions.md §12).
import type { EventFilter } from '../model/event-filter.ts';
import type { DatasetEvent } from '../model/schema.ts';
import type { eventPassesFilter } from '../query/filter.ts';
import type { keepKnownCategories, widenToEvent } from './explorer-actions.ts';
import type { UrlState } from './url-state.ts';

/** Where the story comes from. */
export type StorySource =
  /** `<base>stories/<id>`: a file that ships with the site, `<base>data/stories/<id>.json`. */
  | { kind: 'bundled'; id: string }
  /** `?story=<address>`: a story file anywhere (absolute, or relative to the page). */
  | { kind: 'address'; url: string }
  /** `?story=dataset`: the story in the dataset's own `story_step` / `story_text` columns. */
  | { kind: 'dataset' }
  /** `?story=draft`: the author's draft in this browser. */
  | { kind: 'draft' }
  /** `?story=` with something that is no address at all (`javascript:…`): said, never fetched. */
  | { kind: 'refused'; value: string };

const STORY_PARAM = 'story';
const STEP_PARAM = 'step';

/** The story a URL names, resolved against the page's address (`pageHref`). */
export function storySourceOf(state: UrlState, pageHref: string): StorySource {
  if (state.storyId !== undefined) return { kind: 'bundled', id: state.storyId };
  const value = (state.params.find(([key]) => key === STORY_PARAM)?.[1] ?? '').trim();
  if (value === 'dataset') return { kind: 'dataset' };
  if (value === 'draft') return { kind: 'draft' };
  try {
    const url = new URL(value, pageHref);
    if (value !== '' && (url.protocol === 'http:' || url.protocol === 'https:'))
      return { kind: 'address', url: url.href };
  } catch {
    // Not an address at all: refused below, like any other scheme.
  }
  return { kind: 'refused', value };
}

/** The address a bundled story's file is served at. */
export function bundledStoryUrl(id: string, base: string): string {
  return `${base}data/stories/${encodeURIComponent(id)}.json`;
}

/**
 * What was wrong with `step=`, as data: the page says it in the reader's language
 * (app/step-notice.ts). `asked` is the value as the address had it, cut at 20 characters.
 */
export type StepNotice =
  { kind: 'no-such-step'; asked: string } | { kind: 'past-the-end'; count: number; asked: string };

/** The step the address asks for: 0 is the cover, 1 … count the steps. */
export interface StepReading {
  step: number;
  /** What was wrong with `step=` and what is shown instead; null when nothing was. */
  notice: StepNotice | null;
}

/**
 * Reads `step=` against a story of `count` steps. A value that names no step goes to the cover
 * (`step=0`, `step=abc`) or, past the end (`step=99`), to the last step, and says so. Until the
 * story is read (`count` null), any whole number is taken as it is.
 */
export function readStep(state: UrlState, count: number | null): StepReading {
  const raw = state.params.find(([key]) => key === STEP_PARAM)?.[1];
  if (raw === undefined) return { step: 0, notice: null };
  const shown = raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) === 0)
    return {
      step: 0,
      notice: { kind: 'no-such-step', asked: shown },
    };
  const step = Number(raw);
  if (count !== null && step > count)
    return {
      step: count,
      notice: { kind: 'past-the-end', count, asked: shown },
    };
  return { step, notice: null };
}

/** Step `step` of the same story (0: the cover), the rest of the address kept. */
export function goToStep(state: UrlState, step: number): UrlState {
  const params = state.params.filter(([key]) => key !== STEP_PARAM);
  if (step > 0) {
    // Right after `story=` when there is one, so the address reads story, then step.
    const storyAt = params.findIndex(([key]) => key === STORY_PARAM);
    params.splice(storyAt === -1 ? params.length : storyAt + 1, 0, [STEP_PARAM, String(step)]);
  }
  return { ...state, params };
}

/** What a step shows: a selection and the explorer's filter. */
export interface StepView extends EventFilter {
  selectedId: string | null;
}

/**
 * The explorer's own state for a step's view: what Explore leaves to, and what the explorer is
 * drawn with while the step is read. The dataset (`data=`) and the reader view (`embed=1`) stay;
 * the story's address goes. Against a loaded dataset it is repaired (repairForDataset, below).
 */
export function stepExplorerState(state: UrlState, view: StepView): UrlState {
  return {
    selectedId: view.selectedId,
    from: view.from,
    to: view.to,
    query: view.query,
    categories: [...view.categories],
    embed: state.embed,
    // A story's step is a still frame: no playback settings carry into it.
    play: '',
    params: state.params.filter(([key]) => key !== STORY_PARAM && key !== STEP_PARAM),
  };
}

/** The explorer's own link repairs, handed in by the app (see the note on the imports above). */
export interface LinkRepairs {
  keepKnownCategories: typeof keepKnownCategories;
  widenToEvent: typeof widenToEvent;
  eventPassesFilter: typeof eventPassesFilter;
}

/**
 * A step's explorer state repaired against the dataset as a shared link is
 * (app/use-link-repairs.ts), without notices: categories the dataset does not have dropped,
 * filters that would hide the selected event widened to show it. The explorer's own repairs then
 * find nothing to do (they would leave the story: every change made in it does).
 */
export function repairForDataset(
  state: UrlState,
  events: readonly DatasetEvent[],
  knownCategories: ReadonlySet<string>,
  repairs: LinkRepairs,
): UrlState {
  const known = repairs.keepKnownCategories(state, knownCategories);
  const selected =
    state.selectedId === null ? null : events.find((event) => event.id === state.selectedId);
  return selected && !repairs.eventPassesFilter(selected, known)
    ? repairs.widenToEvent(known, selected, knownCategories.size)
    : known;
}

/**
 * The author's draft in story mode (`?story=draft`), from its cover: what the editor's Preview
 * opens. The dataset (`data=`) and the reader view stay; the explorer's own view goes, since the
 * story's steps decide what is shown.
 */
export function previewDraft(state: UrlState): UrlState {
  return {
    ...stepExplorerState(state, {
      selectedId: null,
      from: null,
      to: null,
      query: '',
      categories: [],
    }),
    params: [
      ...state.params.filter(([key]) => key !== STORY_PARAM && key !== STEP_PARAM),
      [STORY_PARAM, 'draft'],
    ],
  };
}
