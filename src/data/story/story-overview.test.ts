import { describe, expect, it } from 'vitest';
import type { DatasetEvent } from '../model/schema.ts';
import type { GeoBounds } from '../query/selectors.ts';
import type { Story, StoryStep } from './story.ts';
import { storyOverview } from './story-overview.ts';

function step(bounds: GeoBounds | null, selectedId: string | null = null): StoryStep {
  return {
    title: 'A step',
    text: '',
    image: null,
    view: { selectedId, from: null, to: null, query: '', categories: [], bounds },
  };
}

function story(coverId: string | null, ...steps: StoryStep[]): Story {
  return { title: 'A story', description: '', coverId, steps };
}

function at(id: string, longitude: number, latitude: number): DatasetEvent {
  return { id, longitude, latitude } as DatasetEvent;
}

const DONETSK = { west: 36, south: 46.5, east: 39, north: 49 };
const SINPO = { west: 127.5, south: 39.5, east: 129, north: 40.5 };
const EVENTS = [
  at('seoul', 126.98, 37.53),
  at('pyongyang', 125.75, 39.02),
  at('donetsk', 37.8, 48),
  at('elsewhere', -70, -30),
];

describe('storyOverview', () => {
  it('frames every step, every step’s event and the cover event at once', () => {
    // 36…129 °E and 37.53…49 °N, with a tenth of each on every side.
    const overview = storyOverview(
      story('seoul', step(DONETSK), step(null, 'pyongyang'), step(SINPO)),
      EVENTS,
    );
    expect(overview?.west).toBeCloseTo(36 - 9.3);
    expect(overview?.east).toBeCloseTo(129 + 9.3);
    expect(overview?.south).toBeCloseTo(37.53 - 1.147);
    expect(overview?.north).toBeCloseTo(49 + 1.147);
  });

  it('takes in the cover event when it lies outside every step’s frame', () => {
    const overview = storyOverview(story('pyongyang', step(SINPO)), EVENTS);
    expect(overview?.west).toBeLessThan(125.75);
    expect(overview?.south).toBeLessThan(39.02);
    expect(overview?.east).toBeGreaterThan(129);
    expect(overview?.north).toBeGreaterThan(40.5);
  });

  it('leaves out events no step and no cover names', () => {
    // Nothing as far west as Chile (−70 °E): only Donetsk and Sinpo, with their margin.
    const overview = storyOverview(story(null, step(SINPO), step(DONETSK)), EVENTS);
    expect(overview?.west).toBeCloseTo(36 - 9.3);
    expect(overview?.south).toBeCloseTo(39.5 - 0.95);
  });

  it('keeps its margin inside the world', () => {
    const poles = story(null, step({ west: -179, south: -84, east: 179, north: 84 }));
    expect(storyOverview(poles, EVENTS)).toEqual({ west: -180, south: -85, east: 180, north: 85 });
  });

  it('is null when there is no area: the cover shows its event up close', () => {
    expect(storyOverview(story(null, step(null)), EVENTS)).toBeNull();
    expect(storyOverview(story('seoul', step(null)), EVENTS)).toBeNull();
    expect(storyOverview(story('seoul', step(null, 'seoul')), EVENTS)).toBeNull();
  });

  it('is null when a frame crosses the antimeridian, rather than wrap the wrong way round', () => {
    const fiji = { west: 177, south: -19, east: -178, north: -16 };
    expect(storyOverview(story('seoul', step(SINPO), step(fiji)), EVENTS)).toBeNull();
  });
});
