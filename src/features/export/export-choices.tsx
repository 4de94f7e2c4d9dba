import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { exportFileName, toCsv, toGeoJson } from '../../data/export/export.ts';
import type { DatasetEvent, DatasetMetadata } from '../../data/model/schema.ts';

export interface ExportChoicesProps {
  events: readonly DatasetEvent[];
  metadata: DatasetMetadata;
  range: { from: CalendarDay; to: CalendarDay } | null;
  /** Closes the menu once a file is on its way. */
  onDone: () => void;
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
export function ExportChoices({ events, metadata, range, onDone }: ExportChoicesProps) {
  const count = events.length.toLocaleString('en-GB');
  const noun = events.length === 1 ? 'event' : 'events';
  return (
    <>
      <p className="export-menu-note">
        The {count} {noun} shown, with their sources.
      </p>
      {FORMATS.map((format) => (
        <button
          key={format.extension}
          type="button"
          className="button"
          disabled={events.length === 0}
          onClick={() => {
            download(
              format.write(events, metadata),
              exportFileName(metadata.title, range, format.extension),
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
