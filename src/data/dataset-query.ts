/**
 * Loading a dataset: where it comes from (the bundled file, another address, or files the reader
 * opened), the fetcher, and its TanStack Query options kept together, so every caller shares one
 * cache entry per dataset and column choice.
 */
import { queryOptions } from '@tanstack/react-query';
import type {
  ImportChoices,
  ImportInput,
  ImportOutcome,
  ImportProgress,
  ImportReport,
} from './import/import-dataset.ts';
import { mergeParts, readManifest, type Manifest } from './import/manifest.ts';
import type { Dataset } from './schema.ts';
import { LOCAL_PREFIX, localFiles } from './import/local-files.ts';
import { runImport } from './import/run-import.ts';
import { DatasetError } from './dataset-error.ts';

/** The bundled dataset, served beside the app under the configured base path. */
export const BUNDLED_DATASET_URL = `${import.meta.env.BASE_URL}data/events.geojson`;

export type DatasetSource =
  | { kind: 'bundled'; url: string }
  | { kind: 'remote'; url: string }
  | { kind: 'local'; name: string };

/** A failure worth trying again by itself: the network, not the content. */
export class DatasetNetworkError extends DatasetError {
  override name = 'DatasetNetworkError';
}

/** The server went silent in the middle of a request: worth one more try, by the reader. */
export class DatasetStalledError extends DatasetNetworkError {
  override name = 'DatasetStalledError';
}

/**
 * How long a server may stay silent before the load gives up: longer for the first answer (a
 * slow API may think before it sends anything) than between two pieces of a download.
 */
export const FIRST_ANSWER_LIMIT_MS = 30_000;
export const STALL_LIMIT_MS = 15_000;
/** After this much silence the progress line says that it is waiting, and for how long. */
const SILENCE_SHOWN_AFTER_MS = 2_000;

/** The reader's own file is named in the URL but was not opened in this page (after a reload). */
export class LocalFileMissingError extends DatasetError {
  override name = 'LocalFileMissingError';
}

/** Reads the `data` parameter (already vetted by the URL parser) into a source. */
export function datasetSourceFrom(params: readonly [string, string][]): DatasetSource {
  const data = params.find(([key]) => key === 'data')?.[1];
  if (!data) return { kind: 'bundled', url: BUNDLED_DATASET_URL };
  if (data.startsWith(LOCAL_PREFIX))
    return { kind: 'local', name: data.slice(LOCAL_PREFIX.length) };
  // Relative to the app's base, not the page: `?data=quakes.csv` must mean the same file on
  // `/events/<id>` as on `/`.
  const base = new URL(import.meta.env.BASE_URL, window.location.origin);
  return { kind: 'remote', url: new URL(data, base).href };
}

/** A file name for an address: its last path segment, "dataset" if it has none. */
export function fileNameOf(url: string): string {
  try {
    const segment = new URL(url, 'http://localhost/').pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : 'dataset';
  } catch {
    return 'dataset';
  }
}

interface Download {
  bytes: Uint8Array;
  /**
   * When the answer is the copy stored for offline use (src/offline/service-worker.js): the
   * server's date of that copy, as sent, or "unknown".
   */
  offlineCopy: string | null;
}

/** Header the service worker puts on a dataset it answers from its store. */
const OFFLINE_COPY_HEADER = 'X-Dateline-Offline-Copy';

