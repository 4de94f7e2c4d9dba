import { lazy, Suspense } from 'react';
import type { DataIssue } from '../../data/model/schema.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import './data-issues.css';

export interface DataIssuesPanelProps {
  issues: DataIssue[];
  recordCount: number;
}

// The list loads when the panel is first opened: most readers never open it (the first load's
// budget, docs/performance.md).
const DataIssuesList = lazy(() =>
  import('./data-issues-list.tsx').then((module) => ({ default: module.DataIssuesList })),
);

/** Lists the records that broke the contract, so nothing is left out without a word. */
export function DataIssuesPanel({ issues, recordCount }: DataIssuesPanelProps) {
  return (
    <Disclosure
      className="data-issues"
      buttonClassName="button button-warning"
      label={<>Data issues ({issues.length})</>}
    >
      {(region) => (
        <section {...region} className="data-issues-panel" aria-label="Data issues">
          {!region.hidden && (
            <Suspense fallback={null}>
              <DataIssuesList issues={issues} recordCount={recordCount} />
            </Suspense>
          )}
        </section>
      )}
    </Disclosure>
  );
}
