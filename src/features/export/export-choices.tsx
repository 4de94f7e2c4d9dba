import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { exportFileName, toCsv, toGeoJson } from '../../data/export/export.ts';
import type { DatasetEvent, DatasetMetadata } from '../../data/model/schema.ts';
import { downloadText } from '../../lib/download.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export interface ExportChoicesProps {
  events: readonly DatasetEvent[];
  metadata: DatasetMetadata;
  range: { from: CalendarDay; to: CalendarDay } | null;
  /** The search in force, which the file's name says. */
  search: string;
  /** Closes the menu once a file is on its way. */
  onDone: () => void;
}

const FORMATS = [
  {
    label: 'GeoJSON',
    extension: 'geojson',
    type: 'application/geo+json',
    write: toGeoJson,
  },
  {
    label: 'CSV',
    extension: 'csv',
    type: 'text/csv',
    write: (events: readonly DatasetEvent[]) => toCsv(events),
  },
] as const;

/** The formats on offer, each a download of the events shown. */
export function ExportChoices({ events, metadata, range, search, onDone }: ExportChoicesProps) {
  return (
    <>
      <p className="export-menu-note">
        {i18n._('The {events} shown, with their sources.', {
          events: i18n._('{count, plural, one {# event} other {# events}}', {
            count: events.length,
          }),
        })}
      </p>
      {FORMATS.map((format) => (
        <button
          key={format.extension}
          type="button"
          className="button"
          disabled={events.length === 0}
          onClick={() => {
            downloadText(
              format.write(events, metadata),
              exportFileName(metadata.title, range, format.extension, search),
              format.type,
            );
            onDone();
          }}
        >
          {format.label}
        </button>
      ))}
    </>
  );
}
