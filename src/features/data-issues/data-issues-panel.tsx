import { lazy, Suspense } from 'react';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { DataIssuesPanelProps } from './data-issues-props.ts';
import './data-issues.css';

// The lists load when the panel is first opened: most readers never open it (the first load's
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
  // An issue about an event that is shown all the same (a bad story step) is a warning.
  const fieldWarnings = props.issues.filter((issue) => issue.shown).length;
  const errors = props.issues.length - fieldWarnings + (props.unlisted ?? 0);
  const warnings = (props.bulk ? props.bulk.earlier + props.bulk.later : 0) + fieldWarnings;
  return (
    <Disclosure
      className="data-issues"
      buttonClassName="button button-warning"
      closeOnOutsidePress
      label={
        <>
          {i18n._('Data issues')}
          {errors > 0 && ` (${i18n.number(errors)})`}
          {warnings > 0 &&
            ` · ${i18n._('{count, plural, one {# warning} other {# warnings}}', { count: warnings })}`}
        </>
      }
    >
      {(region, close) => (
        <section {...region} className="data-issues-panel" aria-label={i18n._('Data issues')}>
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
