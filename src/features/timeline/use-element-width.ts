import { useEffect, useState, type RefObject } from 'react';

/** The element's width in whole CSS pixels, kept up to date as it resizes; 0 until measured. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(
    function observeWidth() {
      const element = ref.current;
      if (!element) return undefined;
      const observer = new ResizeObserver(([entry]) =>
        setWidth(Math.floor(entry?.contentRect.width ?? 0)),
      );
      observer.observe(element);
      return () => observer.disconnect();
    },
    [ref],
  );
  return width;
}
