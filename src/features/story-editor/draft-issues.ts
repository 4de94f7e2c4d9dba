/**
 * What a story file made of the draft would be refused for, by field: readStory's own check of
 * storyFileJson's output, so the editor never refuses what a reader accepts, nor lets through
 * what a reader refuses.
 */
import { readStory } from '../../data/story/read-story.ts';
import type { Story, StoryIssue } from '../../data/story/story.ts';
import { storyFileJson } from '../../data/story/write-story.ts';

export function draftIssues(story: Story): readonly StoryIssue[] {
  return readStory(JSON.parse(storyFileJson(story))).issues;
}

const IMAGE_FIELDS: Record<string, string> = {
  url: 'image address',
  alt: 'image alt text',
  credit: 'image credit',
};

/** "Step 2, image credit": a field of the file as the editor names it (steps count from 1). */
export function fieldLabel(field: string): string {
  const match = /^steps\[(\d+)\](?:\.(\w+)(?:\.(\w+))?)?/.exec(field);
  if (!match) {
    if (field === 'title') return 'Story title';
    if (field === 'description') return 'Description';
    if (field === 'steps') return 'Steps';
    return field;
  }
  const step = `Step ${Number(match[1]) + 1}`;
  const [, , part, detail] = match;
  if (part === 'image') return `${step}, ${IMAGE_FIELDS[detail ?? ''] ?? 'image'}`;
  if (part === 'view') return `${step}, what it shows`;
  return part ? `${step}, ${part}` : step;
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
    if (attempted || begun(field, story)) shown.set(field, issue.reason);
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
