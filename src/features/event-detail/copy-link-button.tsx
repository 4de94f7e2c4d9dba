import { useEffect, useId, useRef, useState } from 'react';

export interface CopyLinkButtonProps {
  url: string;
}

type CopyState = 'idle' | 'copied' | 'refused';

/**
 * Copies the event's absolute URL (render it with `key={url}` so a new event starts afresh). Where the clipboard is refused (no permission, an insecure
 * page, an old browser) the link appears as selected text to copy by hand.
 */
export function CopyLinkButton({ url }: CopyLinkButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const fallbackRef = useRef<HTMLInputElement>(null);
  const fallbackId = useId();

  useEffect(
    function selectFallbackText() {
      if (state === 'refused') fallbackRef.current?.select();
    },
    [state],
  );

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('refused');
    }
  }

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="copy-link-status" aria-live="polite">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'refused' && (
        <div className="copy-link-fallback">
          <label htmlFor={fallbackId}>The clipboard is not available here. Copy this link:</label>
          <input
            id={fallbackId}
            ref={fallbackRef}
            readOnly
            value={url}
            onFocus={(focusEvent) => focusEvent.target.select()}
          />
        </div>
      )}
    </div>
  );
}
