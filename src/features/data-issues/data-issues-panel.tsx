import { lazy, Suspense } from 'react';
import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { DataIssue, DatasetEvent } from '../../data/model/schema.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import './data-issues.css';

export interface DataIssuesPanelProps {
  /** Records that broke the contract: not shown. */
  issues: DataIssue[];
  recordCount: number;
  /** Events shown, but dated far from the rest (date-bulk.ts): likely typing errors. */
  warnings: DatasetEvent[];
  /** The span of most events' dates, which the warnings are far from; null without events. */
  bulk: { first: CalendarDay; last: CalendarDay } | null;
  eventHref: (id: string) => string;
  onSelectEvent: (id: string) => void;
}

// The list loads when the panel is first opened: most readers never open it (the first load's
// budget, docs/performance.md).
const DataIssuesList = lazy(() =>
  import('./data-issues-list.tsx').then((module) => ({ default: module.DataIssuesList })),
);

/**
 * Lists the records that broke the contract, so nothing is left out without a word, and the
 * dates that look mistyped. The count in brackets is of records not shown, as it always was;
 * warnings are counted apart, since those events are shown.
 */
export function DataIssuesPanel(props: DataIssuesPanelProps) {
  const errors = props.issues.length;
  const warnings = props.warnings.length;
  return (
    <Disclosure
      className="data-issues"
      buttonClassName="button button-warning"
      label={
        <>
          Data issues{errors > 0 && ` (${errors})`}
          {warnings > 0 && ` · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`}
        </>
      }
    >
      {(region, close) => (
        <section {...region} className="data-issues-panel" aria-label="Data issues">
          {!region.hidden && (
            <Suspense fallback={null}>
              <DataIssuesList
                {...props}
                onSelectEvent={(id) => {
                  // Out of the way, so the map and the list show the event (the page's focus
                  // rescue takes the focus to it).
                  close();
                  props.onSelectEvent(id);
                }}
              />
            </Suspense>
          )}
        </section>
      )}
    </Disclosure>
  );
}
