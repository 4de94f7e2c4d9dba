/**
 * Map views for the tests of the cell rollup (cell-rollup.ts): views around an event, the crowd's
 * (scripts/synthetic-dataset.ts `crowdFeatures`) half the time, at the rollup's zooms, so that
 * their edges cut through the rollup's cells.
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
      width: fc.integer({ min: 1, max: 2_000 }),
      height: fc.integer({ min: 1, max: 1_000 }),
      zoom: fc.integer({ min: 2, max: ROLLUP_ZOOM }),
    })
    .map(({ event, width, height, zoom }) => {
      const { longitude = 0, latitude = 0 } = events[event] ?? {};
      return {
        west: longitude - width / 2_000,
        east: longitude + width / 3_000,
        south: latitude - height / 3_000,
        north: latitude + height / 2_000,
        zoom,
      };
    });
}
