import { lazy, Suspense } from 'react';
import type { DataIssuesPanelProps } from './data-issues-props.ts';

// Loaded only for a dataset with something to report, which the bundled one never has: the first
// load's budget (docs/performance.md).
const DataIssuesDisclosure = lazy(() =>
  import('./data-issues-disclosure.tsx').then((module) => ({
    default: module.DataIssuesDisclosure,
  })),
);

/** The Data issues button and the panel it opens. */
export function DataIssuesPanel(props: DataIssuesPanelProps) {
  return (
    <Suspense fallback={null}>
      <DataIssuesDisclosure {...props} />
    </Suspense>
  );
}
