import { OpenDatasetButton } from '../features/open-dataset/open-dataset-button.tsx';
import { showBundledDataset } from '../data/url/explorer-actions.ts';
import { loadErrorText } from '../data/loading/load-error-text.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { LoadedDataset } from './use-dataset.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import './load-states.css';

/** What a failed load says: what went wrong, and a way on. Never a blank page. */
export function LoadError({ loaded, url }: { loaded: LoadedDataset; url: UrlStateApi }) {
  const { query, source } = loaded;
  const retrying = query.isFetching;
  return (
    <section className="load-error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">{i18n._('The events could not be loaded')}</h2>
      <p>{query.error && loadErrorText(query.error)}</p>
      <div className="load-error-actions">
        {/* The same file read again gives the same answer; a download might not. */}
        {source.kind !== 'local' && (
          <button
            type="button"
            className="button button-primary"
            // Not `disabled` while retrying: that would take the focus from a keyboard user.
            onClick={retrying ? undefined : () => void query.refetch()}
            aria-disabled={retrying}
          >
            {retrying ? i18n._('Retrying…') : i18n._('Retry')}
          </button>
        )}
        {source.kind !== 'bundled' && (
          <>
            <OpenDatasetButton onFiles={loaded.openFiles} className="button button-primary" />
            <button type="button" className="button" onClick={() => url.apply(showBundledDataset)}>
              {i18n._('Back to bundled dataset')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
