import type { ImportProgress } from '../data/import/import-types.ts';
import { useStoreValue, type Store } from '../lib/store/store.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import './load-states.css';

// A formatter is made once per language: making one costs more than the render it serves, and a
// download reports its progress hundreds of times.
const counts = new Map<string, Intl.NumberFormat>();
const sizes = new Map<string, Intl.NumberFormat>();

function formatterFor(
  made: Map<string, Intl.NumberFormat>,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let formatter = made.get(i18n.locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(i18n.locale, options);
    made.set(i18n.locale, formatter);
  }
  return formatter;
}

function count(value: number): string {
  return formatterFor(counts, {}).format(value);
}

function megabytes(bytes: number): string {
  return formatterFor(sizes, {
    style: 'unit',
    unit: 'megabyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1_000_000);
}

export function describeProgress(progress: ImportProgress | null): string {
  if (!progress) return i18n._('Loading events…');
  if (progress.part) {
    return i18n._(
      '{count, plural, one {Loaded {done} of # part} other {Loaded {done} of # parts}}',
      {
        done: count(progress.part.done),
        count: progress.part.count,
      },
    );
  }
  const seconds = progress.silentSeconds ?? 0;
  switch (progress.stage) {
    case 'waiting':
      return progress.bytes
        ? i18n._('Downloading: {size} so far, nothing more for {seconds} s', {
            size: megabytes(progress.bytes),
            seconds,
          })
        : i18n._('Waiting for the server: no answer for {seconds} s', { seconds });
    case 'downloading': {
      const size = megabytes(progress.bytes ?? 0);
      const downloaded = progress.totalBytes
        ? i18n._('Downloading: {size} of {total}', { size, total: megabytes(progress.totalBytes) })
        : i18n._('Downloading: {size}', { size });
      // On a line of its own (the paragraph keeps line breaks): the pane is narrow.
      return progress.rows > 0
        ? `${downloaded}\n${i18n._('{count, plural, one {# record read} other {# records read}}', { count: progress.rows })}`
        : downloaded;
    }
    case 'reading':
      return i18n._('Reading the file…');
    case 'parsing':
      return i18n._('Reading rows: {count}', { count: count(progress.rows) });
    case 'checking':
      return i18n._('Checking rows: {count}', { count: count(progress.rows) });
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
        aria-label={i18n._('Loading the dataset')}
        max={1}
        {...(fraction === null ? {} : { value: fraction })}
      />
    </div>
  );
}
