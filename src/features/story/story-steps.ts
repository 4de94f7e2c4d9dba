import type { Story } from '../../data/story/story.ts';

/** "Step 3 of 6: Title", what a screen reader hears when the step changes. */
export function stepAnnouncement(story: Story, step: number): string {
  const current = story.steps[step - 1];
  return current
    ? `Step ${step} of ${story.steps.length}: ${current.title}`
    : `${story.title}: the story's cover, ${story.steps.length} steps`;
}
