import { describe, expect, it } from 'vitest';
import { clearAround, fanOutOffsets } from './fan-out.ts';

describe('clearAround', () => {
  const selected = { x: 100, y: 100, radius: 22 };

  it('moves a neighbour under the selected marker straight away until the targets touch', () => {
    const offsets = clearAround(selected, [{ key: 'sinpo', x: 115, y: 100, radius: 22 }]);
    expect(offsets.get('sinpo')).toEqual([29, 0]);
  });

  it('leaves markers that are already clear where they are', () => {
    const offsets = clearAround(selected, [
      { key: 'far', x: 200, y: 100, radius: 22 },
      { key: 'touching', x: 100, y: 144, radius: 22 },
    ]);
    expect(offsets.size).toBe(0);
  });

  it('keeps a larger cluster clear by its own radius, and moves one exactly on top aside', () => {
    const offsets = clearAround(selected, [
      { key: 'cluster', x: 90, y: 90, radius: 28 },
      { key: 'on-top', x: 100, y: 100, radius: 22 },
    ]);
    const [cx, cy] = offsets.get('cluster') ?? [0, 0];
    expect(Math.hypot(90 + cx - 100, 90 + cy - 100)).toBeGreaterThanOrEqual(49);
    const [tx, ty] = offsets.get('on-top') ?? [0, 0];
    expect(Math.hypot(tx, ty)).toBeGreaterThanOrEqual(43);
  });
});

describe('fanOutOffsets', () => {
  it('keeps the first event at a spot in place and moves the others round it', () => {
    const offsets = fanOutOffsets([
      { id: 'a', longitude: 128.2, latitude: 40.03 },
      { id: 'b', longitude: 128.2, latitude: 40.03 },
      { id: 'c', longitude: 10, latitude: 10 },
    ]);
    expect(offsets.has('a')).toBe(false);
    expect(offsets.has('c')).toBe(false);
    const [dx, dy] = offsets.get('b') ?? [0, 0];
    expect(Math.hypot(dx, dy)).toBeGreaterThan(30);
  });
});
