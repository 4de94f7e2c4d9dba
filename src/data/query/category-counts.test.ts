import { describe, expect, it } from 'vitest';
import { categoryCounter } from './category-counts.ts';

describe('categoryCounter', () => {
  it('counts any subset of the dataset by category', () => {
    // Positions in the file, with gaps where records were reported instead of shown.
    const events = ['strike', 'statement', 'strike', 'other'].map((category, index) => ({
      category,
      position: index * 2,
    }));
    const { totals, count } = categoryCounter(events);
    expect([...totals]).toEqual([
      ['strike', 2],
      ['statement', 1],
      ['other', 1],
    ]);
    expect(count(events)).toEqual(
      new Map([
        ['strike', 2],
        ['statement', 1],
        ['other', 1],
      ]),
    );
    // Every event, as another list than the dataset's own: counted, the same.
    expect(count([...events])).toEqual(count(events));
    expect(count([events[0], events[2]].flatMap((event) => (event ? [event] : [])))).toEqual(
      new Map([['strike', 2]]),
    );
    expect(count([])).toEqual(new Map());
    // A position far past the events (many records reported before it) is counted too.
    const late = categoryCounter([...events, { category: 'late', position: 10_000 }]);
    expect(late.count([{ category: 'late', position: 10_000 }])).toEqual(new Map([['late', 1]]));
  });
});
