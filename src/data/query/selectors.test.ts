import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import {
  eventsInBounds,
  groupByMonth,
  indexById,
  isInBounds,
  monthHeadingIndexes,
  rowIndexOf,
} from './selectors.ts';

function events(features: unknown[]) {
  return validateFeatureCollection(makeFeatureCollection(features)).events;
}

describe('grouping the chronology by month', () => {
  it('puts a heading before the first event of each month, by start day', () => {
    const rows = groupByMonth(
      events([
        makeFeature({ id: 'summit', properties: { date: '2024-06' } }),
        makeFeature({ id: 'june-day', properties: { date: '2024-06-19' } }),
        makeFeature({ id: 'span', properties: { date: '2024-09-28/2024-10-02' } }),
        makeFeature({ id: 'strike', properties: { date: '2024-10-04?' } }),
        makeFeature({ id: 'year', properties: { date: '2023' } }),
      ]),
    );
    expect(rows.map((row) => (row.kind === 'month' ? `# ${row.label}` : row.event.id))).toEqual([
      '# January 2023',
      'year',
      '# June 2024',
      'summit',
      'june-day',
      '# September 2024',
      'span',
      '# October 2024',
      'strike',
    ]);
  });

  it('gives every event exactly one row, in order, whatever the dates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.date({
              min: new Date('1900-01-01'),
              max: new Date('2100-12-31'),
              noInvalidDate: true,
            }),
            // A few months around a turn of the year: many events share a month.
            fc.date({
              min: new Date('2023-11-01'),
              max: new Date('2024-02-29'),
              noInvalidDate: true,
            }),
          ),
          { maxLength: 40 },
        ),
        (dates) => {
          const list = events(
            dates.map((date, index) =>
              makeFeature({
                id: `e-${index}`,
                properties: { date: date.toISOString().slice(0, 10) },
              }),
            ),
          );
          const rows = groupByMonth(list);
          expect(
            rows
              .filter((row) => row.kind === 'event')
              .map((row) => (row.kind === 'event' ? row.event.id : '')),
          ).toEqual(list.map((e) => e.id));
          const headings = rows.filter((row) => row.kind === 'month').map((row) => row.key);
          expect(new Set(headings).size).toBe(headings.length);
          // Each event sits under the heading of its own month.
          let heading: number | null = null;
          rows.forEach((row, index) => {
            if (row.kind === 'month') heading = row.monthNumber;
            else {
              const [year = 0, month = 0] = row.event.date.edtf.split('-').map(Number);
              expect(heading).toBe(year * 12 + month - 1);
              expect(rowIndexOf(rows, row.event.id)).toBe(index);
            }
          });
          expect(monthHeadingIndexes(rows).map((index) => rows[index]?.key)).toEqual(headings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts a new heading at every turn of the month, December to January included', () => {
    const list = events(
      [
        '2023-11-30',
        '2023-12-01',
        '2023-12-31',
        '2024-01-01',
        '2024-01-31',
        '2024-02-29',
        '2024-03-01',
      ].map((date, index) => makeFeature({ id: `d-${index}`, properties: { date } })),
    );
    const shown = groupByMonth(list).map((row) =>
      row.kind === 'month' ? row.label : row.event.id,
    );
    expect(shown).toEqual([
      'November 2023',
      'd-0',
      'December 2023',
      'd-1',
      'd-2',
      'January 2024',
      'd-3',
      'd-4',
      'February 2024',
      'd-5',
      'March 2024',
      'd-6',
    ]);
    expect(rowIndexOf(groupByMonth(list), 'nowhere')).toBeUndefined();
  });

  it('is empty for no events', () => {
    expect(groupByMonth([])).toEqual([]);
  });

  it('gives every row a number key of its own that a filter does not change', () => {
    const list = events(
      ['2023-12-31', '2024-01-01', '2024-01-15', '2024-02', '2025-01-02'].map((date, index) =>
        makeFeature({ id: `k-${index}`, properties: { date } }),
      ),
    );
    const all = groupByMonth(list);
    // A row as a reader knows it: the month's heading or the event's id, with the row's key.
    const keyOf = (rows: ReturnType<typeof groupByMonth>) =>
      new Map(rows.map((row) => [row.kind === 'month' ? row.label : row.event.id, row.key]));
    const allKeys = keyOf(all);
    expect(new Set(allKeys.values()).size).toBe(all.length);
    // Months below zero, events at their position in the file.
    all.forEach((row) => {
      if (row.kind === 'month') expect(row.key).toBeLessThan(0);
      else expect(row.key).toBe(row.event.position);
    });
    // January 2024 and January 2025 are different months; each keeps its key when filtered.
    const filtered = keyOf(groupByMonth(list.filter((_, index) => index % 2 === 0)));
    for (const [name, key] of filtered) expect(key).toBe(allKeys.get(name));
  });
});

describe('the map-view filter', () => {
  const korea = { west: 124, south: 33, east: 131, north: 43 };

  it('keeps the events inside the bounds, edges included', () => {
    const list = events([
      makeFeature({ id: 'seoul', coordinates: [126.977, 37.538] }),
      makeFeature({ id: 'donetsk', coordinates: [37.8, 48.0] }),
      makeFeature({ id: 'edge', coordinates: [131, 43] }),
    ]);
    expect(
      eventsInBounds(list, korea)
        .map((event) => event.id)
        .sort(),
    ).toEqual(['edge', 'seoul']);
  });

  it('handles a view across the antimeridian and a view of the whole world', () => {
    const pacific = { west: 170, south: -30, east: 190, north: 0 };
    expect(isInBounds(178.4, -18.1, pacific)).toBe(true); // Suva, Fiji
    expect(isInBounds(-178, -18, pacific)).toBe(true);
    expect(isInBounds(-160, -18, pacific)).toBe(false);
    expect(isInBounds(0, 0, { west: -400, south: -85, east: 400, north: 85 })).toBe(true);
    expect(isInBounds(0, 86, { west: -400, south: -85, east: 400, north: 85 })).toBe(false);
  });

  it('indexes events by id', () => {
    const list = events([makeFeature({ id: 'a' }), makeFeature({ id: 'b' })]);
    const index = indexById(list);
    expect(list[index.get('b') ?? -1]?.id).toBe('b');
    expect(index.get('zzz')).toBeUndefined();
  });

  it('builds the id index only when asked, a slice at a time, once', () => {
    const list = events([
      makeFeature({ id: 'a' }),
      makeFeature({ id: 'b' }),
      makeFeature({ id: 'c' }),
    ]);
    let idReads = 0;
    const counted = list.map((event) =>
      Object.defineProperty({ ...event }, 'id', {
        get: () => {
          idReads += 1;
          return event.id;
        },
      }),
    );
    const index = indexById(counted);
    expect(idReads).toBe(0);
    expect(index.prepareSome(2)).toBe(false);
    expect(idReads).toBe(2);
    // A look-up before the slices are done finishes the index first.
    expect(index.get('c')).toBe(2);
    expect(index.get('a')).toBe(0);
    expect(index.prepareSome(2)).toBe(true);
    expect(idReads).toBe(3);
  });
});
