import { lazy, Suspense } from 'react';
import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { DatasetEvent, DatasetMetadata } from '../../data/model/schema.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import './export.css';

// The choices load when the menu is first opened: most readers never export (the first load's
// budget, docs/performance.md).
const ExportChoices = lazy(() =>
  import('./export-choices.tsx').then((module) => ({ default: module.ExportChoices })),
);

export interface ExportMenuProps {
  events: readonly DatasetEvent[];
  metadata: DatasetMetadata;
  range: { from: CalendarDay; to: CalendarDay } | null;
  /** The search in force (the file's name says it). */
  search: string;
}

/** Downloads the events shown (after every filter) as GeoJSON or CSV. */
export function ExportMenu({ events, metadata, range, search }: ExportMenuProps) {
  return (
    <Disclosure
      className="export-menu popover-anchor"
      buttonClassName="button"
      label={i18n._('Export')}
      closeOnOutsidePress
    >
      {(region, close) => (
        <div {...region} className="export-menu-panel popover">
          {!region.hidden && (
            <Suspense fallback={null}>
              <ExportChoices
                events={events}
                metadata={metadata}
                range={range}
                search={search}
                onDone={close}
              />
            </Suspense>
          )}
        </div>
      )}
    </Disclosure>
  );
}
