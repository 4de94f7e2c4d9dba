import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeTouching } from './cluster-merge.ts';
import { GAP, targetRadius } from './cluster-size.ts';

/** Groups on a 1,000 px square, with counts from one event to tens of thousands. */
const groups = fc.array(
  fc.record({
    x: fc.double({ min: 0, max: 1000, noNaN: true }),
    y: fc.double({ min: 0, max: 1000, noNaN: true }),
    count: fc.oneof(
      fc.constant(1),
      fc.integer({ min: 2, max: 50 }),
      fc.integer({ min: 2, max: 50_000 }),
    ),
  }),
  { maxLength: 120 },
);
const selection = fc.option(
  fc.record({
    x: fc.double({ min: 0, max: 1000, noNaN: true }),
    y: fc.double({ min: 0, max: 1000, noNaN: true }),
    radius: fc.constant(22),
  }),
  { nil: null },
);

function merge(
  input: { x: number; y: number; count: number }[],
  selected: Parameters<typeof mergeTouching>[1],
) {
  return mergeTouching(
    {
      x: input.map((group) => group.x),
      y: input.map((group) => group.y),
      count: input.map((group) => group.count),
    },
    selected,
  );
}

function leadersOf(leader: Int32Array): number[] {
  return Array.from(leader).filter((lead, index) => lead === index);
}

describe('mergeTouching', () => {
  it('leaves no two circles touching, and none on the selected marker', () => {
    fc.assert(
      fc.property(groups, selection, (input, selected) => {
        const merged = merge(input, selected);
        const circles = leadersOf(merged.leader).map((lead) => ({
          x: merged.shownX[lead] ?? 0,
          y: merged.shownY[lead] ?? 0,
          radius: targetRadius(merged.count[lead] ?? 0),
        }));
        circles.forEach((a, index) => {
          for (const b of circles.slice(index + 1)) {
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(
              a.radius + b.radius + GAP - 1e-9,
            );
          }
          if (selected) {
            expect(Math.hypot(a.x - selected.x, a.y - selected.y)).toBeGreaterThanOrEqual(
              a.radius + selected.radius + GAP,
            );
          }
        });
      }),
    );
  });

  it('keeps every event: each group has one leader, and the leaders hold them all', () => {
    fc.assert(
      fc.property(groups, selection, (input, selected) => {
        const merged = merge(input, selected);
        const held = new Map<number, number>();
        merged.leader.forEach((lead, index) => {
          expect(merged.leader[lead]).toBe(lead);
          held.set(lead, (held.get(lead) ?? 0) + (input[index]?.count ?? 0));
        });
        for (const [lead, count] of held) expect(merged.count[lead]).toBe(count);
        const total = input.reduce((sum, group) => sum + group.count, 0);
        expect(
          leadersOf(merged.leader).reduce((sum, lead) => sum + (merged.count[lead] ?? 0), 0),
        ).toBe(total);
      }),
    );
  });

  it('merges two clusters a few pixels apart into one at their weighted mean, and leaves far ones alone', () => {
    const merged = merge(
      [
        { x: 100, y: 100, count: 300 },
        { x: 110, y: 100, count: 100 },
        { x: 400, y: 100, count: 5 },
      ],
      null,
    );
    expect(Array.from(merged.leader)).toEqual([0, 0, 2]);
    expect(merged.count[0]).toBe(400);
    expect(merged.shownX[0]).toBeCloseTo(102.5);
    expect(merged.shownX[2]).toBe(400);
  });

  it('moves a group from under the selected marker instead of merging it into it', () => {
    const merged = merge([{ x: 500, y: 500, count: 2 }], { x: 500, y: 500, radius: 22 });
    expect(merged.count[0]).toBe(2);
    expect(
      Math.hypot((merged.shownX[0] ?? 0) - 500, (merged.shownY[0] ?? 0) - 500),
    ).toBeGreaterThanOrEqual(48);
  });
});
