import type { DataIssue } from '../../data/model/schema.ts';

/** Enough to read and to search with the browser; more would only slow the page down. */
const LISTED = 1000;

export interface DataIssuesListProps {
  issues: DataIssue[];
  recordCount: number;
}

/** Each record that broke the contract: where it is and what is wrong. */
export function DataIssuesList({ issues, recordCount }: DataIssuesListProps) {
  return (
    <>
      <p className="data-issues-intro">
        {issues.length.toLocaleString('en-GB')} of {recordCount.toLocaleString('en-GB')} records in
        the file could not be shown. Each is listed with where it is and what is wrong.
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
          …and {(issues.length - LISTED).toLocaleString('en-GB')} more. Export the events shown and
          compare, or fix the first ones and open the file again.
        </p>
      )}
    </>
  );
}
