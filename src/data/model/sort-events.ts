import type { DatasetEvent } from './schema.ts';

/** What the order reads of an event: its days and its id (the import worker sorts no more). */
export type Sortable = Pick<DatasetEvent, 'date' | 'id'>;

/** Chronological order of the contract: start day, then end day, then id. */
export function compareEvents(a: Sortable, b: Sortable): number {
  return a.date.start - b.date.start || a.date.end - b.date.end || compareIds(a, b);
}

/**
 * A start day and a length in days make one number, exactly, while they stay within these bounds.
 * EDTF's four-digit years (days −719,528 to 2,932,896 from 1970) are well within them.
 */
const DAY_BOUND = 2 ** 28;
const LENGTH_BOUND = 2 ** 24;

/**
 * Puts events in the order of compareEvents, in place. A file already in order (many are) costs
 * one pass. Otherwise each event's days become one number, and the numbers are sorted by the
 * engine's own numeric sort, with no comparison function to call: much faster than sorting with
 * one (docs/performance.md). Events on the same days are
 * then ordered by id among themselves.
 */
export function sortChronologically<T extends Sortable>(events: T[]): void {
  const count = events.length;
  let inOrder = true;
  for (let index = 1; index < count && inOrder; index += 1) {
    inOrder = compareEvents(events[index - 1] as T, events[index] as T) <= 0;
  }
  if (inOrder) return;
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const { start, end } = (events[index] as T).date;
    const length = end - start;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(length) ||
      Math.abs(start) >= DAY_BOUND ||
      length < 0 ||
      length >= LENGTH_BOUND
    ) {
      sortByComparing(events);
      return;
    }
    keys[index] = start * LENGTH_BOUND + length;
  }
  // The distinct keys in order; each event's rank among them places it (a counting sort, which
  // keeps the file's order among equal keys).
  const sorted = keys.slice().sort();
  let distinct = 0;
  for (let index = 0; index < count; index += 1) {
    const key = sorted[index] as number;
    if (distinct === 0 || key !== sorted[distinct - 1]) {
      sorted[distinct] = key;
      distinct += 1;
    }
  }
  const distinctKeys = sorted.subarray(0, distinct);
  const ranks = new Uint32Array(count);
  const firstOfRank = new Uint32Array(distinct + 1);
  for (let index = 0; index < count; index += 1) {
    const rank = rankOf(distinctKeys, keys[index] as number);
    ranks[index] = rank;
    firstOfRank[rank + 1] = (firstOfRank[rank + 1] as number) + 1;
  }
  for (let rank = 1; rank <= distinct; rank += 1) {
    firstOfRank[rank] = (firstOfRank[rank] as number) + (firstOfRank[rank - 1] as number);
  }
  const unsorted = events.slice();
  const next = firstOfRank.slice(0, distinct);
  for (let index = 0; index < count; index += 1) {
    const rank = ranks[index] as number;
    events[next[rank] as number] = unsorted[index] as T;
    next[rank] = (next[rank] as number) + 1;
  }
  for (let rank = 0; rank < distinct; rank += 1) {
    const first = firstOfRank[rank] as number;
    const end = firstOfRank[rank + 1] as number;
    if (end - first > 1) {
      const sameDays = events.slice(first, end).sort(compareIds);
      for (let offset = 0; offset < sameDays.length; offset += 1) {
        events[first + offset] = sameDays[offset] as T;
      }
    }
  }
}

/** Ids in code-unit order, the same in every locale. */
function compareIds(a: Sortable, b: Sortable): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where `key` is in `keys` (ascending, distinct, and holding it). */
function rankOf(keys: Float64Array, key: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as number) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The general way, for days beyond the bounds of one number: positions sorted by comparing. */
function sortByComparing<T extends Sortable>(events: T[]): void {
  const count = events.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    const { date } = events[index] as T;
    starts[index] = date.start;
    ends[index] = date.end;
    order[index] = index;
  }
  const unsorted = events.slice();
  order.sort((a, b) => {
    const byDays =
      (starts[a] as number) - (starts[b] as number) || (ends[a] as number) - (ends[b] as number);
    if (byDays !== 0) return byDays;
    return compareIds(unsorted[a] as T, unsorted[b] as T);
  });
  for (let index = 0; index < count; index += 1) {
    events[index] = unsorted[order[index] as number] as T;
  }
}
