import { useEffect, useRef } from 'react';
import { readStepKey, stepDirection, type StepDirection } from './step-keys.ts';

/**
 * The story's keys, anywhere on the page (step-keys.ts says which and where not). They are heard
 * before the explorer's own shortcuts (ArrowDown / ArrowUp move its selection) and kept from
 * them: in a story the arrows move through the steps. `onStep` null: not listening (no story yet).
 */
export function useStoryKeys(onStep: ((direction: StepDirection) => void) | null): void {
  const onStepRef = useRef(onStep);
  useEffect(() => {
    onStepRef.current = onStep;
  });
  const listening = onStep !== null;
  useEffect(
    function listenForStepKeys() {
      if (!listening) return;
      function onKeyDown(keyEvent: KeyboardEvent) {
        if (keyEvent.defaultPrevented) return;
        const direction = stepDirection(readStepKey(keyEvent));
        if (direction === null) return;
        keyEvent.preventDefault();
        keyEvent.stopPropagation();
        onStepRef.current?.(direction);
      }
      // Capturing on the window: before the page's shortcuts, which listen on the document.
      window.addEventListener('keydown', onKeyDown, true);
      return () => window.removeEventListener('keydown', onKeyDown, true);
    },
    [listening],
  );
}
