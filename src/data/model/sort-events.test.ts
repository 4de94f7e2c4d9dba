import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareEvents, sortChronologically } from './sort-events.ts';
import type { DatasetEvent } from './schema.ts';

function event(id: string, start: number, end: number): DatasetEvent {
  const point = {
    precision: 'day' as const,
    year: 2024,
    month: 1,
    day: 1,
    qualifier: null,
    time: null,
    start,
    end,
  };
  return {
    id,
    idDerived: false,
    position: 0,
    title: id,
    summary: '',
    date: { edtf: '2024', start, end, from: point, to: null },
    place: '',
    country: null,
    longitude: 0,
    latitude: 0,
    locationPrecision: null,
    category: 'other',
    tags: [],
    sources: [],
    related: [],
  };
}

describe('sortChronologically', () => {
  it('orders as compareEvents does: start, end, then id, ties included (1,000 lists)', () => {
    const events = fc.array(
      fc
        .tuple(fc.stringMatching(/^[a-c]{1,3}$/), fc.integer({ min: -3, max: 3 }), fc.nat(3))
        .map(([id, start, span]) => event(id, start, start + span)),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(events, (list) => {
        const expected = [...list].sort(compareEvents);
        const sorted = [...list];
        sortChronologically(sorted);
        expect(sorted.map((item) => [item.date.start, item.date.end, item.id])).toEqual(
          expected.map((item) => [item.date.start, item.date.end, item.id]),
        );
        // Nothing lost or repeated.
        expect(new Set(sorted)).toEqual(new Set(list));
      }),
      { numRuns: 1000 },
    );
  });

  const sortsAsCompareEventsDoes = (day: fc.Arbitrary<number>, span: fc.Arbitrary<number>) =>
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.stringMatching(/^[a-z0-9]{1,4}$/), day, span)
            .map(([id, start, length]) => event(id, start, start + length)),
          { maxLength: 200 },
        ),
        (list) => {
          const expected = [...list].sort(compareEvents);
          const sorted = [...list];
          sortChronologically(sorted);
          sorted.forEach((item, index) => expect(item).toBe(expected[index]));
        },
      ),
      { numRuns: 300 },
    );

  it('orders days across the whole calendar as compareEvents does', () => {
    sortsAsCompareEventsDoes(
      // Near neighbours too, so that long and short events start close together.
      fc.oneof(fc.integer({ min: -3_700_000, max: 3_700_000 }), fc.integer({ min: -3, max: 3 })),
      fc.oneof(fc.nat(40), fc.constantFrom(3_650_000, 2 ** 24 - 1)),
    );
  });

  it('orders days beyond what one sort key holds exactly as compareEvents does', () => {
    sortsAsCompareEventsDoes(
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(2 ** 29, -(2 ** 29), 0.5, 2 ** 53)),
      fc.oneof(fc.nat(3), fc.constantFrom(2 ** 24, 2 ** 25)),
    );
  });

  it('puts a day-long event after a longer one that starts the day before', () => {
    const longer = event('b', 0, 2 ** 24);
    const list = [event('a', 1, 1), longer, event('c', -5, -5)];
    sortChronologically(list);
    expect(list.map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });

  it('leaves a list already in order as it is', () => {
    const list = [event('a', 1, 1), event('b', 1, 1), event('a', 2, 5)];
    const same = [...list];
    sortChronologically(same);
    same.forEach((item, index) => expect(item).toBe(list[index]));
  });
});
