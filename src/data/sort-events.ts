import type { DatasetEvent } from './schema.ts';

/** Chronological order of the contract: start day, then end day, then id. */
export function compareEvents(a: DatasetEvent, b: DatasetEvent): number {
  return (
    a.date.start - b.date.start ||
    a.date.end - b.date.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
