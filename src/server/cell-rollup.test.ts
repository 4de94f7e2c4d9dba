import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crowdFeatures, syntheticFeatures } from '../../scripts/synthetic-dataset.ts';
import { NO_FILTER } from '../data/model/event-filter.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { DuckDbEngine } from './duckdb-engine.ts';
import { viewsAroundEvents } from './rollup-test-views.ts';
import type { ClustersAnswer } from './engine.ts';
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

/** A box for counts whose box a test does not look at. */
const NOWHERE = { south: 0, west: 0, north: 0, east: 0 };

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
                box: NOWHERE,
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
                box: NOWHERE,
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
                box: NOWHERE,
              },
              {
                cell: fineCell(((((column + 1) % cells) + 0.5) / cells) * 360 - 180, mercatorY),
                category: 'a',
                count: 1,
                longitudeSum: 0,
                latitudeSum: 0,
                firstOrd: 1,
                box: NOWHERE,
              },
            ],
            zoom,
          );
          expect(next.map((entry) => entry.count)).toEqual([1, 1]);
        },
      ),
    );
  });

  it('sums counts, means, categories and boxes per view cell, most events first, the first event kept', () => {
    const counts: CellCount[] = [
      {
        cell: 0,
        category: 'a',
        count: 1,
        longitudeSum: 10,
        latitudeSum: 20,
        firstOrd: 7,
        box: { south: 20, west: 10, north: 20, east: 10 },
      },
      {
        cell: 1,
        category: 'b',
        count: 3,
        longitudeSum: 30,
        latitudeSum: 3,
        firstOrd: 2,
        box: { south: -1, west: 9, north: 2, east: 11 },
      },
      {
        cell: 5 * ROW_STRIDE + 900,
        category: 'a',
        count: 1,
        longitudeSum: 1,
        latitudeSum: 2,
        firstOrd: 9,
        box: NOWHERE,
      },
    ];
    expect(viewCells(counts, ROLLUP_ZOOM - 1)).toEqual([
      {
        count: 4,
        longitude: 10,
        latitude: 5.75,
        categories: { a: 1, b: 3 },
        firstOrd: 2,
        box: { south: -1, west: 9, north: 20, east: 11 },
      },
      { count: 1, longitude: 1, latitude: 2, categories: { a: 1 }, firstOrd: 9, box: NOWHERE },
    ]);
  });

  it('counts categories named as an object’s own properties like any other', () => {
    const counts: CellCount[] = ['constructor', '__proto__', 'toString', 'constructor'].map(
      (category, index) => ({
        cell: 0,
        category,
        count: 1,
        longitudeSum: 0,
        latitudeSum: 0,
        firstOrd: index,
        box: NOWHERE,
      }),
    );
    const [cell] = viewCells(counts, 2);
    expect(cell?.count).toBe(4);
    expect(Object.entries(cell?.categories ?? {})).toEqual([
      ['constructor', 2],
      ['__proto__', 1],
      ['toString', 1],
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

describe('DuckDB’s clusters from the cell rollup', () => {
  const dataset = validateFeatureCollection({
    type: 'FeatureCollection',
    metadata: { title: 'Synthetic, with a crowd' },
    features: [...syntheticFeatures(3_000, 11), ...crowdFeatures(400, 5)],
  });
  const categories = [...new Set(dataset.events.map((event) => event.category))];
  let rollup: DuckDbEngine;
  let counting: DuckDbEngine;
  beforeAll(async () => {
    // A few thousand spread events make nearly a rollup row each: kept all the same here.
    rollup = await DuckDbEngine.open(dataset, { cellRollupShare: 1 });
    counting = await DuckDbEngine.open(dataset, { cellRollupShare: 0 });
  }, 60_000);
  afterAll(() => {
    rollup.close();
    counting.close();
  });

  it('are the clusters counting every event gives, for any view and categories', async () => {
    const views = fc.oneof(
      fc
        .record({
          west: fc.integer({ min: -540, max: 360 }),
          width: fc.integer({ min: 1, max: 400 }),
          south: fc.constantFrom(-90, -85.0511287798, -60, -10, 0, 30),
          height: fc.constantFrom(5, 40, 90, 180),
          zoom: fc.integer({ min: 0, max: ROLLUP_ZOOM }),
        })
        .map(({ west, width, south, height, zoom }) => ({
          west,
          east: west + width,
          south,
          north: Math.min(90, south + height),
          zoom,
        })),
      // Views around an event (the crowd's, often), whose edges cut the rollup's cells.
      viewsAroundEvents(dataset.events),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(categories, { maxLength: 2 }), views, async (chosen, view) => {
        const filter = { ...NO_FILTER, categories: chosen };
        const expected = await counting.clusters(filter, view).catch((error: Error) => error);
        const actual = await rollup.clusters(filter, view).catch((error: Error) => error);
        if (expected instanceof Error) {
          expect(actual).toEqual(expected);
          return;
        }
        const answer = actual as ClustersAnswer;
        const order = (
          a: ClustersAnswer['clusters'][number],
          b: ClustersAnswer['clusters'][number],
        ) => b.count - a.count || a.longitude - b.longitude || a.latitude - b.latitude;
        const strip = ({ clusters, total }: ClustersAnswer) => ({
          total,
          clusters: [...clusters].sort(order).map((c) => ({ ...c, longitude: 0, latitude: 0 })),
        });
        expect(strip(answer)).toEqual(strip(expected));
        const means = [...expected.clusters].sort(order);
        [...answer.clusters].sort(order).forEach((cluster, index) => {
          expect(cluster.longitude).toBeCloseTo(means[index]?.longitude ?? NaN, 8);
          expect(cluster.latitude).toBeCloseTo(means[index]?.latitude ?? NaN, 8);
        });
      }),
      { numRuns: 200, seed: 27 },
    );
    // Two hundred views of two engines: seconds, more on a busy machine.
  }, 60_000);
});
