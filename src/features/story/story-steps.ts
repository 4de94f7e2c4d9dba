import type { Story } from '../../data/story/story.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

/** "Step 3 of 6: Title", what a screen reader hears when the step changes. */
export function stepAnnouncement(story: Story, step: number): string {
  const current = story.steps[step - 1];
  const count = story.steps.length;
  return current
    ? i18n._('Step {step} of {count}: {title}', { step, count, title: current.title })
    : i18n._("{title}: the story's cover, {count, plural, one {# step} other {# steps}}", {
        title: story.title,
        count,
      });
}
