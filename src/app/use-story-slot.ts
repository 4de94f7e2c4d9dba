import { useCallback, useEffect, useState } from 'react';
import { useFirstScreenDrawn } from '../lib/after-mark.ts';
import { whenIdle } from '../lib/when-idle.ts';

/** What the author asked for last: a view added to the story, or the draft opened. */
export interface StoryRequest {
  kind: 'add' | 'open';
  /** Counts the requests, so the same one is never handled twice. */
  seq: number;
}

/**
 * Whether the story editor is open, and when its chunk may load: on the author's first request,
 * or once the first screen is drawn (the map's `dateline:map-drawn` mark) and the page is idle,
 * to show the way back to a draft kept in this browser. Nothing of it is in the first load.
 */
export function useStorySlot(enabled: boolean) {
  const [open, setOpen] = useState(false);
  const drawn = useFirstScreenDrawn();
  const [idle, setIdle] = useState(false);
  useEffect(
    () =>
      enabled && drawn
        ? whenIdle(() => setIdle(true), { fallbackMs: 1000, timeout: 5000 })
        : undefined,
    [enabled, drawn],
  );
  const [request, setRequest] = useState<StoryRequest>({ kind: 'open', seq: 0 });
  const ask = useCallback((kind: StoryRequest['kind']) => {
    setOpen(true);
    setRequest((last) => ({ kind, seq: last.seq + 1 }));
  }, []);
  return {
    mounted: enabled && (idle || open),
    open: enabled && open,
    request,
    add: useCallback(() => ask('add'), [ask]),
    reopen: useCallback(() => ask('open'), [ask]),
    close: useCallback(() => setOpen(false), []),
  };
}

export type StorySlot = ReturnType<typeof useStorySlot>;
