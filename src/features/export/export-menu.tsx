import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { DatasetEvent, DatasetMetadata } from '../../data/model/schema.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import './export.css';

export interface ExportMenuProps {
  events: readonly DatasetEvent[];
  metadata: DatasetMetadata;
  range: { from: CalendarDay; to: CalendarDay } | null;
}

function download(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the events shown (after every filter) as GeoJSON or CSV. */
export function ExportMenu({ events, metadata, range }: ExportMenuProps) {
  const count = events.length.toLocaleString('en-GB');
  const noun = events.length === 1 ? 'event' : 'events';
  return (
    <Disclosure className="export-menu" buttonClassName="button" label="Export" closeOnOutsidePress>
      {(region, close) => (
        <div {...region} className="export-menu-panel">
          <p className="export-menu-note">
            The {count} {noun} shown, with their sources.
          </p>
          <button
            type="button"
            className="button"
            disabled={events.length === 0}
            onClick={async () => {
              // The writers load on first use: most readers never export.
              const { exportFileName, toGeoJson } = await import('../../data/export/export.ts');
              download(
                toGeoJson(events, metadata),
                exportFileName(metadata.title, range, 'geojson'),
                'application/geo+json',
              );
              close();
            }}
          >
            GeoJSON
          </button>
          <button
            type="button"
            className="button"
            disabled={events.length === 0}
            onClick={async () => {
              const { exportFileName, toCsv } = await import('../../data/export/export.ts');
              download(toCsv(events), exportFileName(metadata.title, range, 'csv'), 'text/csv');
              close();
            }}
          >
            CSV
          </button>
        </div>
      )}
    </Disclosure>
  );
}
