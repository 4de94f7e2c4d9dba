import { useEffect, useState } from 'react';

/**
 * Runs `work` once a performance mark named `name` exists (at once if it already does). Used to
 * hold back what the first screen does not need until the page says its first screen is drawn
 * (`dateline:map-drawn`, which scripts/lighthouse.ts also reads). Returns a cancel.
 */
export function afterMark(name: string, work: () => void): () => void {
  if (performance.getEntriesByName(name, 'mark').length > 0) {
    work();
    return () => {};
  }
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName(name, 'mark').length === 0) return;
    observer.disconnect();
    work();
  });
  observer.observe({ type: 'mark' });
  return () => observer.disconnect();
}

/**
 * Whether the first screen is drawn: false until the map's `dateline:map-drawn` mark (which
 * scripts/lighthouse.ts also reads), then true. What waits on it is not part of the first load.
 */
export function useFirstScreenDrawn(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => afterMark('dateline:map-drawn', () => setDrawn(true)), []);
  return drawn;
}
