import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDatasetText } from '../model/validate.ts';
import { closestEvents } from './closest.ts';

const { events } = parseDatasetText(
  readFileSync(new URL('../../../data/events.geojson', import.meta.url), 'utf8'),
);

describe('the closest events to a missing id', () => {
  it('finds a renamed or shortened event by the words it shares', () => {
    expect(closestEvents('pyongyang-summit', events)[0]?.id).toBe('pyongyang-summit-defense-pact');
    expect(closestEvents('sinpo-missile-test', events).map((event) => event.id)).toContain(
      'sinpo-cruise-missile-tests',
    );
    expect(closestEvents('donetsk', events)[0]?.id).toBe('donetsk-strike-north-korean-officers');
  });

  it('offers nothing for an id that shares nothing', () => {
    expect(closestEvents('zeppelin-over-lisbon', events)).toEqual([]);
    expect(closestEvents('', events)).toEqual([]);
  });

  it('offers at most three', () => {
    expect(closestEvents('north-korea', events).length).toBeLessThanOrEqual(3);
  });
});
