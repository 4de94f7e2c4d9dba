import { describe, expect, it } from 'vitest';
import { discDiameter, TARGET, targetRadius } from './cluster-size.ts';

describe('cluster sizes', () => {
  it('grow with the count, never shrinking, from 30 px for two to 64 px from 10,000', () => {
    let previous = 0;
    for (let count = 2; count <= 200_000; count = Math.ceil(count * 1.1)) {
      const size = discDiameter(count);
      expect(size, `${count} events`).toBeGreaterThanOrEqual(previous);
      expect(size).toBeGreaterThanOrEqual(30);
      expect(size).toBeLessThanOrEqual(64);
      previous = size;
    }
    expect(discDiameter(2)).toBe(30);
    expect(discDiameter(10_000)).toBe(64);
    expect(discDiameter(1_000_000)).toBe(64);
  });

  it('tell counts apart by their order of magnitude, not in four steps', () => {
    const sizes = [2, 10, 100, 1000, 10_000].map(discDiameter);
    expect(new Set(sizes).size).toBe(5);
    expect(
      new Set(Array.from({ length: 100 }, (_, index) => discDiameter(index + 2))).size,
    ).toBeGreaterThan(12);
  });

  it('never give a target smaller than 44 px', () => {
    expect(targetRadius(1)).toBe(TARGET / 2);
    expect(targetRadius(2)).toBe(TARGET / 2);
    expect(targetRadius(50_000)).toBe(32);
  });
});
