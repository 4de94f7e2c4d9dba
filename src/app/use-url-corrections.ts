import { useCallback, useEffect, useState } from 'react';
import { createStore, useStoreValue, type Store } from '../lib/store/store.ts';
import type { ParsedUrl } from '../data/url/url-state.ts';

const allNotices = (notices: string[]) => notices;

/**
 * A malformed URL is corrected in place (history replaced, never pushed) and what was wrong is
 * kept as a notice for the reader, since the corrected URL no longer shows it.
 */
export function useUrlCorrections(url: ParsedUrl): {
  notices: string[];
  dismiss: () => void;
  add: (notice: string) => void;
} {
  const [store] = useState<Store<string[]>>(() => createStore<string[]>([]));
  const { correctedHref, notices: newNotices } = url;
  useEffect(
    function correctUrl() {
      if (correctedHref === null) return;
      window.history.replaceState(window.history.state, '', correctedHref + window.location.hash);
      window.dispatchEvent(new PopStateEvent('popstate'));
      // A notice already showing is not repeated (StrictMode runs this effect twice in development).
      const fresh = newNotices.filter((notice) => !store.get().includes(notice));
      if (fresh.length > 0) store.set([...store.get(), ...fresh]);
    },
    [correctedHref, newNotices, store],
  );
  // Stable, so that effects which add a notice run when their own cause changes, not on every
  // render (which would bring a dismissed notice straight back).
  const dismiss = useCallback(() => store.set([]), [store]);
  const add = useCallback(
    (notice: string) => {
      if (!store.get().includes(notice)) store.set([...store.get(), notice]);
    },
    [store],
  );
  return { notices: useStoreValue(store, allNotices), dismiss, add };
}
