import { OpenDatasetButton } from '../features/open-dataset/open-dataset-button.tsx';
import { showBundledDataset } from '../data/url/explorer-actions.ts';
import type { UrlStateApi } from '../data/url/use-url-state.ts';
import type { LoadedDataset } from './use-dataset.ts';
import './load-states.css';

/** What a failed load says: what went wrong, and a way on. Never a blank page. */
export function LoadError({ loaded, url }: { loaded: LoadedDataset; url: UrlStateApi }) {
  const { query, source } = loaded;
  const retrying = query.isFetching;
  return (
    <section className="load-error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">The events could not be loaded</h2>
      <p>{query.error?.message}</p>
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
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {source.kind !== 'bundled' && (
          <>
            <OpenDatasetButton onFiles={loaded.openFiles} className="button button-primary" />
            <button type="button" className="button" onClick={() => url.apply(showBundledDataset)}>
              Back to bundled dataset
            </button>
          </>
        )}
      </div>
    </section>
  );
}
