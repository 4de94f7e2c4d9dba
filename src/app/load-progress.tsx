import type { ImportProgress } from '../data/import/import-types.ts';
import { useStoreValue, type Store } from '../lib/store/store.ts';
import './load-states.css';

const countFormat = new Intl.NumberFormat('en-GB');

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function describeProgress(progress: ImportProgress | null): string {
  if (!progress) return 'Loading events…';
  if (progress.part) {
    return `Loaded ${progress.part.done} of ${progress.part.count} parts`;
  }
  switch (progress.stage) {
    case 'waiting':
      return progress.bytes
        ? `Downloading: ${megabytes(progress.bytes)} so far, nothing more for ${progress.silentSeconds ?? 0} s`
        : `Waiting for the server: no answer for ${progress.silentSeconds ?? 0} s`;
    case 'downloading': {
      const downloaded = progress.totalBytes
        ? `Downloading: ${megabytes(progress.bytes ?? 0)} of ${megabytes(progress.totalBytes)}`
        : `Downloading: ${megabytes(progress.bytes ?? 0)}`;
      // On a line of its own (the paragraph keeps line breaks): the pane is narrow.
      return progress.rows > 0
        ? `${downloaded}\n${countFormat.format(progress.rows)} records read`
        : downloaded;
    }
    case 'reading':
      return 'Reading the file…';
    case 'parsing':
      return `Reading rows: ${countFormat.format(progress.rows)}`;
    case 'checking':
      return `Checking rows: ${countFormat.format(progress.rows)}`;
  }
}

const identity = (progress: ImportProgress | null) => progress;

/**
 * Where a long load has got to: bytes downloaded, then rows read. Not a live region: the status
 * line announces the result once, rather than a screen reader hearing every thousand rows.
 */
export function LoadProgress({ store }: { store: Store<ImportProgress | null> }) {
  const progress = useStoreValue(store, identity);
  const fraction =
    progress?.stage === 'downloading' && progress.totalBytes
      ? (progress.bytes ?? 0) / progress.totalBytes
      : null;
  return (
    <div className="load-progress">
      <p>{describeProgress(progress)}</p>
      <progress
        aria-label="Loading the dataset"
        max={1}
        {...(fraction === null ? {} : { value: fraction })}
      />
    </div>
  );
}
