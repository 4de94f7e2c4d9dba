import type { DataIssue } from '../../data/model/schema.ts';
import { formatDay } from '../../data/model/date-label.ts';
import { isPlainLeftClick } from '../../lib/is-plain-left-click.ts';
import type { DataIssuesPanelProps } from './data-issues-props.ts';
import { dateWarnings } from './date-warnings.ts';

/** Enough to read and to search with the browser; more would only slow the page down. */
const LISTED = 1000;

function issueItem(issue: DataIssue) {
  return (
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
  );
}

/**
 * Two lists, told apart in words and in colour: the records that could not be shown (errors),
 * and the events shown whose dates lie far from the rest (warnings: the data is shown as written,
 * never changed; the reader judges).
 */
export function DataIssuesList({
  issues: allIssues,
  recordCount,
  events,
  bulk,
  eventHref,
  onSelectEvent,
}: DataIssuesPanelProps) {
  const issues = allIssues.filter((issue) => !issue.shown);
  const fieldWarnings = allIssues.filter((issue) => issue.shown);
  return (
    <>
      {issues.length > 0 && (
        <>
          <h2 className="data-issues-heading">
            Not shown: {issues.length.toLocaleString('en-GB')}{' '}
            {issues.length === 1 ? 'record' : 'records'}
          </h2>
          <p className="data-issues-intro">
            {issues.length.toLocaleString('en-GB')} of {recordCount.toLocaleString('en-GB')} records
            in the file could not be shown. Each is listed with where it is and what is wrong.
          </p>
          <ol className="data-issues-list">{issues.slice(0, LISTED).map(issueItem)}</ol>
          {issues.length > LISTED && (
            <p className="data-issues-intro">
              …and {(issues.length - LISTED).toLocaleString('en-GB')} more. Export the events shown
              and compare, or fix the first ones and open the file again.
            </p>
          )}
        </>
      )}
      {fieldWarnings.length > 0 && (
        <>
          <h2 className="data-issues-heading is-warning">
            Warnings: {fieldWarnings.length} {fieldWarnings.length === 1 ? 'event' : 'events'} shown
            without a field
          </h2>
          <ol className="data-issues-list data-warnings-list">
            {fieldWarnings.slice(0, LISTED).map(issueItem)}
          </ol>
        </>
      )}
      {bulk && bulk.earlier + bulk.later > 0 && (
        <>
          <h2 className="data-issues-heading is-warning">
            Warnings: {bulk.earlier + bulk.later}{' '}
            {bulk.earlier + bulk.later === 1 ? 'date' : 'dates'} far from the rest
          </h2>
          <p className="data-issues-intro">
            Most events are dated {formatDay(bulk.first)} – {formatDay(bulk.last)}. These are shown
            as written, on the map and in the list; the timeline counts them at its ends. Check
            whether the year is mistyped.
          </p>
          <ol className="data-issues-list data-warnings-list">
            {dateWarnings(events, bulk).map((warning) => (
              <li key={warning.id}>
                <span className="data-issue-where">
                  Row {warning.row} · date <code>{warning.value}</code>
                </span>
                <span className="data-issue-reason">
                  {warning.reason}{' '}
                  <a
                    href={eventHref(warning.id)}
                    onClick={(mouseEvent) => {
                      if (!isPlainLeftClick(mouseEvent)) return;
                      mouseEvent.preventDefault();
                      onSelectEvent(warning.id);
                    }}
                  >
                    Show “{warning.title}”
                  </a>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
