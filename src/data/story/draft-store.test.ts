import { describe, expect, it } from 'vitest';
import { draftFromStored } from './draft-store.ts';

const step = {
  title: 'The summit',
  text: 'They *met*.',
  view: {
    selectedId: 'summit',
    from: 19875,
    to: null,
    query: '',
    categories: ['diplomacy'],
    bounds: { west: 124, south: 37, east: 131, north: 43 },
  },
  image: { url: 'https://example.org/a.jpg', alt: '', credit: '' },
};
const story = { title: 'A story', description: '', coverId: null, steps: [step] };

describe('draftFromStored', () => {
  it('gives back a draft kept by this version, incomplete fields and all', () => {
    expect(draftFromStored(story, 'https://example.org/events.csv')).toEqual({
      story,
      dataset: 'https://example.org/events.csv',
    });
    expect(draftFromStored({ ...story, steps: [] }, null)?.dataset).toBeNull();
  });

  it('refuses anything else, so a damaged store never reaches the editor', () => {
    expect(draftFromStored(null, null)).toBeNull();
    expect(draftFromStored('story', null)).toBeNull();
    expect(draftFromStored({ ...story, steps: 'none' }, null)).toBeNull();
    expect(draftFromStored({ ...story, steps: [{ ...step, title: 3 }] }, null)).toBeNull();
    expect(
      draftFromStored(
        { ...story, steps: [{ ...step, view: { ...step.view, from: '2024' } }] },
        null,
      ),
    ).toBeNull();
    expect(
      draftFromStored(
        { ...story, steps: [{ ...step, view: { ...step.view, bounds: { west: 1 } } }] },
        null,
      ),
    ).toBeNull();
    expect(draftFromStored({ ...story, steps: [{ ...step, image: { url: 1 } }] }, null)).toBeNull();
    expect(draftFromStored(story, 42)).toBeNull();
  });
});
