import { describe, expect, it } from 'vitest';
import type { Story } from '../../data/story/story.ts';
import { stepAnnouncement } from './story-steps.ts';

const view = { selectedId: null, from: null, to: null, query: '', categories: [], bounds: null };
const story: Story = {
  title: 'From Pyongyang to Donetsk',
  description: '',
  coverId: null,
  steps: ['A pact', 'Sinpo', 'A submarine'].map((title) => ({
    title,
    text: '',
    view,
    image: null,
  })),
};

describe('stepAnnouncement', () => {
  it('names the step, its place and its title', () => {
    expect(stepAnnouncement(story, 2)).toBe('Step 2 of 3: Sinpo');
  });

  it('names the cover by the story’s title and its length', () => {
    expect(stepAnnouncement(story, 0)).toBe(
      "From Pyongyang to Donetsk: the story's cover, 3 steps",
    );
  });
});
