// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useDeferredWhen } from './use-deferred-when.ts';

/** Every value the hook returned, render by render. */
function rendersOf(whileNothingOlder: 'value' | 'nothing') {
  const seen: (string | undefined)[] = [];
  const hook = renderHook(
    ({ defer, value }: { defer: boolean; value: string }) => {
      // The overloads differ only in the return type; this test looks at the values.
      const result =
        whileNothingOlder === 'value'
          ? useDeferredWhen(defer, value, 'value')
          : useDeferredWhen(defer, value, 'nothing');
      seen.push(result);
      return result;
    },
    { initialProps: { defer: false, value: 'small' } },
  );
  return { seen, rerender: hook.rerender };
}

describe('useDeferredWhen', () => {
  it('gives the value itself, in one render per change, while not deferring', () => {
    const { seen, rerender } = rendersOf('nothing');
    rerender({ defer: false, value: 'another small' });
    expect(seen).toEqual(['small', 'another small']);
  });

  it('shows nothing until the first background render lands, when asked to', () => {
    const { seen, rerender } = rendersOf('nothing');
    rerender({ defer: true, value: 'large' });
    // The urgent render has nothing older to show; the background render brings the value.
    expect(seen).toEqual(['small', undefined, 'large']);
    seen.length = 0;
    rerender({ defer: true, value: 'larger' });
    // From then on the older value stands in until the new one is rendered.
    expect(seen).toEqual(['large', 'larger']);
  });

  it('uses the value at once when there is nothing older, when asked to', () => {
    const { seen, rerender } = rendersOf('value');
    rerender({ defer: true, value: 'from 2024' });
    expect(seen.slice(0, 2)).toEqual(['small', 'from 2024']);
    seen.length = 0;
    rerender({ defer: true, value: 'from 2025' });
    expect(seen).toEqual(['from 2024', 'from 2025']);
  });
});
