import type { DatasetEvent } from '../model/schema.ts';

/**
 * How records sent while the file downloaded (in file order, ids not yet settled) become the
 * dataset's events: the final order, by position in the file (records whose id repeats an
 * earlier one's are left out, as issues), and the ids derived for records that gave none.
 */
export interface RecordSettlement {
  order: Float64Array;
  derivedPositions: Float64Array;
  derivedIds: string[];
}

/**
 * From the records in their settled order (feature-checker.ts, FeatureChecker.settle): what the page
 * needs to settle the ones it has.
 */
export function settlementOf(
  events: readonly Pick<DatasetEvent, 'position' | 'idDerived' | 'id'>[],
): RecordSettlement {
  const order = new Float64Array(events.length);
  const derivedPositions: number[] = [];
  const derivedIds: string[] = [];
  events.forEach((event, index) => {
    order[index] = event.position;
    if (event.idDerived) {
      derivedPositions.push(event.position);
      derivedIds.push(event.id);
    }
  });
  return { order, derivedPositions: Float64Array.from(derivedPositions), derivedIds };
}

/**
 * The events, in their final order with their final ids, from the records rebuilt while the file
 * downloaded. The records are the caller's own: their ids are settled in place.
 */
export function settleRecords(
  records: readonly DatasetEvent[],
  settlement: RecordSettlement,
): DatasetEvent[] {
  // Positions are record numbers in the file: an array finds them without hashing 100,000 keys.
  let lastPosition = -1;
  for (const record of records) lastPosition = Math.max(lastPosition, record.position);
  const atPosition = new Array<DatasetEvent | undefined>(lastPosition + 1);
  for (const record of records) atPosition[record.position] = record;
  const find = (position: number) => {
    const record = atPosition[position];
    if (!record) throw new Error(`No record was sent for position ${position}.`);
    return record;
  };
  settlement.derivedPositions.forEach((position, index) => {
    const record = find(position);
    record.id = settlement.derivedIds[index] ?? '';
    record.idDerived = true;
  });
  // A plain loop: Array.from over a typed array with a map function is twice as slow at a million.
  const { order } = settlement;
  const events = new Array<DatasetEvent>(order.length);
  for (let index = 0; index < order.length; index += 1) events[index] = find(order[index] ?? -1);
  return events;
}
