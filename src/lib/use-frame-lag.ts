import { useEffect, useRef, useState } from 'react';

/**
 * The value, `frames` animation frames late while it changes in quick succession (playback writes
 * a range every third frame): the expensive parts of the page (the map, the list) then render in
 * frames of their own after the rest, so no frame carries them all (docs/performance.md,
 * playback). A change after a pause longer than `quickMs` (a click, a key) passes at once.
 */
export function useFrameLag<T>(value: T, frames = 1, quickMs = 150): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const changedAt = useRef(Number.NEGATIVE_INFINITY);
  const pending = useRef(0);
  useEffect(() => {
    latest.current = value;
    const now = performance.now();
    const quick = now - changedAt.current < quickMs;
    changedAt.current = now;
    if (!quick) {
      cancelAnimationFrame(pending.current);
      pending.current = 0;
      setShown(value);
    } else if (pending.current === 0) {
      // One wait at a time, never put off again: the value cannot starve.
      let left = frames;
      const wait = () => {
        left -= 1;
        if (left > 0) {
          pending.current = requestAnimationFrame(wait);
          return;
        }
        pending.current = 0;
        setShown(latest.current);
      };
      pending.current = requestAnimationFrame(wait);
    }
  }, [value, frames, quickMs]);
  useEffect(() => () => cancelAnimationFrame(pending.current), []);
  return shown;
}
