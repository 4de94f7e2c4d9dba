/**
 * The dataset starts loading the moment the page's entry runs, not once the app has booted: the
 * download, and the import in its worker, run while the app's script is still arriving and
 * starting, which takes longest on a slow phone. The worker fetches the file itself. The app then
 * takes over the load already under way (dataset-query.ts) instead of starting its own.
 *
 * Only a first, ordinary load starts early: the bundled dataset, or a `data` address the URL
 * parser accepts. When the app turns out to want something else (the address was corrected, the
 * reader chose columns), the early load is simply dropped; when it fails, the app's own load, with
 * its retries and messages, takes over.
 */
import { isDatasetAddress } from '../url/dataset-address.ts';
import { BUNDLED_DATASET_URL, fileNameOf } from './dataset-fetch.ts';
import type { ImportProgress } from '../import/import-types.ts';
import { ImportSession, importError, warmUpImportWorker } from './run-import.ts';
import { LOCAL_PREFIX } from './local-files.ts';

interface EarlyDownload {
  /** As fetchBytes' offlineCopy: set when the service worker answered from its store. */
  offlineCopy: string | null;
  /** The file, when it is small enough to be a manifest (manifest.ts); null otherwise. */
  smallFile: Uint8Array | null;
}

export interface EarlyLoad {
  url: string;
  /** Settles when the worker has the file, with the error fetchBytes gives when it has not. */
  download: Promise<EarlyDownload>;
  /** The import in the worker: it goes on from the download by itself. */
  session: ImportSession;
  /** Progress so far is replayed to the listener, and what follows is passed on. */
  listen(onProgress: (progress: ImportProgress) => void, signal?: AbortSignal): void;
  /** The import is followed by runImport from now on, which ends it if the query is cancelled. */
  handOver(signal?: AbortSignal): void;
  /** Ends the download and the import; a wait for the download ends with an AbortError. */
  cancel(): void;
}

/** An early load nobody took within this long is dropped with its worker and its events. */
const UNCLAIMED_AFTER_MS = 60_000;

let pending: EarlyLoad | null = null;

/**
 * The address the app will load on this page, as dataset-query.ts's datasetSourceFrom will name
 * it, or null when it is the reader's own file (nothing to fetch).
 */
export function earlyDatasetUrl(search: string, baseUrl: string, origin: string): string | null {
  // As the URL parser reads `data`: the first value that is an acceptable address.
  const data = new URLSearchParams(search)
    .getAll('data')
    .find((value) => value.trim() !== '' && isDatasetAddress(value));
  if (data === undefined) return BUNDLED_DATASET_URL;
  if (data.startsWith(LOCAL_PREFIX)) return null;
  return new URL(data, new URL(baseUrl, origin)).href;
}

export function startEarlyLoad(): void {
  try {
    warmUpImportWorker();
    if (typeof Worker === 'undefined') return;
    const url = earlyDatasetUrl(
      window.location.search,
      import.meta.env.BASE_URL,
      window.location.origin,
    );
    if (url !== null) pending = beginEarlyLoad(url);
  } catch (error) {
    // Only a head start: whatever fails here, the app loads the dataset itself as it always could.
    console.warn('The dataset could not start loading early:', error);
  }
}

function beginEarlyLoad(url: string): EarlyLoad {
  let lastProgress: ImportProgress | null = null;
  let listener: ((progress: ImportProgress) => void) | null = null;
  let handedOver = false;
  let stopWaiting: (reason: unknown) => void = () => {};
  // The worker downloads the file itself: the page is busy starting the app meanwhile, and a
  // 100 MB file need not be copied from the page into the worker.
  const session = new ImportSession({
    inputs: [],
    download: { url, name: fileNameOf(url) },
    choices: null,
    sourceUrl: url === BUNDLED_DATASET_URL ? null : url,
  });
  const download = new Promise<EarlyDownload>((resolve, reject) => {
    stopWaiting = reject;
    let downloaded = false;
    session.intercept((message) => {
      if (downloaded) return false;
      if (message.type === 'progress') {
        lastProgress = message.progress;
        listener?.(message.progress);
        return true;
      }
      if (message.type === 'downloaded') {
        downloaded = true;
        // When the worker had the file, not when the busy page got round to hearing of it.
        performance.mark('dateline:downloaded', {
          startTime: Math.max(0, message.at - performance.timeOrigin),
        });
        resolve({ offlineCopy: message.offlineCopy, smallFile: message.smallFile });
        return true;
      }
      if (message.type === 'error') {
        reject(importError(message));
        session.close();
        return true;
      }
      return false;
    });
  });
  // A failed download is the app's to retry and explain; nothing is left unhandled meanwhile.
  download.catch(() => {});

  const cancel = () => {
    session.close();
    stopWaiting(new DOMException('The early load was dropped.', 'AbortError'));
    if (pending === load) pending = null;
  };
  let onAbort = () => {};
  const load: EarlyLoad = {
    url,
    download,
    session,
    listen(onProgress, signal) {
      listener = onProgress;
      if (lastProgress) onProgress(lastProgress);
      // A query cancelled before it took the import over (React's development double render
      // does this) leaves the load for the next attempt to take, not thrown away.
      onAbort = () => {
        listener = null;
        if (!handedOver && pending === null) pending = load;
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    },
    handOver(signal) {
      handedOver = true;
      signal?.removeEventListener('abort', onAbort);
    },
    cancel,
  };
  // Dropped if nobody takes it, but never while the page is hidden: a link opened in a
  // background tab starts its app only when the tab is shown.
  const dropIfUnclaimed = () => {
    if (pending !== load) return;
    if (document.visibilityState === 'hidden') setTimeout(dropIfUnclaimed, UNCLAIMED_AFTER_MS);
    else {
      cancel();
      performance.clearMarks('dateline:downloaded');
    }
  };
  setTimeout(dropIfUnclaimed, UNCLAIMED_AFTER_MS);
  return load;
}

/**
 * The early load of `url`, for the app to finish; null when there is none, or when the app wants
 * something else (another address, the reader's own file: url null), and the early one is dropped.
 * It can be taken once.
 */
export function takeEarlyLoad(url: string | null): EarlyLoad | null {
  const load = pending;
  pending = null;
  if (load === null) return null;
  if (load.url !== url) {
    load.cancel();
    // Its download mark is not the download of what the app shows.
    performance.clearMarks('dateline:downloaded');
    return null;
  }
  return load;
}
