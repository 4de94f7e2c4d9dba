/**
 * Writes a Story as a story file (docs/stories.md): pretty JSON with the keys in the documented
 * order and every default left out, so a downloaded file reads like the documentation's example
 * and `readStory(JSON.parse(storyFileJson(story)))` gives back the same story.
 */
import { formatIsoDay } from '../model/calendar-day.ts';
import type { Story, StoryStep, StoryView } from './story.ts';

function viewJson(view: StoryView): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (view.selectedId !== null) json.event = view.selectedId;
  if (view.from !== null) json.from = formatIsoDay(view.from);
  if (view.to !== null) json.to = formatIsoDay(view.to);
  if (view.query !== '') json.q = view.query;
  if (view.categories.length > 0) json.categories = [...view.categories];
  if (view.bounds !== null) {
    const { west, south, east, north } = view.bounds;
    json.bounds = [west, south, east, north];
  }
  return json;
}

function stepJson(step: StoryStep): Record<string, unknown> {
  const json: Record<string, unknown> = {
    title: step.title,
    text: step.text,
    view: viewJson(step.view),
  };
  if (step.image !== null) {
    const { url, alt, credit } = step.image;
    json.image = { url, alt, credit };
  }
  return json;
}

/** The story as the text of a `.json` story file, ending with a newline. */
export function storyFileJson(story: Story): string {
  const json: Record<string, unknown> = { title: story.title, description: story.description };
  if (story.coverId !== null) json.cover = story.coverId;
  json.steps = story.steps.map(stepJson);
  return `${JSON.stringify(json, null, 2)}\n`;
}
