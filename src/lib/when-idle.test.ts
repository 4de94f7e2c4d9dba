import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('waits for an idle moment where the browser offers one, and can be cancelled', () => {
    const pending = new Map<number, () => void>();
    vi.stubGlobal('requestIdleCallback', (callback: () => void, options?: { timeout: number }) => {
      expect(options).toEqual({ timeout: 5000 });
      pending.set(pending.size + 1, callback);
      return pending.size;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => pending.delete(handle));
    const work = vi.fn();
    const cancel = whenIdle(work, { fallbackMs: 10, timeout: 5000 });
    expect(work).not.toHaveBeenCalled();
    cancel();
    expect(pending.size).toBe(0);
    whenIdle(work, { fallbackMs: 10, timeout: 5000 });
    pending.forEach((callback) => callback());
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer where there is no requestIdleCallback (Safari)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const work = vi.fn();
    whenIdle(work, { fallbackMs: 50 });
    vi.advanceTimersByTime(49);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    whenIdle(cancelled, { fallbackMs: 50 })();
    vi.advanceTimersByTime(100);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