async function fetchBytes(
  url: string,
  signal: AbortSignal | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<Download> {
  // A hung server must not leave the reader with a loading line for ever: silence longer than
  // STALL_LIMIT_MS (before the answer, or between two pieces of it) ends the request with an
  // error that offers Retry. Until then the progress line counts the seconds of silence.
  const controller = new AbortController();
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  let lastHeard = Date.now();
  let answered = false;
  let bytesSoFar = 0;
  let stalled = false;
  const limit = () => (answered ? STALL_LIMIT_MS : FIRST_ANSWER_LIMIT_MS);
  const watch = setInterval(() => {
    const silentMs = Date.now() - lastHeard;
    if (silentMs >= limit()) {
      stalled = true;
      controller.abort();
    } else if (silentMs >= SILENCE_SHOWN_AFTER_MS) {
      onProgress({
        stage: 'waiting',
        rows: 0,
        bytes: bytesSoFar,
        silentSeconds: Math.floor(silentMs / 1000),
      });
    }
  }, 1000);
  const stalledError = () =>
    new DatasetStalledError(
      `${url} stopped answering: nothing arrived for ${limit() / 1000} seconds. The server may be busy or the connection lost.`,
    );
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/geo+json, application/json, text/csv;q=0.9, */*;q=0.5' },
      });
    } catch (error) {
      if (stalled) throw stalledError();
      if (signal?.aborted) throw error;
      const crossOrigin = new URL(url, window.location.href).origin !== window.location.origin;
      throw new DatasetNetworkError(
        `Could not reach ${url}: the network request failed.${crossOrigin ? ' If the address opens in a browser tab, its server may not allow other sites to read it (CORS).' : ''}`,
      );
    }
    lastHeard = Date.now();
    answered = true;
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new DatasetError(`The server answered ${status} for ${url}.`);
    }
    const lengthHeader = Number(response.headers.get('Content-Length'));
    // Compressed responses report the compressed length: only a plain one is a usable total.
    const totalBytes =
      Number.isFinite(lengthHeader) && lengthHeader > 0 && !response.headers.get('Content-Encoding')
        ? lengthHeader
        : null;
    const offlineCopy = response.headers.get(OFFLINE_COPY_HEADER);
    try {
      if (!response.body) {
        return { bytes: new Uint8Array(await response.arrayBuffer()), offlineCopy };
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        lastHeard = Date.now();
        chunks.push(value);
        bytes += value.length;
        bytesSoFar = bytes;
        onProgress({ stage: 'downloading', rows: 0, bytes, totalBytes });
      }
      const all = new Uint8Array(bytes);
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.length;
      }
      return { bytes: all, offlineCopy };
    } catch (error) {
      if (stalled) throw stalledError();
      if (signal?.aborted) throw error;
      throw new DatasetNetworkError(`The download of ${url} was cut off before it finished.`);
    }
  } finally {
    clearInterval(watch);
    signal?.removeEventListener('abort', stop);
  }
}

async function readInputs(
  source: DatasetSource,
  signal: AbortSignal | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<{ inputs: ImportInput[]; offlineCopy: string | null }> {
  if (source.kind !== 'local') {
    const { bytes, offlineCopy } = await fetchBytes(source.url, signal, onProgress);
    return { inputs: [{ name: fileNameOf(source.url), bytes }], offlineCopy };
  }
  const opened = localFiles(source.name);
  if (!opened) {
    throw new LocalFileMissingError(
      `“${source.name}” was opened from a device, and opened files are not kept once the page closes. Open it again to go on.`,
    );
  }
  onProgress({ stage: 'reading', rows: 0 });
  const inputs = await Promise.all(
    opened.files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { inputs, offlineCopy: null };
}

export type LoadedOutcome = ImportOutcome & {
  source: DatasetSource;
  /** Set when the dataset came from the offline store: the date of that copy, as the server sent it. */
  offlineCopy: string | null;
};

/** Parts at once: one worker per core, at most four (each holds its part's text while it works). */
const PARALLEL_PARTS = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

async function loadManifest(
  manifest: Manifest,
  signal: AbortSignal | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const results: { name: string; dataset: Dataset; report: ImportReport }[] = [];
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < manifest.parts.length) {
      const index = next;
      next += 1;
      const part = manifest.parts[index];
      if (!part) continue;
      const name = fileNameOf(part.url);
      const { bytes } = await fetchBytes(part.url, signal, () => {});
      const outcome = await runImport(
        { inputs: [{ name, bytes }], choices: null, sourceUrl: part.url },
        () => {},
        signal,
      );
      if (outcome.kind !== 'dataset') {
        throw new DatasetError(
          `Part ${index + 1} (${name}) has columns the importer is not sure of. Open it on its own to check them, or give it plain column names.`,
        );
      }
      results[index] = { name, dataset: outcome.dataset, report: outcome.report };
      done += 1;
      onProgress({ stage: 'parsing', rows: 0, part: { done, count: manifest.parts.length } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, manifest.parts.length) }, work));
  const dataset = mergeParts(manifest.title, results);
  const first = results[0]?.report;
  if (!first) throw new DatasetError('The manifest lists no parts.');
  return {
    kind: 'dataset',
    dataset,
    report: { ...first, fileName: `${manifest.parts.length} parts`, format: first.format },
  };
}

/**
 * Tells the service worker that these files (a dataset, or a manifest and its parts) were read
 * well, so they become the offline copy; a download cut off half-way never does.
 */
function rememberForOffline(urls: string[]) {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => {
    registration.active?.postMessage({ type: 'remember-dataset', urls });
  });
}

function sourceKey(source: DatasetSource): string {
  return source.kind === 'local'
    ? `${source.name}#${localFiles(source.name)?.generation ?? 0}`
    : source.url;
}

export function datasetQueryOptions(
  source: DatasetSource,
  choices: ImportChoices | null,
  onProgress: (progress: ImportProgress) => void = () => {},
) {
  return queryOptions({
    queryKey: ['dataset', source.kind, sourceKey(source), choices],
    queryFn: async ({ signal }): Promise<LoadedOutcome> => {
      const { inputs, offlineCopy } = await readInputs(source, signal, onProgress);
      // Marks for `npm run bench` (and anyone's performance panel): downloaded, then parsed,
      // checked and handed to the page.
      performance.mark('dateline:downloaded');
      const manifest =
        source.kind === 'local' || !inputs[0] ? null : readManifest(inputs[0].bytes, source.url);
      if (manifest) {
        const outcome = await loadManifest(manifest, signal, onProgress);
        performance.mark('dateline:data-ready');
        if (source.kind !== 'local') {
          rememberForOffline([source.url, ...manifest.parts.map((part) => part.url)]);
        }
        return { ...outcome, source, offlineCopy };
      }
      const outcome = await runImport(
        { inputs, choices, sourceUrl: source.kind === 'remote' ? source.url : null },
        onProgress,
        signal,
      );
      performance.mark('dateline:data-ready');
      // Read well (a cut-off or broken file threw above): now it may be the offline copy.
      if (source.kind !== 'local' && outcome.kind === 'dataset') rememberForOffline([source.url]);
      return { ...outcome, source, offlineCopy };
    },
    // A file that is not JSON will not become JSON on a second try; a dropped connection might.
    // A server that went silent for 15 s is not retried behind the reader's back: they choose.
    retry: (failureCount, error) =>
      error instanceof DatasetNetworkError &&
      !(error instanceof DatasetStalledError) &&
      failureCount < 2,
    staleTime: Infinity,
  });
}
