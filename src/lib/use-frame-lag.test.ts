// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFrameLag } from './use-frame-lag.ts';

describe('useFrameLag', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => vi.useRealTimers());

  const frame = () => act(() => vi.advanceTimersToNextFrame());

  it('passes every change at once while not lagging', () => {
    const hook = renderHook(({ value }) => useFrameLag(value, 0), { initialProps: { value: 'a' } });
    hook.rerender({ value: 'b' });
    expect(hook.result.current).toBe('b');
  });

  it('holds changes for the frames asked, then gives the latest, never starving', () => {
    const hook = renderHook(({ value, frames }) => useFrameLag(value, frames), {
      initialProps: { value: 0, frames: 0 },
    });
    hook.rerender({ value: 1, frames: 0 });
    hook.rerender({ value: 1, frames: 2 }); // lagging starts from the value on screen
    expect(hook.result.current).toBe(1);
    hook.rerender({ value: 2, frames: 2 });
    expect(hook.result.current).toBe(1);
    frame();
    hook.rerender({ value: 3, frames: 2 }); // a newer value while waiting does not restart it
    expect(hook.result.current).toBe(1);
    frame();
    expect(hook.result.current).toBe(3);
    hook.rerender({ value: 4, frames: 0 }); // no longer lagging: at once
    expect(hook.result.current).toBe(4);
  });
});
