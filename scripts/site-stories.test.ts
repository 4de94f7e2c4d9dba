import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { validateFeatureCollection } from '../src/data/model/validate.ts';
import { readStoriesFolder, storyIndex } from './site-stories.ts';

const events = validateFeatureCollection(
  makeFeatureCollection([
    makeFeature({
      id: 'summit',
      properties: { date: '2024-06', category: 'diplomacy', title: 'Summit pact' },
    }),
    makeFeature({
      id: 'strike',
      properties: { date: '2024-10-04?', category: 'strike', title: 'Strike' },
    }),
  ]),
).events;

const step = (view: Record<string, unknown>) => ({ title: 'A step', text: '', view });

function folderWith(files: Record<string, string>): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'dateline-stories-')), 'stories');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const story = (steps: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ title: 'A story', description: 'About it', ...extra, steps });

describe('readStoriesFolder', () => {
  it('reads every well-formed story whose events the dataset has, and lists them', async () => {
    const folder = folderWith({
      'the-pact.json': story([step({ event: 'summit', from: '2024-06-01', to: '2024-06-30' })], {
        cover: 'summit',
      }),
      'notes.txt': 'not a story',
    });
    const { stories, problems } = await readStoriesFolder(folder, events);
    expect(problems).toEqual([]);
    expect(storyIndex(stories)).toEqual([
      { id: 'the-pact', title: 'A story', description: 'About it', steps: 1 },
    ]);
  });

  it('is empty for a folder that does not exist', async () => {
    expect(await readStoriesFolder('/nowhere/stories', events)).toEqual({
      stories: [],
      problems: [],
    });
  });

  it('names the file, the step and the reason for each problem', async () => {
    const folder = folderWith({
      'a.json': story([step({ event: 'nowhere' }), step({ event: 'strike', from: '2024-10-05' })], {
        cover: 'gone',
      }),
      'b.json': story([step({ event: 'summit', categories: ['strike'], q: 'missile' })]),
      'c.json': '{ not json',
      'd.json': story([step({ from: '2024-13-01' })]),
      'Bad Name.json': story([step({})]),
      'index.json': '[]',
    });
    const { stories, problems } = await readStoriesFolder(folder, events);
    expect(stories).toEqual([]);
    const lines = problems.map((problem) => problem.replace(/^.*stories\//, ''));
    expect(lines).toEqual([
      'Bad Name.json: a story’s file name is its address, so it may hold only a–z, 0–9 and single hyphens (at most 100)',
      'a.json: cover: the dataset has no event "gone"',
      'a.json: steps[0] ("A step").view.event: the dataset has no event "nowhere"',
      'a.json: steps[1] ("A step").view: its event "strike" (4 Oct 2024?) falls outside the step’s dates, 2024-10-05 to …',
      'b.json: steps[0] ("A step").view.categories: its event "summit" is in "diplomacy", which the step’s categories (strike) leave out',
      'b.json: steps[0] ("A step").view.q: its event "summit" does not match the step’s search "missile"',
      expect.stringMatching(/^c\.json: not valid JSON \(/),
      'd.json: steps[0].view.from: "2024-13-01" is not a date in the form YYYY-MM-DD',
      'index.json: "index" is the name of the list of stories the build writes',
    ]);
  });
});
