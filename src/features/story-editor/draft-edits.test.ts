import { describe, expect, it } from 'vitest';
import type { StoryStep } from '../../data/story/story.ts';
import {
  addStep,
  deleteStep,
  draftStory,
  editorDraft,
  EMPTY_DRAFT,
  moveStep,
  setImageField,
  storyFileName,
  updateStep,
} from './draft-edits.ts';
import { dropIndex, edgeScroll } from './use-step-drag.ts';

const VIEW = { selectedId: null, from: null, to: null, query: '', categories: [], bounds: null };
const step = (title: string): StoryStep => ({ title, text: '', view: VIEW, image: null });
const titles = (draft: ReturnType<typeof editorDraft>) =>
  draft.steps.map((keyed) => keyed.step.title);
const threeSteps = () =>
  editorDraft({ title: 'T', description: '', coverId: null, steps: ['A', 'B', 'C'].map(step) });

describe('a draft in the editor', () => {
  it('gives back the story it was made from, steps in order', () => {
    const story = { title: 'T', description: 'D', coverId: 'x', steps: [step('A'), step('B')] };
    expect(draftStory(editorDraft(story))).toEqual(story);
  });

  it('adds a step at the end under a key of its own', () => {
    const { draft, key } = addStep(threeSteps(), step('D'));
    expect(titles(draft)).toEqual(['A', 'B', 'C', 'D']);
    expect(draft.steps.at(-1)?.key).toBe(key);
    expect(new Set(draft.steps.map((keyed) => keyed.key)).size).toBe(4);
  });

  it('changes one step only', () => {
    const draft = threeSteps();
    const key = draft.steps[1]?.key ?? -1;
    const changed = updateStep(draft, key, (old) => ({ ...old, title: 'B2' }));
    expect(titles(changed)).toEqual(['A', 'B2', 'C']);
    expect(changed.steps[0]).toBe(draft.steps[0]);
  });
});

describe('moveStep', () => {
  it('moves a step up, down and to either end, keeping its key', () => {
    const draft = threeSteps();
    const keyC = draft.steps[2]?.key ?? -1;
    expect(titles(moveStep(draft, keyC, 1))).toEqual(['A', 'C', 'B']);
    expect(titles(moveStep(draft, keyC, 0))).toEqual(['C', 'A', 'B']);
    expect(moveStep(draft, keyC, 0).steps[0]?.key).toBe(keyC);
    const keyA = draft.steps[0]?.key ?? -1;
    expect(titles(moveStep(draft, keyA, 2))).toEqual(['B', 'C', 'A']);
  });

  it('stays put past either end or for an unknown key', () => {
    const draft = threeSteps();
    expect(moveStep(draft, draft.steps[0]?.key ?? -1, -1)).toBe(draft);
    expect(moveStep(draft, draft.steps[2]?.key ?? -1, 5)).toBe(draft);
    expect(moveStep(draft, 123456, 0)).toBe(draft);
  });
});

describe('deleteStep', () => {
  it('hands the focus to the step that takes its place, else the one before', () => {
    const draft = threeSteps();
    const [a, b, c] = draft.steps.map((keyed) => keyed.key);
    const middle = deleteStep(draft, b ?? -1);
    expect(titles(middle.draft)).toEqual(['A', 'C']);
    expect(middle.focusKey).toBe(c);
    expect(deleteStep(draft, c ?? -1).focusKey).toBe(b);
    const only = editorDraft({ ...draftStory(draft), steps: [step('A')] });
    expect(deleteStep(only, only.steps[0]?.key ?? -1)).toEqual({
      draft: { ...only, steps: [] },
      focusKey: null,
    });
    expect(a).toBeDefined();
  });
});

describe('setImageField', () => {
  it('starts an image with its first field and drops it when all three are emptied', () => {
    const withUrl = setImageField(step('A'), 'url', 'https://example.org/a.jpg');
    expect(withUrl.image).toEqual({ url: 'https://example.org/a.jpg', alt: '', credit: '' });
    const withAlt = setImageField(withUrl, 'alt', 'A map');
    expect(withAlt.image?.alt).toBe('A map');
    expect(setImageField(setImageField(withAlt, 'alt', ''), 'url', '').image).toBeNull();
  });
});

describe('storyFileName', () => {
  it('makes the title a file name', () => {
    expect(storyFileName('My story')).toBe('my-story.story.json');
    expect(storyFileName('  Kim’s summer: Pyongyang & Kursk!  ')).toBe(
      'kim-s-summer-pyongyang-kursk.story.json',
    );
    expect(storyFileName('Kyïv, été')).toBe('kyiv-ete.story.json');
    expect(storyFileName('북한군 파병')).toBe('북한군-파병.story.json');
  });

  it('falls back to "story" and stays short', () => {
    expect(storyFileName('')).toBe('story.story.json');
    expect(storyFileName('***')).toBe('story.story.json');
    expect(storyFileName('a'.repeat(100))).toBe(`${'a'.repeat(60)}.story.json`);
  });
});

describe('dropIndex', () => {
  it('is before the first step whose middle is below the pointer', () => {
    const middles = [100, 200, 300];
    expect(dropIndex(50, middles)).toBe(0);
    expect(dropIndex(150, middles)).toBe(1);
    expect(dropIndex(250, middles)).toBe(2);
    expect(dropIndex(350, middles)).toBe(3);
    expect(dropIndex(10, [])).toBe(0);
  });
});

describe('EMPTY_DRAFT', () => {
  it('has no title and no steps', () => {
    expect(draftStory(EMPTY_DRAFT)).toEqual({
      title: '',
      description: '',
      coverId: null,
      steps: [],
    });
  });
});

describe('edgeScroll', () => {
  it('scrolls up near the top, down near the bottom, faster nearer the edge', () => {
    expect(edgeScroll(300, 100, 500)).toBe(0);
    expect(edgeScroll(130, 100, 500)).toBeLessThan(0);
    expect(edgeScroll(101, 100, 500)).toBeLessThan(edgeScroll(130, 100, 500));
    expect(edgeScroll(50, 100, 500)).toBe(-12);
    expect(edgeScroll(480, 100, 500)).toBeGreaterThan(0);
    expect(edgeScroll(600, 100, 500)).toBe(12);
  });
});
