import { describe, expect, it, vi } from 'vitest';
import { boundedMemo } from './bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes each text once, and keeps no more answers than its limit', () => {
    const upper = vi.fn((text: string) => text.toUpperCase());
    const remembered = boundedMemo(upper, 2);
    expect(['a', 'b', 'a', 'b'].map(remembered)).toEqual(['A', 'B', 'A', 'B']);
    expect(upper).toHaveBeenCalledTimes(2);
    // A third text is answered, not kept: asked again, it is computed again.
    expect(remembered('c')).toBe('C');
    expect(remembered('c')).toBe('C');
    expect(upper).toHaveBeenCalledTimes(4);
    expect(remembered('a')).toBe('A');
    expect(upper).toHaveBeenCalledTimes(4);
  });
});
