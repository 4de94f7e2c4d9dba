/**
 * How many of a subset's events each category has, for the legend's "shown of total". One pass
 * over the dataset numbers the categories (by each event's position in the file) and counts them
 * all; a filter change at 100,000 events then counts into an array instead of looking up a map
 * per event, which was most of the legend's cost (docs/performance.md).
 */
import type { DatasetEvent } from '../model/schema.ts';

type Counted = Pick<DatasetEvent, 'category' | 'position'>;

export interface CategoryCounter {
  /** Every category with its events, most frequent first. */
  totals: ReadonlyMap<string, number>;
  /** The same for a subset of the dataset's events (for all of them, the totals themselves). */
  count: (subset: readonly Counted[]) => ReadonlyMap<string, number>;
}

export function categoryCounter(events: readonly Counted[]): CategoryCounter {
  const numbers = new Map<string, number>();
  // Positions run a little past the events where records were reported instead: it grows if so.
  let numberAt = new Uint32Array(events.length + 64);
  const totals: number[] = [];
  for (const { category, position } of events) {
    let number = numbers.get(category);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(category, number);
      totals.push(0);
    }
    totals[number] = (totals[number] ?? 0) + 1;
    if (position >= numberAt.length) {
      const grown = new Uint32Array(Math.max(position + 1, numberAt.length * 2));
      grown.set(numberAt);
      numberAt = grown;
    }
    numberAt[position] = number;
  }
  const names = [...numbers.keys()];
  const named = (counts: ArrayLike<number>) => {
    const result = new Map<string, number>();
    names.forEach((name, number) => {
      if (counts[number]) result.set(name, counts[number] ?? 0);
    });
    return result;
  };
  const totalsByCount = new Map([...named(totals)].sort((a, b) => b[1] - a[1]));
  return {
    totals: totalsByCount,
    // The whole dataset (no filter): its counts are the totals, without a pass over every event.
    count: (subset) => {
      if (subset === events) return totalsByCount;
      const counts = new Uint32Array(names.length);
      for (const { position } of subset) {
        const number = numberAt[position] ?? 0;
        counts[number] = (counts[number] ?? 0) + 1;
      }
      return named(counts);
    },
  };
}
