import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NO_FILTER } from '../data/model/event-filter.ts';
import {
  CELL_PIXELS,
  readsRollup,
  ROLLUP_CELLS,
  ROLLUP_ZOOM,
  ROW_STRIDE,
  viewCells,
  viewLongitudes,
  type CellCount,
} from './cell-rollup.ts';

/** A place's fine cell, as FINE_CELL_SQL makes it from its longitude and Mercator y. */
function fineCell(longitude: number, mercatorY: number): number {
  return (
    Math.floor(mercatorY * ROLLUP_CELLS) * ROW_STRIDE +
    Math.floor(((longitude + 180) / 360) * ROLLUP_CELLS)
  );
}

describe('the clusters from fine cells', () => {
  it('puts each place in the cell of a wider view that the view’s own grid puts it in', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: ROLLUP_ZOOM }),
        (longitude, mercatorY, zoom) => {
          const cells = (256 * 2 ** zoom) / CELL_PIXELS;
          const [cell] = viewCells(
            [
              {
                cell: fineCell(longitude, mercatorY),
                category: 'a',
                count: 1,
                longitudeSum: longitude,
                latitudeSum: 0,
                firstOrd: 0,
              },
              // The middle of the same cell of the view's grid, counted into the same cluster.
              {
                cell: fineCell(
                  ((Math.floor(((longitude + 180) / 360) * cells) + 0.5) / cells) * 360 - 180,
                  (Math.floor(mercatorY * cells) + 0.5) / cells,
                ),
                category: 'b',
                count: 2,
                longitudeSum: 0,
                latitudeSum: 0,
                firstOrd: 5,
              },
            ],
            zoom,
          );
          expect(cell?.count).toBe(3);
          expect(cell?.categories).toEqual({ a: 1, b: 2 });
          // The middle of the next cell east (the first one, past the last) is a cluster apart.
          const column = Math.floor(((longitude + 180) / 360) * cells);
          const next = viewCells(
            [
              {
                cell: fineCell(longitude, mercatorY),
                category: 'a',
                count: 1,
                longitudeSum: 0,
                latitudeSum: 0,
                firstOrd: 0,
              },
              {
                cell: fineCell(((((column + 1) % cells) + 0.5) / cells) * 360 - 180, mercatorY),
                category: 'a',
                count: 1,
                longitudeSum: 0,
                latitudeSum: 0,
                firstOrd: 1,
              },
            ],
            zoom,
          );
          expect(next.map((entry) => entry.count)).toEqual([1, 1]);
        },
      ),
    );
  });

  it('sums counts, means and categories per view cell, most events first, the first event kept', () => {
    const counts: CellCount[] = [
      { cell: 0, category: 'a', count: 1, longitudeSum: 10, latitudeSum: 20, firstOrd: 7 },
      { cell: 1, category: 'b', count: 3, longitudeSum: 30, latitudeSum: 3, firstOrd: 2 },
      {
        cell: 5 * ROW_STRIDE + 900,
        category: 'a',
        count: 1,
        longitudeSum: 1,
        latitudeSum: 2,
        firstOrd: 9,
      },
    ];
    expect(viewCells(counts, ROLLUP_ZOOM - 1)).toEqual([
      { count: 4, longitude: 10, latitude: 5.75, categories: { a: 1, b: 3 }, firstOrd: 2 },
      { count: 1, longitude: 1, latitude: 2, categories: { a: 1 }, firstOrd: 9 },
    ]);
  });

  it('reads a view’s longitudes as one range, two across the antimeridian, or all', () => {
    expect(viewLongitudes({ west: -10, east: 20 })).toEqual({
      west: -10,
      east: 20,
      acrossAntimeridian: false,
    });
    expect(viewLongitudes({ west: 170, east: 190 })).toEqual({
      west: 170,
      east: -170,
      acrossAntimeridian: true,
    });
    expect(viewLongitudes({ west: 170, east: -170 })).toEqual({
      west: 170,
      east: -170,
      acrossAntimeridian: true,
    });
    expect(viewLongitudes({ west: -200, east: 200 })).toBeNull();
  });

  it('answers from the rollup only without dates or a search, at its zoom or wider', () => {
    expect(readsRollup(NO_FILTER, { zoom: ROLLUP_ZOOM })).toBe(true);
    expect(readsRollup({ ...NO_FILTER, categories: ['strike'] }, { zoom: 2 })).toBe(true);
    expect(readsRollup(NO_FILTER, { zoom: ROLLUP_ZOOM + 1 })).toBe(false);
    expect(readsRollup({ ...NO_FILTER, from: 18_000 }, { zoom: 2 })).toBe(false);
    expect(readsRollup({ ...NO_FILTER, to: 18_000 }, { zoom: 2 })).toBe(false);
    expect(readsRollup({ ...NO_FILTER, query: 'strike' }, { zoom: 2 })).toBe(false);
  });
});
