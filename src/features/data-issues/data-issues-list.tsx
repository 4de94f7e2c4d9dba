import type { DataIssue } from '../../data/model/schema.ts';
import { formatDay } from '../../data/model/date-label.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { sayReason } from '../../lib/i18n/say-reason.ts';
import { isPlainLeftClick } from '../../lib/is-plain-left-click.ts';
import type { DataIssuesPanelProps } from './data-issues-props.ts';
import { dateWarnings } from './date-warnings.ts';

/** Enough to read and to search with the browser; more would only slow the page down. */
const LISTED = 1000;

function issueItem(issue: DataIssue) {
  return (
    <li key={`${issue.position}-${issue.field}`}>
      <span className="data-issue-where">
        {issue.line === undefined
          ? i18n._('Record {number}', { number: i18n.number(issue.position + 1) })
          : i18n._('Row {number}', { number: i18n.number(issue.position + 1) })}
        {issue.line !== undefined &&
          ` · ${i18n._('line {number}', { number: i18n.number(issue.line) })}`}
        {issue.id !== null && ` · ${i18n._('id “{id}”', { id: issue.id })}`}
        {issue.field && (
          <>
            {' '}
            · <code>{issue.field}</code>
          </>
        )}
      </span>
      <span className="data-issue-reason">{sayReason(issue)}</span>
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
  unlisted = 0,
  recordCount,
  events,
  bulk,
  eventHref,
  onSelectEvent,
}: DataIssuesPanelProps) {
  const issues = allIssues.filter((issue) => !issue.shown);
  const fieldWarnings = allIssues.filter((issue) => issue.shown);
  const notShown = issues.length + unlisted;
  const more = Math.max(0, issues.length - LISTED) + unlisted;
  return (
    <>
      {notShown > 0 && (
        <>
          <h2 className="data-issues-heading">
            {i18n._('Not shown: {records}', {
              records: i18n._('{count, plural, one {# record} other {# records}}', {
                count: notShown,
              }),
            })}
          </h2>
          <p className="data-issues-intro">
            {i18n._('{count} of {records} in the file could not be shown.', {
              count: i18n.number(notShown),
              records: i18n._('{count, plural, one {# record} other {# records}}', {
                count: recordCount,
              }),
            })}{' '}
            {unlisted === 0
              ? i18n._('Each is listed with where it is and what is wrong.')
              : issues.length > 0 &&
                i18n._(
                  'The data server lists the first {count}, with where each is and what is wrong.',
                  { count: i18n.number(issues.length) },
                )}
          </p>
          <ol className="data-issues-list">{issues.slice(0, LISTED).map(issueItem)}</ol>
          {more > 0 && (
            <p className="data-issues-intro">
              {i18n._('…and {count} more.', { count: i18n.number(more) })}
              {/* Over a data server the reader has no file to open again. */}
              {unlisted === 0 &&
                ` ${i18n._('Export the events shown and compare, or fix the first ones and open the file again.')}`}
            </p>
          )}
        </>
      )}
      {fieldWarnings.length > 0 && (
        <>
          <h2 className="data-issues-heading is-warning">
            {i18n._('Warnings: {events} shown without a field', {
              events: i18n._('{count, plural, one {# event} other {# events}}', {
                count: fieldWarnings.length,
              }),
            })}
          </h2>
          <ol className="data-issues-list data-warnings-list">
            {fieldWarnings.slice(0, LISTED).map(issueItem)}
          </ol>
        </>
      )}
      {bulk && bulk.earlier + bulk.later > 0 && (
        <>
          <h2 className="data-issues-heading is-warning">
            {i18n._('Warnings: {dates} far from the rest', {
              dates: i18n._('{count, plural, one {# date} other {# dates}}', {
                count: bulk.earlier + bulk.later,
              }),
            })}
          </h2>
          <p className="data-issues-intro">
            {i18n._('Most events are dated {first} – {last}.', {
              first: formatDay(bulk.first),
              last: formatDay(bulk.last),
            })}{' '}
            {i18n._(
              'These are shown as written, on the map and in the list; the timeline counts them at its ends.',
            )}{' '}
            {i18n._('Check whether the year is mistyped.')}
          </p>
          <ol className="data-issues-list data-warnings-list">
            {dateWarnings(events, bulk).map((warning) => (
              <li key={warning.id}>
                <span className="data-issue-where">
                  {i18n._('Row {number}', { number: i18n.number(warning.row) })} · {i18n._('date')}{' '}
                  <code>{warning.value}</code>
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
                    {i18n._('Show “{title}”', { title: warning.title })}
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
