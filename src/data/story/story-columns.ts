/**
 * The story a dataset carries in its `story_step` / `story_text` columns (docs/stories.md), for
 * authors who write in a spreadsheet: one step per event with a step number, in that order, each
 * selecting its event and titled by it. The importer has already refused bad or repeated step
 * numbers (as data issues), so here every number is a distinct positive integer.
 */
import type { DatasetEvent } from '../model/schema.ts';
import type { Story, StoryStep } from './story.ts';

/** The dataset's story, or null when no event has a step number. */
export function storyFromEvents(events: readonly DatasetEvent[], title: string): Story | null {
  const steps: { order: number; step: StoryStep }[] = [];
  for (const event of events) {
    if (event.story === undefined) continue;
    steps.push({
      order: event.story.step,
      step: {
        title: event.title,
        text: event.story.text,
        view: {
          selectedId: event.id,
          from: null,
          to: null,
          query: '',
          categories: [],
          bounds: null,
        },
        image: null,
      },
    });
  }
  if (steps.length === 0) return null;
  steps.sort((a, b) => a.order - b.order);
  return { title, description: '', coverId: null, steps: steps.map(({ step }) => step) };
}
