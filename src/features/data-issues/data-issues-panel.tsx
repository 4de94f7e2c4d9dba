import { useId, useState } from 'react';
import type { DataIssue } from '../../data/model/schema.ts';

export interface DataIssuesPanelProps {
  issues: DataIssue[];
  recordCount: number;
}

/** Enough to read and to search with the browser; more would only slow the page down. */
const LISTED = 1000;

/** Lists the records that broke the contract, so nothing is left out without a word. */
export function DataIssuesPanel({ issues, recordCount }: DataIssuesPanelProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="data-issues">
      <button
        type="button"
        className="button button-warning"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Data issues ({issues.length})
      </button>
      <section id={panelId} className="data-issues-panel" hidden={!open} aria-label="Data issues">
        <p className="data-issues-intro">
          {issues.length.toLocaleString('en-GB')} of {recordCount.toLocaleString('en-GB')} records
          in the file could not be shown. Each is listed with where it is and what is wrong.
        </p>
        <ol className="data-issues-list">
          {issues.slice(0, LISTED).map((issue) => (
            <li key={`${issue.position}-${issue.field}`}>
              <span className="data-issue-where">
                {issue.line === undefined ? 'Record' : 'Row'} {issue.position + 1}
                {issue.line !== undefined && <> · line {issue.line}</>}
                {issue.id !== null && <> · id “{issue.id}”</>}
                {issue.field && (
                  <>
                    {' '}
                    · <code>{issue.field}</code>
                  </>
                )}
              </span>
              <span className="data-issue-reason">{issue.reason}</span>
            </li>
          ))}
        </ol>
        {issues.length > LISTED && (
          <p className="data-issues-intro">
            …and {(issues.length - LISTED).toLocaleString('en-GB')} more. Export the events shown
            and compare, or fix the first ones and open the file again.
          </p>
        )}
      </section>
    </div>
  );
}
