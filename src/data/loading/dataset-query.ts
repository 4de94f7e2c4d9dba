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
} from '../import/import-types.ts';
import type { Manifest } from './manifest.ts';
import { mightBeManifest } from './manifest-check.ts';
import { LOCAL_PREFIX, localFiles } from './local-files.ts';
import { runImport } from './run-import.ts';
import { takeEarlyLoad } from './early-load.ts';
import { DatasetError } from '../model/dataset-error.ts';
import type { QueryServer } from '../server-view/descriptor.ts';
import { mightBeDescriptor } from '../server-view/descriptor-check.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import {
  BUNDLED_DATASET_URL,
  DatasetNetworkError,
  DatasetStalledError,
  fetchBytes,
  fileNameOf,
} from './dataset-fetch.ts';

export type DatasetSource =
  | { kind: 'bundled'; url: string }
  | { kind: 'remote'; url: string }
  | { kind: 'local'; name: string };

/** The reader's own file is named in the URL but was not opened in this page (after a reload). */
class LocalFileMissingError extends DatasetError {
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
      i18n._(
        '“{name}” was opened from a device, and opened files are not kept once the page closes. Open it again to go on.',
        { name: source.name },
      ),
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

/** `?data=` named a data server's descriptor: the explorer asks it for each view (docs/server.md). */
interface ServerOutcome {
  kind: 'query-server';
  server: QueryServer;
  report: null;
}

export type LoadedOutcome = (ImportOutcome | ServerOutcome) & {
  source: DatasetSource;
  /** Set when the dataset came from the offline store: the date of that copy, as the server sent it. */
  offlineCopy: string | null;
};

/**
 * The manifest in a downloaded file, or null when the file is a dataset itself. Few datasets come
 * in parts: the code that reads and loads them is fetched only for a file that could be one.
 */
async function manifestIn(bytes: Uint8Array, url: string): Promise<Manifest | null> {
  if (!mightBeManifest(bytes)) return null;
  const { readManifest } = await import('./load-manifest.ts');
  return readManifest(bytes, url);
}

/**
 * The data server's descriptor in a small downloaded file, or null for a dataset. Its reader is
 * fetched only for a file that could be one (descriptor-check.ts).
 */
async function serverIn(
  bytes: Uint8Array | null | undefined,
  url: string,
): Promise<QueryServer | null> {
  if (!bytes || !mightBeDescriptor(bytes)) return null;
  const { DescriptorError, readDescriptor } = await import('../server-view/descriptor.ts');
  try {
    return readDescriptor(bytes, url);
  } catch (error) {
    // Said as any file the page cannot read is: the load error, with what is wrong.
    if (error instanceof DescriptorError) throw new DatasetError(error.said);
    throw error;
  }
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
      // The first load of a page may already be under way (early-load.ts): finish it instead.
      const early = takeEarlyLoad(source.kind !== 'local' && choices === null ? source.url : null);
      let inputs: ImportInput[] = [];
      let offlineCopy: string | null;
      let manifest: Manifest | null;
      if (early && source.kind !== 'local') {
        early.listen(onProgress, signal);
        try {
          // A failed early download fails this attempt; the query's retry loads afresh.
          const download = await early.download;
          // Cancelled while waiting: the load went back for the next attempt, which owns it now.
          if (signal.aborted) throw signal.reason;
          offlineCopy = download.offlineCopy;
          const server = await serverIn(download.smallFile, source.url);
          if (server) {
            early.cancel();
            return { kind: 'query-server', server, report: null, source, offlineCopy: null };
          }
          manifest = download.smallFile ? await manifestIn(download.smallFile, source.url) : null;
        } catch (error) {
          if (!signal.aborted) early.cancel();
          throw error;
        }
        if (manifest) early.cancel();
        else early.handOver(signal);
      } else {
        ({ inputs, offlineCopy } = await readInputs(source, signal, onProgress));
        // Marks for `npm run bench` (and anyone's performance panel): downloaded, then parsed,
        // checked and handed to the page.
        performance.mark('dateline:downloaded');
        const server =
          source.kind === 'local' ? null : await serverIn(inputs[0]?.bytes, source.url);
        if (server)
          return { kind: 'query-server', server, report: null, source, offlineCopy: null };
        manifest =
          source.kind === 'local' || !inputs[0]
            ? null
            : await manifestIn(inputs[0].bytes, source.url);
      }
      if (manifest) {
        const { loadManifest } = await import('./load-manifest.ts');
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
        early && !manifest ? early.session : undefined,
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
