import type { ReactNode } from 'react';
import { i18n } from '../lib/i18n/i18n.ts';

export interface AppHeaderProps {
  /** The dataset's title, or null while it loads. */
  title: string | null;
  /** Where the dataset came from, when it is not the bundled one. */
  origin: string | null;
  actions: ReactNode;
}

export function AppHeader({ title, origin, actions }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {i18n._('Skip to events')}
      </a>
      <span className="brand" aria-label="Dateline">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Dateline</span>
      </span>
      <div className="dataset-heading">
        {/* One line, ellipsized when long: the tooltip holds the whole title. */}
        <h1 className="dataset-title" title={title ?? undefined}>
          {title ?? i18n._('Loading dataset…')}
        </h1>
        {origin && (
          <p className="dataset-origin" title={origin}>
            {origin}
          </p>
        )}
      </div>
      <div className="header-actions">{actions}</div>
    </header>
  );
}
