/**
 * What a story file made of the draft would be refused for, by field: readStory's own check of
 * storyFileJson's output, so the editor never refuses what a reader accepts, nor lets through
 * what a reader refuses.
 */
import { readStory } from '../../data/story/read-story.ts';
import type { Story, StoryIssue } from '../../data/story/story.ts';
import { storyFileJson } from '../../data/story/write-story.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { sayReason } from '../../lib/i18n/say-reason.ts';

export function draftIssues(story: Story): readonly StoryIssue[] {
  return readStory(JSON.parse(storyFileJson(story))).issues;
}

/** "Step 2, image credit": a field of the file as the editor names it (steps count from 1). */
export function fieldLabel(field: string): string {
  const match = /^steps\[(\d+)\](?:\.(\w+)(?:\.(\w+))?)?/.exec(field);
  if (!match) {
    if (field === 'title') return i18n._('Story title');
    if (field === 'description') return i18n._('Description');
    if (field === 'steps') return i18n._('Steps');
    return field;
  }
  const number = Number(match[1]) + 1;
  const [, , part, detail] = match;
  if (!part) return i18n._('Step {number}', { number });
  return i18n._('Step {number}, {field}', { number, field: stepFieldName(part, detail) });
}

/** A step's field as the editor names it ("image credit"); one it has no name for, as the file does. */
function stepFieldName(part: string, detail: string | undefined): string {
  if (part === 'image') {
    if (detail === 'url') return i18n._('image address');
    if (detail === 'alt') return i18n._('image alt text');
    if (detail === 'credit') return i18n._('image credit');
    return i18n._('image');
  }
  if (part === 'view') return i18n._('what it shows');
  if (part === 'title') return i18n._('title');
  if (part === 'text') return i18n._('text');
  return part;
}

/**
 * The field an issue is shown beside: a view's parts (`steps[0].view.from`) are shown beside the
 * view as a whole, since the editor shows the view in words, not field by field.
 */
function shownAt(field: string): string {
  const view = /^(steps\[\d+\]\.view)\./.exec(field);
  return view?.[1] ?? field;
}

/**
 * The message beside each field: every issue once a download was tried, else only those of a
 * field the author has begun (given a value), and of an image begun: its three fields go together.
 */
export function visibleIssues(
  issues: readonly StoryIssue[],
  story: Story,
  attempted: boolean,
): Map<string, string> {
  const shown = new Map<string, string>();
  for (const issue of issues) {
    const field = shownAt(issue.field);
    if (shown.has(field)) continue;
    if (attempted || begun(field, story)) shown.set(field, sayReason(issue));
  }
  return shown;
}

function begun(field: string, story: Story): boolean {
  if (field === 'title') return story.title !== '';
  if (field === 'description') return story.description !== '';
  const match = /^steps\[(\d+)\]\.(title|text|image)/.exec(field);
  const step = match ? story.steps[Number(match[1])] : undefined;
  if (!match || !step) return false;
  if (match[2] === 'image') return step.image !== null;
  return step[match[2] as 'title' | 'text'] !== '';
}
