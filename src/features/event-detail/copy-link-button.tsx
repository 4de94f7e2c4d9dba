import { useId, useRef, useState } from 'react';
import { useCopyText } from '../../lib/use-copy-text.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export interface CopyLinkButtonProps {
  /** The event's own link. */
  url: string;
  /** The same link with the current filters, or null when no filter is set. */
  urlWithFilters: string | null;
  title: string;
}

/**
 * Copies the event's absolute URL, with the current filters if the reader asks. Where the clipboard
 * is refused (no permission, an insecure page, an old browser) the link appears as selected text to
 * copy by hand. Where the device can share (phones), a Share button hands the link to it.
 * Render it with `key={url}` so that each event starts afresh.
 */
export function CopyLinkButton({ url, urlWithFilters, title }: CopyLinkButtonProps) {
  const [withFilters, setWithFilters] = useState(false);
  const fallbackRef = useRef<HTMLInputElement>(null);
  const { state, copy, reset } = useCopyText(fallbackRef);
  const fallbackId = useId();
  const link = withFilters && urlWithFilters ? urlWithFilters : url;
  const canShare = typeof navigator.share === 'function';

  async function share() {
    try {
      await navigator.share({ title, url: link });
    } catch {
      // The reader closed the share sheet: nothing to say.
    }
  }

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy(link)}>
        {i18n._('Copy link')}
      </button>
      {canShare && (
        <button type="button" className="button" onClick={() => void share()}>
          {i18n._('Share…')}
        </button>
      )}
      {urlWithFilters && (
        <label className="toggle copy-link-filters">
          <input
            type="checkbox"
            checked={withFilters}
            onChange={(changeEvent) => {
              setWithFilters(changeEvent.target.checked);
              reset();
            }}
          />
          {i18n._('Include the current filters')}
        </label>
      )}
      {/* Links into a file opened on this device: honest about who can follow them. */}
      {new URL(link).searchParams.get('data')?.startsWith('local:') && (
        <p className="copy-link-note">
          {i18n._(
            'Only this device can open this link: the file was opened here and never uploaded.',
          )}{' '}
          {i18n._(
            'To share these events, publish the file as a site with “Publish…” (beside Export).',
          )}
        </p>
      )}
      <span className="copy-link-status" aria-live="polite">
        {state === 'copied' ? i18n._('Link copied') : ''}
      </span>
      {state === 'refused' && (
        <div className="copy-link-fallback">
          <label htmlFor={fallbackId}>
            {i18n._('The clipboard is not available here. Copy this link:')}
          </label>
          <input
            id={fallbackId}
            ref={fallbackRef}
            readOnly
            value={link}
            onFocus={(focusEvent) => focusEvent.target.select()}
          />
        </div>
      )}
    </div>
  );
}
