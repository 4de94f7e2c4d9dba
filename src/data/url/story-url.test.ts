import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import { historyFor } from './explorer-actions.ts';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { eventPassesFilter } from '../query/filter.ts';
import { keepKnownCategories, widenToEvent } from './explorer-actions.ts';
import {
  goToStep,
  previewDraft,
  readStep,
  repairForDataset,
  stepExplorerState,
  storySourceOf,
} from './story-url.ts';
import {
  EMPTY_URL_STATE,
  isStoryAddress,
  parseUrl,
  serializeUrl,
  type UrlState,
} from './url-state.ts';

const PAGE = 'https://news.example/dateline/stories/x';

function withParams(params: [string, string][], extra: Partial<UrlState> = {}): UrlState {
  return { ...EMPTY_URL_STATE, params, ...extra };
}

describe('story addresses', () => {
  it('reads /stories/<id> as a bundled story and writes it back unchanged', () => {
    const parsed = parseUrl('/stories/north-korea', '?step=3', '/');
    expect(parsed.notices).toEqual([]);
    expect(parsed.correctedHref).toBeNull();
    expect(parsed.state.storyId).toBe('north-korea');
    expect(parsed.state.selectedId).toBeNull();
    expect(isStoryAddress(parsed.state)).toBe(true);
    expect(serializeUrl(parsed.state, '/')).toBe('/stories/north-korea?step=3');
    expect(storySourceOf(parsed.state, PAGE)).toEqual({ kind: 'bundled', id: 'north-korea' });
  });

  it('works under a sub-path and keeps the dataset beside the story', () => {
    const parsed = parseUrl('/news/stories/a/', '?data=%2Fx.csv&step=2&embed=1', '/news/');
    expect(parsed.state.storyId).toBe('a');
    expect(parsed.state.embed).toBe(true);
    expect(parsed.correctedHref).toBe('/news/stories/a?data=%2Fx.csv&step=2&embed=1');
  });

  it('refuses a story path that cannot be an id, with a notice', () => {
    const parsed = parseUrl('/stories/..', '', '/');
    expect(parsed.state.storyId).toBeUndefined();
    expect(parsed.notices).toHaveLength(1);
  });

  it('tells the story= values apart, resolving a relative address against the page', () => {
    const source = (value: string) => storySourceOf(withParams([['story', value]]), PAGE);
    expect(source('dataset')).toEqual({ kind: 'dataset' });
    expect(source('draft')).toEqual({ kind: 'draft' });
    expect(source('../files/s.json')).toEqual({
      kind: 'address',
      url: 'https://news.example/dateline/files/s.json',
    });
    expect(source('https://elsewhere.org/s.json')).toEqual({
      kind: 'address',
      url: 'https://elsewhere.org/s.json',
    });
    expect(source('javascript:alert(1)')).toEqual({
      kind: 'refused',
      value: 'javascript:alert(1)',
    });
    expect(source('')).toEqual({ kind: 'refused', value: '' });
  });

  it('is not a story without either', () => {
    expect(isStoryAddress(parseUrl('/events/a', '?data=x.csv', '/').state)).toBe(false);
  });
});

describe('readStep', () => {
  const step = (value: string | null, count: number | null) =>
    readStep(withParams(value === null ? [] : [['step', value]]), count);

  it('shows the cover without step=, and the step asked for', () => {
    expect(step(null, 6)).toEqual({ step: 0, notice: null });
    expect(step('3', 6)).toEqual({ step: 3, notice: null });
    expect(step('6', 6)).toEqual({ step: 6, notice: null });
  });

  it('sends step=0 and step=abc to the cover, saying so', () => {
    for (const value of ['0', 'abc', '-2', '2.5', '']) {
      const reading = step(value, 6);
      expect(reading.step).toBe(0);
      expect(reading.notice).toEqual({ kind: 'no-such-step', asked: value });
    }
  });

  it('sends a step past the end to the last step, saying so', () => {
    expect(step('99', 6)).toEqual({
      step: 6,
      notice: { kind: 'past-the-end', count: 6, asked: '99' },
    });
  });

  it('takes the number as it is until the story is read', () => {
    expect(step('99', null)).toEqual({ step: 99, notice: null });
  });
});

