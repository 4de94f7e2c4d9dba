import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdSet } from './id-set.ts';

describe('IdSet', () => {
  it('says whether each id is new exactly as a Set does, whatever the ids and however it grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme' })), {
          maxLength: 300,
        }),
        fc.integer({ min: 0, max: 64 }),
        (ids, expected) => {
          const set = new IdSet(expected);
          const reference = new Set<string>();
          for (const id of ids) {
            const isNew = !reference.has(id);
            reference.add(id);
            expect(set.add(id)).toBe(isNew);
          }
          expect(set.size).toBe(reference.size);
        },
      ),
    );
  });

  it('tells apart ids whose hashes share a slot, and finds a repeat after growing', () => {
    // Two thousand ids in a table sized for four: many share slots, and it grows nine times.
    const set = new IdSet(4);
    const ids = Array.from({ length: 2000 }, (_, index) => `event-${index.toString(36)}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(set.add('event-new')).toBe(true);
    expect(set.size).toBe(2001);
  });
});
