import { useEffect, useRef, useState } from 'react';

/**
 * The value, `frames` animation frames late (0: at once). While playback writes a range every
 * third frame, the expensive parts of the page (the map, the list) then render in frames of their
 * own after the rest, so no frame carries them all (docs/performance.md, playback).
 */
export function useFrameLag<T>(value: T, frames: number): T {
  const [shown, setShown] = useState(value);
  // Kept in step while not lagging, so that lagging starts from the value on screen.
  if (frames === 0 && !Object.is(shown, value)) setShown(value);
  const latest = useRef(value);
  const pending = useRef(0);
  useEffect(() => {
    latest.current = value;
    // One wait at a time, never put off again by a newer value: the value cannot starve.
    if (frames === 0 || pending.current !== 0) return;
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
  }, [value, frames]);
  useEffect(() => () => cancelAnimationFrame(pending.current), []);
  return frames === 0 ? value : shown;
}
