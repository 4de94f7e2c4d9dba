import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { storyFromEvents } from './story-columns.ts';

function events(steps: Record<string, { step: number; text: string } | undefined>) {
  const dataset = validateFeatureCollection(
    makeFeatureCollection(
      Object.keys(steps).map((id) => makeFeature({ id, properties: { title: `Title ${id}` } })),
    ),
  );
  return dataset.events.map((event) => {
    const story = steps[event.id];
    return story ? { ...event, story } : event;
  });
}

describe('storyFromEvents', () => {
  it('makes one step per event with a step number, in step order, each selecting its event', () => {
    const story = storyFromEvents(
      events({
        a: { step: 3, text: 'Third.' },
        b: undefined,
        c: { step: 1, text: 'First, *with* emphasis.' },
        d: { step: 2, text: '' },
      }),
      'The dataset',
    );
    expect(story?.title).toBe('The dataset');
    expect(story?.coverId).toBeNull();
    expect(story?.steps.map((step) => [step.title, step.text, step.view.selectedId])).toEqual([
      ['Title c', 'First, *with* emphasis.', 'c'],
      ['Title d', '', 'd'],
      ['Title a', 'Third.', 'a'],
    ]);
    expect(story?.steps[0]?.view).toEqual({
      selectedId: 'c',
      from: null,
      to: null,
      query: '',
      categories: [],
      bounds: null,
    });
  });

  it('is null for a dataset without a story', () => {
    expect(storyFromEvents(events({ a: undefined }), 'T')).toBeNull();
    expect(storyFromEvents([], 'T')).toBeNull();
  });
});
