import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import type { DateBulk } from './date-bulk.ts';
import { axisSpan, eventsOutsideBulk } from './outside-bulk.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

describe('the events outside the bulk', () => {
  it('are the first `earlier` and the last `later`, in order', () => {
    const bulk: DateBulk = { first: 0, last: 0, earlier: 1, later: 2 };
    expect(eventsOutsideBulk(['a', 'b', 'c', 'd', 'e'], bulk)).toEqual(['a', 'd', 'e']);
    expect(eventsOutsideBulk(['a', 'b'], { ...bulk, earlier: 0, later: 0 })).toEqual([]);
  });
});

describe("the axis's span", () => {
  const extent = { first: day('1922-03-01'), last: day('2024-02-26') };
  const bulk: DateBulk = {
    first: day('2022-01-01'),
    last: day('2022-09-29'),
    earlier: 1,
    later: 3,
  };
  const closed = { earlier: false, later: false };
  const open = { from: null, to: null };

  it('is the bulk, stretched to the data on each side the reader opened', () => {
    expect(axisSpan(extent, bulk, closed, open)).toMatchObject({
      first: bulk.first,
      last: bulk.last,
    });
    expect(axisSpan(extent, bulk, { earlier: false, later: true }, open)).toMatchObject({
      first: bulk.first,
      last: extent.last,
    });
  });

  it('reaches past the bulk where the date range does, and says so', () => {
    const year2024 = { from: day('2024-01-01'), to: day('2024-12-31') };
    expect(axisSpan(extent, bulk, closed, year2024)).toEqual({
      first: bulk.first,
      last: extent.last,
      needed: { earlier: false, later: true },
    });
    const lastMonth = { from: day('2022-09-01'), to: day('2022-09-29') };
    expect(axisSpan(extent, bulk, closed, lastMonth).needed).toEqual(closed);
    expect(axisSpan(extent, bulk, closed, { from: day('1922-01-01'), to: null })).toMatchObject({
      first: extent.first,
      needed: { earlier: true, later: false },
    });
  });
});