describe('goToStep', () => {
  it('writes the step after story=, keeping the rest', () => {
    const state = withParams([
      ['data', 'x.csv'],
      ['story', 's.json'],
    ]);
    expect(serializeUrl(goToStep(state, 2), '/')).toBe('/?data=x.csv&story=s.json&step=2');
    expect(goToStep(goToStep(state, 2), 0)).toEqual(state);
  });

  it('pushes a history entry between steps (Back walks the steps)', () => {
    const state = withParams([], { storyId: 'a' });
    expect(historyFor(goToStep(state, 1), goToStep(state, 2))).toBe('push');
    expect(historyFor(state, goToStep(state, 1))).toBe('push');
  });
});

describe('stepExplorerState', () => {
  const story = withParams(
    [
      ['data', 'x.csv'],
      ['story', 's.json'],
      ['step', '2'],
    ],
    { embed: true },
  );

  it('is the explorer at the step: its selection and filters, the dataset and embed kept', () => {
    const state = stepExplorerState(story, {
      selectedId: 'strike',
      from: parseIsoDay('2024-10-01'),
      to: null,
      query: 'officers',
      categories: ['strike'],
    });
    expect(serializeUrl(state, '/')).toBe(
      '/events/strike?from=2024-10-01&q=officers&cat=strike&data=x.csv&embed=1',
    );
  });
});

describe('repairForDataset (a step drawn over a dataset)', () => {
  const { events } = validateFeatureCollection(
    makeFeatureCollection([
      makeFeature({ id: 'summit', properties: { date: '2024-06', category: 'diplomacy' } }),
      makeFeature({ id: 'strike', properties: { date: '2024-10-04', category: 'strike' } }),
    ]),
  );
  const known = new Set(['diplomacy', 'strike']);
  const repairs = { keepKnownCategories, widenToEvent, eventPassesFilter };

  it('drops categories the dataset does not have and widens filters to show the selected event', () => {
    const repaired = repairForDataset(
      withParams([], {
        selectedId: 'summit',
        from: parseIsoDay('2024-09-01'),
        categories: ['strike', 'x'],
      }),
      events,
      known,
      repairs,
    );
    // strike kept, diplomacy added to show the summit: every category, which is written as none.
    expect(repaired.categories).toEqual([]);
    expect(repaired.from).toBeLessThanOrEqual(parseIsoDay('2024-06-01') ?? 0);
  });

  it('leaves a view that already shows its event, and a missing event, as they are', () => {
    const shown = withParams([], { selectedId: 'strike', categories: ['strike'] });
    expect(repairForDataset(shown, events, known, repairs)).toEqual(shown);
    const missing = withParams([], { selectedId: 'gone', from: parseIsoDay('2024-10-01') });
    expect(repairForDataset(missing, events, known, repairs)).toEqual(missing);
  });
});

describe('previewing the draft', () => {
  it('opens the draft over the same dataset, from its cover, as a new history entry', () => {
    const before = withParams(
      [
        ['data', 'https://data.example/events.csv'],
        ['story', 'https://x.example/old.json'],
        ['step', '2'],
      ],
      { selectedId: 'a', query: 'sinpo', from: parseIsoDay('2024-01-01'), play: 'week' },
    );
    const after = previewDraft(before);
    expect(serializeUrl(after, '/')).toBe(
      '/?data=https%3A%2F%2Fdata.example%2Fevents.csv&story=draft',
    );
    expect(storySourceOf(after, PAGE)).toEqual({ kind: 'draft' });
    expect(historyFor(before, after)).toBe('push');
  });
});
