import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import { describeStoryIssue, readStory } from './read-story.ts';

const validFile = () => ({
  title: 'North Korean troops in Russia’s war',
  description: 'How the pact of June 2024 led to troops at the front.',
  cover: 'pyongyang-summit-defense-pact',
  steps: [
    {
      title: 'The summit',
      text: 'Putin and Kim signed a *mutual defence* pact.',
      view: {
        event: 'pyongyang-summit-defense-pact',
        from: '2024-06-01',
        to: '2024-06-30',
        q: ' pact ',
        categories: ['diplomacy'],
        bounds: [124, 37, 131, 43],
      },
      image: { url: 'https://example.org/a.jpg', alt: 'Two leaders', credit: 'Agency' },
    },
    { title: 'Casualties', text: '', view: {} },
  ],
});

function issuesOf(value: unknown): string[] {
  return readStory(value).issues.map(describeStoryIssue);
}

describe('readStory reads a well-formed story file', () => {
  it('keeps every field, as the explorer understands it', () => {
    const { story, issues } = readStory(validFile());
    expect(issues).toEqual([]);
    expect(story?.coverId).toBe('pyongyang-summit-defense-pact');
    expect(story?.steps[0]?.view).toEqual({
      selectedId: 'pyongyang-summit-defense-pact',
      from: parseIsoDay('2024-06-01'),
      to: parseIsoDay('2024-06-30'),
      query: 'pact',
      categories: ['diplomacy'],
      bounds: { west: 124, south: 37, east: 131, north: 43 },
    });
    expect(story?.steps[1]).toEqual({
      title: 'Casualties',
      text: '',
      view: { selectedId: null, from: null, to: null, query: '', categories: [], bounds: null },
      image: null,
    });
  });
});

describe('readStory refuses a broken file whole, naming every broken field', () => {
  it('says what the file is when it is not an object', () => {
    expect(issuesOf([1])).toEqual([
      'story: expected a JSON object with a title, a description and steps, got an array',
    ]);
    expect(readStory(null).story).toBeNull();
  });

  it('collects every issue, not just the first', () => {
    const file = validFile();
    const [first] = file.steps;
    if (!first) throw new Error('fixture');
    first.view.from = '2024-13-01';
    first.view.to = 'June';
    first.title = '  ';
    expect(issuesOf({ ...file, title: 3 })).toEqual([
      'title: expected text, got a number',
      'steps[0].title: title is empty',
      'steps[0].view.from: "2024-13-01" is not a date in the form YYYY-MM-DD',
      'steps[0].view.to: "June" is not a date in the form YYYY-MM-DD',
    ]);
  });

  it('reports missing fields and a story without steps', () => {
    expect(issuesOf({})).toEqual([
      'title: title is missing',
      'description: description is missing',
      'steps: steps is missing',
    ]);
    expect(issuesOf({ title: 'T', description: '', steps: [] })).toEqual([
      'steps: a story needs at least one step',
    ]);
    expect(issuesOf({ title: 'T', description: '', steps: [{ title: 'S' }] })).toEqual([
      'steps[0].text: text is missing',
      'steps[0].view: view is missing',
    ]);
  });

  it('reports keys a story file does not have, at every level', () => {
    const file = { ...validFile(), author: 'me' };
    const [first] = file.steps;
    if (!first) throw new Error('fixture');
    Object.assign(first, { notes: 'x' });
    Object.assign(first.view, { zoom: 5 });
    expect(issuesOf(file)).toEqual([
      'author: is not a story field (expected title, description, cover, steps)',
      'steps[0].notes: is not a story field (expected title, text, view, image)',
      'steps[0].view.zoom: is not a story field (expected event, from, to, q, categories, bounds)',
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    const file = validFile();
    Object.assign(file.steps[0]?.view ?? {}, { from: '2024-06-30', to: '2024-06-01' });
    expect(issuesOf(file)).toEqual(['steps[0].view.to: "2024-06-01" is before from "2024-06-30"']);
  });

  it.each([
    [
      [1, 2, 3],
      'steps[0].view.bounds: expected [west, south, east, north] in degrees, got an array',
    ],
    [
      [1, 2, 3, Number.NaN],
      'steps[0].view.bounds: expected [west, south, east, north] in degrees: four finite numbers',
    ],
    [
      [1, 2, 3, '4'],
      'steps[0].view.bounds: expected [west, south, east, north] in degrees: four finite numbers',
    ],
    [[0, -95, 10, 10], 'steps[0].view.bounds: south and north are latitudes, between -90 and 90'],
    [[0, 40, 10, 30], 'steps[0].view.bounds: south (40) must be below north (30)'],
    [[20, 30, 10, 40], 'steps[0].view.bounds: west (20) must be left of east (10)'],
    [[-200, 30, 170, 40], 'steps[0].view.bounds: the bounds span more than 360° of longitude'],
  ])('refuses the bounds %j', (bounds, message) => {
    const file = validFile();
    Object.assign(file.steps[0]?.view ?? {}, { bounds });
    expect(issuesOf(file)).toEqual([message]);
  });

  it('needs an image to have an http(s) url, alt text and a credit', () => {
    const file = validFile();
    Object.assign(file.steps[0] ?? {}, { image: { url: 'javascript:alert(1)', alt: '' } });
    expect(issuesOf(file)).toEqual([
      'steps[0].image.url: "javascript:alert(1)" is not an absolute http(s) address',
      'steps[0].image.alt: alt is empty',
      'steps[0].image.credit: credit is missing',
    ]);
  });

  it('refuses links that are not http(s) in a step’s text', () => {
    const file = validFile();
    Object.assign(file.steps[1] ?? {}, {
      text: 'See [this](javascript:alert(1)) and [that](/local).',
    });
    expect(issuesOf(file)).toEqual([
      'steps[1].text: the link "that" goes to "/local": a story links only to http(s) addresses',
    ]);
    Object.assign(file.steps[1] ?? {}, { text: 'See [this](javascript:void) now.' });
    expect(issuesOf(file)).toEqual([
      'steps[1].text: the link "this" goes to "javascript:void": a story links only to http(s) addresses',
    ]);
  });

  it('refuses empty, overlong or non-text event ids and categories', () => {
    const file = { ...validFile(), cover: '' };
    Object.assign(file.steps[0]?.view ?? {}, { event: 'x'.repeat(201), categories: ['a', 'a', 3] });
    expect(issuesOf(file)).toEqual([
      'cover: the event id is empty',
      'steps[0].view.event: event ids are at most 200 characters long',
      'steps[0].view.categories[1]: "a" is listed twice',
      'steps[0].view.categories[2]: expected a category name, got a number',
    ]);
  });

  it('caps the length of text', () => {
    const file = validFile();
    Object.assign(file.steps[1] ?? {}, { text: 'x'.repeat(10_001) });
    expect(issuesOf(file)).toEqual([
      'steps[1].text: is 10001 characters long; at most 10000 are allowed',
    ]);
  });

  it('never reads keys from the prototype', () => {
    const file = JSON.parse(
      '{"title":"T","description":"","steps":[{"title":"S","text":"","view":{"__proto__":{"event":"x"}}}]}',
    ) as unknown;
    expect(issuesOf(file)).toEqual([
      'steps[0].view.__proto__: is not a story field (expected event, from, to, q, categories, bounds)',
    ]);
  });
});
