import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv, toGeoJson } from './export/export.ts';
import { validateFeatureCollection } from './model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../testing/dataset-factory.ts';
import { storyFromEvents } from './story/story-columns.ts';
import { EventPacker } from './import/event-packer.ts';
import { EventUnpacker } from './import/event-unpacker.ts';
import { importDataset } from './import/import-dataset.ts';
import type { DatasetEvent } from './model/schema.ts';

const encoder = new TextEncoder();

function importText(name: string, text: string) {
  const first = importDataset([{ name, bytes: encoder.encode(text) }], null, { sourceUrl: null });
  const outcome =
    first.kind === 'needs-mapping'
      ? importDataset(
          [{ name, bytes: encoder.encode(text) }],
          { mapping: first.proposal.mapping, dayOrder: first.proposal.dayOrder },
          { sourceUrl: null },
        )
      : first;
  if (outcome.kind !== 'dataset') throw new Error(`expected a dataset, got ${outcome.kind}`);
  return outcome.dataset;
}

const stepsOf = (events: readonly DatasetEvent[]) =>
  Object.fromEntries(events.map((event) => [event.id, event.story ?? null]));

describe('a CSV carries a story in story_step and story_text', () => {
  const csv = readFileSync('e2e/fixtures/stories/story-columns.csv', 'utf8');

  it('gives each row with a step its step and text, and the story reads in step order', () => {
    const dataset = importText('story-columns.csv', csv);
    expect(dataset.issues).toEqual([]);
    expect(stepsOf(dataset.events)).toEqual({
      summit: {
        step: 1,
        text: 'It began with a *pact*.\n\nEach side promised help if the other was attacked.',
      },
      strike: { step: 2, text: 'The first reports of losses.' },
      training: {
        step: 3,
        text: 'Then the troops **moved west**. See [the report](https://example.org/report).',
      },
      statement: null,
    });
    const story = storyFromEvents(dataset.events, 'Story columns');
    expect(story?.steps.map((step) => step.title)).toEqual([
      'Kim and Putin sign a defence pact',
      'Strike near Donetsk',
      'Troops train in the Russian Far East',
    ]);
  });

  it('keeps a row with a bad or repeated step number, without its step, and says why', () => {
    const header = 'id,date,title,latitude,longitude,source_url,story_step,story_text\n';
    const row = (id: string, step: string) =>
      `${id},2024-10-08,Event ${id},37.5,127,https://example.org/${id},${step},Text ${id}\n`;
    const dataset = importText(
      'bad-steps.csv',
      header +
        row('zero', '0') +
        row('minus', '-1') +
        row('half', '2.5') +
        row('word', 'two') +
        row('first', '1') +
        row('again', '1'),
    );
    expect(dataset.events).toHaveLength(6);
    expect(dataset.recordCount).toBe(6);
    expect(stepsOf(dataset.events)).toEqual({
      zero: null,
      minus: null,
      half: null,
      word: null,
      first: { step: 1, text: 'Text first' },
      again: null,
    });
    expect(
      dataset.issues.map(({ position, line, id, field, reason, shown }) => [
        position,
        line,
        id,
        field,
        reason,
        shown,
      ]),
    ).toEqual([
      [0, 2, 'zero', 'story_step', 'not a step number (1, 2, 3…): 0', true],
      [1, 3, 'minus', 'story_step', 'not a step number (1, 2, 3…): "-1"', true],
      [2, 4, 'half', 'story_step', 'not a step number (1, 2, 3…): "2.5"', true],
      [3, 5, 'word', 'story_step', 'not a step number (1, 2, 3…): "two"', true],
      [5, 7, 'again', 'story_step', 'step 1 is also the step of row 5', true],
    ]);
  });

  it('survives export to CSV and GeoJSON and import again', () => {
    const dataset = importText('story-columns.csv', csv);
    const fromCsv = importText('export.csv', toCsv(dataset.events));
    expect(stepsOf(fromCsv.events)).toEqual(stepsOf(dataset.events));
    const fromGeoJson = importText('export.geojson', toGeoJson(dataset.events, dataset.metadata));
    expect(stepsOf(fromGeoJson.events)).toEqual(stepsOf(dataset.events));
  });

  it('leaves the story columns out of a CSV export when no event has a step', () => {
    const dataset = validateFeatureCollection(makeFeatureCollection([makeFeature({ id: 'a' })]));
    expect(toCsv(dataset.events).split('\r\n')[0]).not.toContain('story_step');
  });
});

describe('a Dateline GeoJSON carries the story as storyStep / storyText', () => {
  const dataset = validateFeatureCollection(
    makeFeatureCollection([
      makeFeature({ id: 'a', properties: { storyStep: 2, storyText: 'Second' } }),
      makeFeature({ id: 'b', properties: { storyStep: 1 } }),
      makeFeature({ id: 'c', properties: { storyStep: 1.5, storyText: 'Lost' } }),
      makeFeature({ id: 'd' }),
    ]),
  );

  it('reads the steps, and warns about a bad one while showing its event', () => {
    expect(stepsOf(dataset.events)).toEqual({
      a: { step: 2, text: 'Second' },
      b: { step: 1, text: '' },
      c: null,
      d: null,
    });
    expect(dataset.issues).toMatchObject([
      {
        position: 2,
        id: 'c',
        field: 'properties.storyStep',
        reason: 'not a step number (1, 2, 3…): 1.5',
        shown: true,
      },
    ]);
  });

  it('sends the steps from the import worker to the page unchanged', () => {
    const unpacked: DatasetEvent[] = [];
    new EventUnpacker().unpack(new EventPacker().pack(dataset.events), unpacked);
    expect(unpacked).toEqual(dataset.events);
  });
});
