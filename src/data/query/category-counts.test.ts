import { describe, expect, it } from 'vitest';
import { categoryCounter } from './category-counts.ts';

describe('categoryCounter', () => {
  it('counts any subset of the dataset by category', () => {
    // Positions in the file, with gaps where records were reported instead of shown.
    const events = ['strike', 'statement', 'strike', 'other'].map((category, index) => ({
      category,
      position: index * 2,
    }));
    const count = categoryCounter(events);
    expect(count(events)).toEqual(
      new Map([
        ['strike', 2],
        ['statement', 1],
        ['other', 1],
      ]),
    );
    expect(count([events[0], events[2]].flatMap((event) => (event ? [event] : [])))).toEqual(
      new Map([['strike', 2]]),
    );
    expect(count([])).toEqual(new Map());
  });
});
