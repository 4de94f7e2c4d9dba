import { describe, expect, it } from 'vitest';
import type { Story } from '../../data/story/story.ts';
import { draftIssues, fieldLabel, visibleIssues } from './draft-issues.ts';

const VIEW = {
  selectedId: 'summit',
  from: null,
  to: null,
  query: '',
  categories: [],
  bounds: null,
};
const story = (patch: Partial<Story> = {}): Story => ({
  title: 'A story',
  description: '',
  coverId: null,
  steps: [{ title: 'The summit', text: '', view: VIEW, image: null }],
  ...patch,
});

describe('draftIssues', () => {
  it('finds nothing in a story a reader accepts', () => {
    expect(draftIssues(story())).toEqual([]);
  });

  it('finds what a reader refuses, by the file’s field', () => {
    const broken = story({
      title: '',
      steps: [
        {
          title: 'The summit',
          text: '',
          view: { ...VIEW, from: 19_900, to: 19_800 },
          image: { url: 'https://example.org/a.jpg', alt: '', credit: 'KCNA' },
        },
      ],
    });
    const fields = draftIssues(broken).map((issue) => issue.field);
    expect(fields).toEqual(['title', 'steps[0].view.to', 'steps[0].image.alt']);
    expect(draftIssues(story({ steps: [] })).map((issue) => issue.field)).toEqual(['steps']);
  });
});

describe('fieldLabel', () => {
  it('names a field as the editor shows it, steps counted from 1', () => {
    expect(fieldLabel('title')).toBe('Story title');
    expect(fieldLabel('description')).toBe('Description');
    expect(fieldLabel('steps')).toBe('Steps');
    expect(fieldLabel('steps[1].title')).toBe('Step 2, title');
    expect(fieldLabel('steps[0].image.url')).toBe('Step 1, image address');
    expect(fieldLabel('steps[0].image.alt')).toBe('Step 1, image alt text');
    expect(fieldLabel('steps[2].view.from')).toBe('Step 3, what it shows');
    expect(fieldLabel('steps[4]')).toBe('Step 5');
  });
});

describe('visibleIssues', () => {
  const issues = [
    { field: 'title', reason: 'title is empty' },
    { field: 'steps[0].image.alt', reason: 'alt is empty' },
    { field: 'steps[0].view.to', reason: 'is before from' },
  ];
  const withImage = story({
    title: '',
    steps: [
      {
        title: 'T',
        text: '',
        view: VIEW,
        image: { url: 'https://example.org/a.jpg', alt: '', credit: '' },
      },
    ],
  });

  it('shows an image’s issues as soon as it is begun, an empty field’s only after a download', () => {
    expect([...visibleIssues(issues, withImage, false)]).toEqual([
      ['steps[0].image.alt', 'alt is empty'],
    ]);
    expect([...visibleIssues(issues, withImage, true)]).toEqual([
      ['title', 'title is empty'],
      ['steps[0].image.alt', 'alt is empty'],
      ['steps[0].view', 'is before from'],
    ]);
  });

  it('shows a field’s issue once it has a value, and one message per field', () => {
    const long = [
      { field: 'title', reason: 'too long' },
      { field: 'title', reason: 'second' },
    ];
    expect([...visibleIssues(long, story({ title: 'x' }), false)]).toEqual([['title', 'too long']]);
  });
});
