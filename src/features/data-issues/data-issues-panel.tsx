import { useId, useState } from 'react';
import type { DataIssue } from '../../data/schema.ts';

export interface DataIssuesPanelProps {
  issues: DataIssue[];
  recordCount: number;
}

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
          {issues.length} of {recordCount} records in the file could not be shown. Each is listed
          with where it is and what is wrong.
        </p>
        <ol className="data-issues-list">
          {issues.map((issue) => (
            <li key={`${issue.position}-${issue.field}`}>
              <span className="data-issue-where">
                Record {issue.position + 1}
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
      </section>
    </div>
  );
}
