/**
 * Map views for the tests of the cell rollup (cell-rollup.ts): views whose edges are near an event,
 * the crowds' (scripts/synthetic-dataset.ts `crowdFeatures`) half the time, at the rollup's zooms,
 * so that their edges cut through the rollup's cells.
 */
import fc from 'fast-check';
import type { DatasetEvent } from '../data/model/schema.ts';
import { ROLLUP_ZOOM } from './cell-rollup.ts';
import type { MapView } from './view-query.ts';

export function viewsAroundEvents(events: readonly DatasetEvent[]): fc.Arbitrary<MapView> {
  const crowd = events.flatMap((event, index) => (event.id.startsWith('crowd-') ? [index] : []));
  return fc
    .record({
      event: fc.oneof(
        fc.integer({ min: 0, max: events.length - 1 }),
        crowd.length > 0 ? fc.constantFrom(...crowd) : fc.constant(0),
      ),
      // Each edge up to a degree either side of the event: the view may hold it or stop short.
      edges: fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 4, maxLength: 4 }),
      zoom: fc.integer({ min: 2, max: ROLLUP_ZOOM }),
    })
    .map(({ event, edges: [a = 0, b = 0, c = 0, d = 0], zoom }) => {
      const { longitude = 0, latitude = 0 } = events[event] ?? {};
      return {
        west: longitude + Math.min(a, b) / 1_000,
        east: longitude + (Math.max(a, b) + 1) / 1_000,
        south: Math.min(90, Math.max(-90, latitude + Math.min(c, d) / 1_000)),
        north: Math.max(-90, Math.min(90, latitude + (Math.max(c, d) + 1) / 1_000)),
        zoom,
      };
    });
}
