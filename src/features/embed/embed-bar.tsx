import { i18n } from '../../lib/i18n/i18n.ts';

export interface EmbedBarProps {
  /** The dataset's title, or null while it loads. */
  title: string | null;
  /** The same view in the full app (the address without `embed`). */
  fullViewHref: string;
}

/**
 * The embed's compact title bar: what the reader is looking at, and the one way out, to the full
 * view in a new tab (the article stays where the reader left it).
 */
export function EmbedBar({ title, fullViewHref }: EmbedBarProps) {
  return (
    <header className="embed-bar">
      <span className="embed-brand-mark" aria-hidden="true" />
      <h1 className="embed-title" dir={title === null ? undefined : 'auto'}>
        {title ?? i18n._('Loading…')}
      </h1>
      <a className="embed-open" href={fullViewHref} target="_blank" rel="noopener">
        {i18n._('Open in Dateline')}
        <span className="visually-hidden"> {i18n._('(opens in a new tab)')}</span>
      </a>
    </header>
  );
}
