import { describe, expect, it, vi } from 'vitest';
import { afterMark } from './after-mark.ts';

describe('afterMark', () => {
  it('runs at once when the mark exists already', () => {
    performance.mark('test:already');
    const work = vi.fn();
    afterMark('test:already', work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for the mark, runs once, and not at all once cancelled', async () => {
    const work = vi.fn();
    const cancelled = vi.fn();
    afterMark('test:later', work);
    afterMark('test:later', cancelled)();
    performance.mark('test:other');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(work).not.toHaveBeenCalled();
    performance.mark('test:later');
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(1));
    performance.mark('test:later');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(work).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
