export interface AppHeaderProps {
  /** The dataset's title, or null while it loads. */
  title: string | null;
}

export function AppHeader({ title }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to events
      </a>
      <span className="brand" aria-label="Dateline">
        <span className="brand-mark" aria-hidden="true" />
        Dateline
      </span>
      <h1 className="dataset-title">{title ?? 'Loading dataset…'}</h1>
    </header>
  );
}
