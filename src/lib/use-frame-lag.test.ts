// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFrameLag } from './use-frame-lag.ts';

describe('useFrameLag', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  });
  afterEach(() => vi.useRealTimers());

  const frame = () => act(() => vi.advanceTimersToNextFrame());

  it('passes a lone change at once', () => {
    const hook = renderHook(({ value }) => useFrameLag(value, 2), { initialProps: { value: 'a' } });
    vi.advanceTimersByTime(1000);
    hook.rerender({ value: 'b' });
    expect(hook.result.current).toBe('b');
  });

  it('holds quick changes for the frames asked, then gives the latest, never starving', () => {
    const hook = renderHook(({ value }) => useFrameLag(value, 2), { initialProps: { value: 0 } });
    vi.advanceTimersByTime(1000);
    hook.rerender({ value: 1 }); // lone: at once
    expect(hook.result.current).toBe(1);
    hook.rerender({ value: 2 }); // quick: held
    expect(hook.result.current).toBe(1);
    frame();
    hook.rerender({ value: 3 }); // a newer value while waiting does not start the wait again
    expect(hook.result.current).toBe(1);
    frame();
    expect(hook.result.current).toBe(3);
  });
});
