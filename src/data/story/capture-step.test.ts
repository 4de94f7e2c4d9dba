import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import {
  captureStep,
  captureView,
  defaultStepTitle,
  describeStepView,
  storyBounds,
} from './capture-step.ts';

const day = (iso: string) => {
  const parsed = parseIsoDay(iso);
  if (parsed === null) throw new Error(`not a day: ${iso}`);
  return parsed;
};
const label = (category: string) => category[0]?.toUpperCase() + category.slice(1);
const NOTHING = { selectedId: null, from: null, to: null, query: '', categories: [] };

describe('captureView', () => {
  it('keeps the selection, the filters and the rounded frame of the map', () => {
    const categories = ['strike'];
    const view = captureView(
      {
        selectedId: 'pyongyang-summit',
        from: day('2024-06-01'),
        to: day('2024-06-30'),
        query: 'summit',
        categories,
      },
      { west: 124.123456, south: 37.987654, east: 131.000049, north: 43.00005 },
    );
    expect(view).toEqual({
      selectedId: 'pyongyang-summit',
      from: day('2024-06-01'),
      to: day('2024-06-30'),
      query: 'summit',
      categories: ['strike'],
      bounds: { west: 124.1235, south: 37.9877, east: 131, north: 43.0001 },
    });
    // A copy: the explorer's own list is never shared with the draft.
    expect(view.categories).not.toBe(categories);
  });

  it('leaves the frame out when the map has not said where it looks', () => {
    expect(captureView(NOTHING, null).bounds).toBeNull();
  });
});

describe('storyBounds', () => {
  it('keeps latitudes on the globe and a frame wider than the world as the world', () => {
    expect(storyBounds({ west: -400, south: -95, east: 380, north: 91 })).toEqual({
      west: -180,
      south: -90,
      east: 180,
      north: 90,
    });
  });

  it('brings a frame panned round the world back to the first world', () => {
    expect(storyBounds({ west: -530, south: 30, east: -470, north: 40 })).toEqual({
      west: -170,
      south: 30,
      east: -110,
      north: 40,
    });
    expect(storyBounds({ west: 550, south: 30, east: 570, north: 40 })).toEqual({
      west: 190 - 360,
      south: 30,
      east: 210 - 360,
      north: 40,
    });
  });

  it('keeps a frame across the antimeridian as it is', () => {
    expect(storyBounds({ west: 170, south: -20, east: 190, north: 10 })).toEqual({
      west: 170,
      south: -20,
      east: 190,
      north: 10,
    });
  });
});

describe('defaultStepTitle', () => {
  it('is the selected event’s title', () => {
    expect(defaultStepTitle({ ...NOTHING, bounds: null }, '  Summit in Pyongyang ', label)).toBe(
      'Summit in Pyongyang',
    );
  });

  it('says the filters when nothing is selected', () => {
    const view = {
      ...NOTHING,
      from: day('2024-06-01'),
      to: day('2024-10-31'),
      query: 'submarine',
      categories: ['strike', 'statement'],
      bounds: null,
    };
    expect(defaultStepTitle(view, null, label)).toBe(
      '“submarine” · 1 June – 31 Oct 2024 · Strike, Statement',
    );
  });

  it('is "All events" without a selection or a filter', () => {
    expect(defaultStepTitle({ ...NOTHING, bounds: null }, null, label)).toBe('All events');
  });
});

describe('captureStep', () => {
  it('cuts a title longer than a story file takes', () => {
    expect(captureStep({ ...NOTHING, bounds: null }, 'x'.repeat(300), '').title).toHaveLength(200);
  });

  it('starts with the given title, the text and no image', () => {
    const view = { ...NOTHING, bounds: null };
    expect(captureStep(view, 'All events', '')).toEqual({
      title: 'All events',
      text: '',
      view,
      image: null,
    });
  });
});

describe('describeStepView', () => {
  const titles: Record<string, string> = { summit: 'The summit' };
  const titleOf = (id: string) => titles[id] ?? null;
  const bounds = { west: 1, south: 2, east: 3, north: 4 };

  it('names the event, the filters and the map area', () => {
    const view = {
      selectedId: 'summit',
      from: day('2024-06-01'),
      to: day('2024-06-30'),
      query: 'pact',
      categories: ['diplomacy'],
      bounds,
    };
    expect(describeStepView(view, titleOf, label)).toBe(
      '“The summit” · 1–30 June 2024 · search “pact” · Diplomacy · this map area',
    );
  });

  it('says "all events" when nothing narrows the view, and names a missing event', () => {
    expect(describeStepView({ ...NOTHING, bounds: null }, titleOf, label)).toBe('all events');
    expect(describeStepView({ ...NOTHING, selectedId: 'gone', bounds }, titleOf, label)).toBe(
      'an event not in this dataset (gone) · this map area',
    );
  });
});
