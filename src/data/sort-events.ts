import type { DatasetEvent } from './schema.ts';

/** Chronological order of the contract: start day, then end day, then id. */
export function compareEvents(a: DatasetEvent, b: DatasetEvent): number {
  return (
    a.date.start - b.date.start ||
    a.date.end - b.date.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Puts events in the order of compareEvents, in place. A file already in order (many are) costs
 * one pass. Otherwise the days are copied into typed arrays and positions sorted by them, which is
 * several times quicker at 100,000 events than comparing the event objects themselves.
 */
export function sortChronologically(events: DatasetEvent[]): void {
  const count = events.length;
  let inOrder = true;
  for (let index = 1; index < count && inOrder; index += 1) {
    inOrder = compareEvents(events[index - 1] as DatasetEvent, events[index] as DatasetEvent) <= 0;
  }
  if (inOrder) return;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    const { date } = events[index] as DatasetEvent;
    starts[index] = date.start;
    ends[index] = date.end;
    order[index] = index;
  }
  const unsorted = events.slice();
  order.sort((a, b) => {
    const byDays =
      (starts[a] as number) - (starts[b] as number) || (ends[a] as number) - (ends[b] as number);
    if (byDays !== 0) return byDays;
    const idA = (unsorted[a] as DatasetEvent).id;
    const idB = (unsorted[b] as DatasetEvent).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  for (let index = 0; index < count; index += 1) {
    events[index] = unsorted[order[index] as number] as DatasetEvent;
  }
}
