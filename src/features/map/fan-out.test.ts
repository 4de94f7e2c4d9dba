import { describe, expect, it } from 'vitest';
import { stepAside } from './fan-out.ts';

describe('stepAside', () => {
  const selected = { x: 100, y: 100, radius: 22 };

  it('moves a neighbour under the selected marker straight away until they are the gap apart', () => {
    // 22 + 22 + a gap of 4 + a pixel for rounding = 49 px between centres.
    expect(stepAside(115, 100, 22, selected, 4)).toEqual([34, 0]);
  });

  it('leaves circles that are already clear where they are, and everything without a selection', () => {
    expect(stepAside(200, 100, 22, selected, 4)).toEqual([0, 0]);
    expect(stepAside(100, 149, 22, selected, 4)).toEqual([0, 0]);
    expect(stepAside(100, 100, 22, null, 4)).toEqual([0, 0]);
  });

  it('keeps a larger cluster clear by its own radius, and moves one exactly on top aside', () => {
    const [cx, cy] = stepAside(90, 90, 28, selected, 4);
    expect(Math.hypot(90 + cx - 100, 90 + cy - 100)).toBeGreaterThanOrEqual(22 + 28 + 4);
    const [tx, ty] = stepAside(100, 100, 22, selected, 4);
    expect(tx).toBeGreaterThan(0);
    expect(ty).toBeLessThan(0);
    expect(Math.hypot(tx, ty)).toBeGreaterThanOrEqual(48);
  });
});
