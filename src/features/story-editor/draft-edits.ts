/**
 * The editor's changes to a draft, as pure functions. The editor keeps each step under a key of
 * its own (a story file has no step ids): React and the focus follow a step through moves by it.
 */
import type { Story, StoryStep } from '../../data/story/story.ts';

interface KeyedStep {
  key: number;
  step: StoryStep;
}

/** The story being written: the file's fields, with the steps keyed. */
export interface EditorDraft {
  title: string;
  description: string;
  coverId: string | null;
  steps: KeyedStep[];
}

let lastKey = 0;
function nextKey(): number {
  lastKey += 1;
  return lastKey;
}

export function editorDraft(story: Story): EditorDraft {
  return {
    title: story.title,
    description: story.description,
    coverId: story.coverId,
    steps: story.steps.map((step) => ({ key: nextKey(), step })),
  };
}

export function draftStory(draft: EditorDraft): Story {
  return {
    title: draft.title,
    description: draft.description,
    coverId: draft.coverId,
    steps: draft.steps.map(({ step }) => step),
  };
}

export const EMPTY_DRAFT: EditorDraft = { title: '', description: '', coverId: null, steps: [] };

export function addStep(draft: EditorDraft, step: StoryStep): { draft: EditorDraft; key: number } {
  const key = nextKey();
  return { draft: { ...draft, steps: [...draft.steps, { key, step }] }, key };
}

export function updateStep(
  draft: EditorDraft,
  key: number,
  change: (step: StoryStep) => StoryStep,
): EditorDraft {
  return {
    ...draft,
    steps: draft.steps.map((keyed) =>
      keyed.key === key ? { key, step: change(keyed.step) } : keyed,
    ),
  };
}

/** The step moved to `to` (0-based, clamped to the list); unchanged when it is already there. */
export function moveStep(draft: EditorDraft, key: number, to: number): EditorDraft {
  const from = draft.steps.findIndex((keyed) => keyed.key === key);
  const target = Math.max(0, Math.min(draft.steps.length - 1, to));
  if (from === -1 || from === target) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(from, 1);
  if (moved) steps.splice(target, 0, moved);
  return { ...draft, steps };
}

/**
 * Without the step, and the key of the step the focus goes to: the one that took its place, else
 * the one before it; null when none is left.
 */
export function deleteStep(
  draft: EditorDraft,
  key: number,
): { draft: EditorDraft; focusKey: number | null } {
  const index = draft.steps.findIndex((keyed) => keyed.key === key);
  if (index === -1) return { draft, focusKey: null };
  const steps = draft.steps.filter((keyed) => keyed.key !== key);
  const neighbour = steps[index] ?? steps[index - 1] ?? null;
  return { draft: { ...draft, steps }, focusKey: neighbour?.key ?? null };
}

/** The step an image's fields are for: a url with no alt or credit yet is still an image. */
export function setImageField(
  step: StoryStep,
  field: 'url' | 'alt' | 'credit',
  value: string,
): StoryStep {
  const image = { ...(step.image ?? { url: '', alt: '', credit: '' }), [field]: value };
  const empty = image.url === '' && image.alt === '' && image.credit === '';
  return { ...step, image: empty ? null : image };
}

/** "north-korea-s-summer.story.json": the title as a file name a reader's system accepts. */
export function storyFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Hangul comes apart under NFKD: put it back together.
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'story'}.story.json`;
}
