import { useEffect, useState, type RefObject } from 'react';

export type CopyState = 'idle' | 'copied' | 'refused';

/**
 * Copies text to the clipboard and says whether it worked. Where the clipboard is refused (no
 * permission, an insecure page, an old browser), `fallback`'s text is selected, to copy by hand.
 */
export function useCopyText(fallback?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'refused') fallback?.current?.select();
  }, [state, fallback]);
  async function copy(text: string) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('refused');
    }
  }
  return { state, copy, reset: () => setState('idle') };
}
