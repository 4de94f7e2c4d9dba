/**
 * The stories a site publishes (docs/stories.md): the files of a `stories/` folder beside the
 * dataset (`data/stories/` for the bundled one), read with the app's own reader and checked
 * against the dataset they guide through. Used by `npm run validate:data`, the build
 * (prerender-events.ts) and the dev server (vite.config.ts), so all three agree on what a story is.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatEventDate } from '../src/data/model/date-label.ts';
import { formatIsoDay } from '../src/data/model/calendar-day.ts';
import { ID_PATTERN } from '../src/data/model/read-record.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import { eventPassesFilter } from '../src/data/query/filter.ts';
import { describeStoryIssue, readStory } from '../src/data/story/read-story.ts';
import type { Story } from '../src/data/story/story.ts';

export interface SiteStory {
  /** The file's name without `.json`: the story's address, `<base>stories/<id>`. */
  id: string;
  story: Story;
  /** The file as written, published unchanged. */
  text: string;
}

/** One entry of `<base>data/stories/index.json`, what the app offers. */
export interface StoryIndexEntry {
  id: string;
  title: string;
  description: string;
  /** How many steps the story has. */
  steps: number;
}

export function storyIndex(stories: readonly SiteStory[]): StoryIndexEntry[] {
  return stories.map(({ id, story }) => ({
    id,
    title: story.title,
    description: story.description,
    steps: story.steps.length,
  }));
}

function rangeText(from: number | null, to: number | null): string {
  return `${from === null ? '…' : formatIsoDay(from)} to ${to === null ? '…' : formatIsoDay(to)}`;
}

/**
 * What a valid story says that its dataset contradicts: an event id it does not have, or a step
 * whose own filters would hide the event it selects (the reader would see the step's event vanish
 * from the map and the list the moment the step opens).
 */
export function storyDatasetProblems(story: Story, events: readonly DatasetEvent[]): string[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const problems: string[] = [];
  if (story.coverId !== null && !byId.has(story.coverId))
    problems.push(`cover: the dataset has no event "${story.coverId}"`);
  story.steps.forEach(({ view, title }, index) => {
    const where = `steps[${index}] ("${title}")`;
    if (view.selectedId === null) return;
    const event = byId.get(view.selectedId);
    if (!event) {
      problems.push(`${where}.view.event: the dataset has no event "${view.selectedId}"`);
      return;
    }
    const dated = formatEventDate(event.date);
    if (!eventPassesFilter(event, { ...view, query: '', categories: [] }))
      problems.push(
        `${where}.view: its event "${event.id}" (${dated}) falls outside the step’s dates, ${rangeText(view.from, view.to)}`,
      );
    if (view.categories.length > 0 && !view.categories.includes(event.category))
      problems.push(
        `${where}.view.categories: its event "${event.id}" is in "${event.category}", which the step’s categories (${view.categories.join(', ')}) leave out`,
      );
    if (!eventPassesFilter(event, { from: null, to: null, query: view.query, categories: [] }))
      problems.push(
        `${where}.view.q: its event "${event.id}" does not match the step’s search "${view.query}"`,
      );
  });
  return problems;
}

/**
 * Every story in `folder` (none when it does not exist), and every problem, each prefixed with the
 * file it is in. A story with a problem is left out of `stories`.
 */
export async function readStoriesFolder(
  folder: string,
  events: readonly DatasetEvent[],
): Promise<{ stories: SiteStory[]; problems: string[] }> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { stories: [], problems: [] };
    throw error;
  }
  const stories: SiteStory[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    // Named from the working folder when it is inside it, else in full.
    const file = relative(process.cwd(), path).startsWith('..')
      ? path
      : relative(process.cwd(), path);
    const id = name.slice(0, -'.json'.length);
    if (id === 'index') {
      problems.push(`${file}: "index" is the name of the list of stories the build writes`);
      continue;
    }
    if (!ID_PATTERN.test(id) || id.length > 100) {
      problems.push(
        `${file}: a story’s file name is its address, so it may hold only a–z, 0–9 and single hyphens (at most 100)`,
      );
      continue;
    }
    const text = await readFile(join(folder, name), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error instanceof Error ? error.message : ''})`);
      continue;
    }
    const reading = readStory(json);
    const own = reading.story
      ? storyDatasetProblems(reading.story, events)
      : reading.issues.map(describeStoryIssue);
    if (reading.story && own.length === 0) stories.push({ id, story: reading.story, text });
    problems.push(...own.map((problem) => `${file}: ${problem}`));
  }
  return { stories, problems };
}
