import { useId, useRef, type ReactNode } from 'react';
import { i18n } from '../../lib/i18n/i18n.ts';

const ACCEPTED_FILES =
  '.csv,.tsv,.txt,.json,.geojson,.parquet,.geoparquet,text/csv,text/tab-separated-values,application/json,application/geo+json';

export interface OpenDatasetButtonProps {
  onFiles: (files: File[]) => void;
  label?: ReactNode;
  className?: string;
}

/** A real button in front of a hidden file input, so it looks like the other buttons and is one. */
export function OpenDatasetButton({
  onFiles,
  label,
  className = 'button',
}: OpenDatasetButtonProps) {
  const name = i18n._('Open dataset…');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <>
      <button
        type="button"
        className={className}
        // A shortened label (on a phone, "Open…") keeps the whole name, without the gaps a
        // hidden word leaves in a name computed from the text.
        aria-label={label === undefined || typeof label === 'string' ? undefined : name}
        onClick={() => inputRef.current?.click()}
      >
        {label ?? name}
      </button>
      <input
        ref={inputRef}
        id={inputId}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        aria-label={i18n._('Dataset file (CSV, GeoJSON or JSON)')}
        tabIndex={-1}
        onChange={(changeEvent) => {
          const files = [...(changeEvent.target.files ?? [])];
          // Cleared so that opening the same file again (after editing it) fires a change.
          changeEvent.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
