import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDay } from '../model/calendar-day.ts';
import { readStory } from './read-story.ts';
import type { Story, StoryStep } from './story.ts';
import { storyFileJson } from './write-story.ts';

const day = (value: string) => parseIsoDay(value) ?? Number.NaN;

const bareStep = (title: string): StoryStep => ({
  title,
  text: '',
  view: { selectedId: null, from: null, to: null, query: '', categories: [], bounds: null },
  image: null,
});

describe('storyFileJson', () => {
  it('writes the keys in the documented order and leaves defaults out', () => {
    const story: Story = {
      title: 'T',
      description: 'D',
      coverId: 'e1',
      steps: [
        {
          title: 'S',
          text: 'Hello *there*.',
          view: {
            selectedId: 'e1',
            from: day('2024-06-01'),
            to: day('2024-06-30'),
            query: 'pact',
            categories: ['diplomacy'],
            bounds: { west: 124, south: 37, east: 131.5, north: 43 },
          },
          image: { url: 'https://example.org/a.jpg', alt: 'A', credit: 'C' },
        },
        bareStep('Bare'),
      ],
    };
    const json = storyFileJson(story);
    expect(JSON.parse(json)).toEqual({
      title: 'T',
      description: 'D',
      cover: 'e1',
      steps: [
        {
          title: 'S',
          text: 'Hello *there*.',
          view: {
            event: 'e1',
            from: '2024-06-01',
            to: '2024-06-30',
            q: 'pact',
            categories: ['diplomacy'],
            bounds: [124, 37, 131.5, 43],
          },
          image: { url: 'https://example.org/a.jpg', alt: 'A', credit: 'C' },
        },
        { title: 'Bare', text: '', view: {} },
      ],
    });
    expect(json.indexOf('"title"')).toBeLessThan(json.indexOf('"description"'));
    expect(json.indexOf('"from"')).toBeLessThan(json.indexOf('"to"'));
    expect(json.endsWith('}\n')).toBe(true);
  });
});

const visible = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() !== '');
const dayNumber = fc.integer({ min: day('1900-01-01'), max: day('2100-12-31') });
const bounds = fc
  .record({
    west: fc.double({ min: -360, max: 350, noNaN: true }),
    width: fc.double({ min: 0.001, max: 10, noNaN: true }),
    south: fc.double({ min: -90, max: 80, noNaN: true }),
    height: fc.double({ min: 0.001, max: 10, noNaN: true }),
  })
  // JSON has no -0 (it writes 0), so none is generated: `+ 0` turns -0 into 0.
  .map(({ west, width, south, height }) => ({
    west: west + 0,
    south: south + 0,
    east: west + width,
    north: south + height,
  }));
const view = fc
  .record({
    selectedId: fc.option(visible, { nil: null }),
    range: fc.tuple(fc.option(dayNumber, { nil: null }), fc.option(dayNumber, { nil: null })),
    query: fc.string({ maxLength: 20 }).map((value) => value.trim()),
    categories: fc.uniqueArray(visible, { maxLength: 4 }),
    bounds: fc.option(bounds, { nil: null }),
  })
  .map(({ range: [a, b], ...rest }) => {
    const ordered = a !== null && b !== null && b < a ? [b, a] : [a, b];
    return { ...rest, from: ordered[0] ?? null, to: ordered[1] ?? null };
  });
const image = fc.option(
  fc.record({
    url: fc.webUrl({ validSchemes: ['http', 'https'] }),
    alt: visible,
    credit: visible,
  }),
  { nil: null },
);
// Text made of Markdown-ish pieces, without links (a link's address is checked on its own).
const text = fc
  .array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('*', '**', '_', '\n\n', '[a]')), {
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''))
  .filter((value) => !value.includes(']('));
const story = fc.record({
  title: visible,
  description: fc.string({ maxLength: 40 }),
  coverId: fc.option(visible, { nil: null }),
  steps: fc.array(fc.record({ title: visible, text, view, image }), {
    minLength: 1,
    maxLength: 5,
  }),
});

describe('a story survives being written and read', () => {
  it('readStory(JSON.parse(storyFileJson(story))) is the same story', () => {
    fc.assert(
      fc.property(story, (value: Story) => {
        const reading = readStory(JSON.parse(storyFileJson(value)));
        expect(reading.issues).toEqual([]);
        expect(reading.story).toEqual(value);
      }),
    );
  });
});
