import { useQuery } from '@tanstack/react-query';
import { eventsQueryOptions } from '../data/events-query.ts';
import { AppHeader } from './app-header.tsx';
import { LoadError } from './load-error.tsx';
import { StatusLine } from './status-line.tsx';
import { DataIssuesPanel } from '../features/data-issues/data-issues-panel.tsx';
import { Chronology } from '../features/chronology/chronology.tsx';

/** Puts the features together around one dataset; the only module that knows them all. */
export function App() {
  const datasetQuery = useQuery(eventsQueryOptions());
  const dataset = datasetQuery.data;

  return (
    <div className="app">
      <AppHeader title={dataset?.metadata.title ?? null} />
      <div className="app-bar">
        <StatusLine
          loading={datasetQuery.isPending}
          failed={datasetQuery.isError}
          shown={dataset?.events.length ?? 0}
          total={dataset?.events.length ?? 0}
        />
        {dataset && dataset.issues.length > 0 && (
          <DataIssuesPanel issues={dataset.issues} recordCount={dataset.recordCount} />
        )}
      </div>
      <main className="workspace" id="main">
        {datasetQuery.isError ? (
          <LoadError
            error={datasetQuery.error}
            retrying={datasetQuery.isFetching}
            onRetry={() => void datasetQuery.refetch()}
          />
        ) : dataset ? (
          <Chronology events={dataset.events} />
        ) : (
          <div className="loading-placeholder" aria-hidden="true">
            <div className="skeleton-row" />
            <div className="skeleton-row" />
            <div className="skeleton-row" />
          </div>
        )}
      </main>
    </div>
  );
}
