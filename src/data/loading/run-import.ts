/**
 * Runs the importer off the main thread, one worker per import, and turns its messages back into a
 * promise. Where there is no Worker (unit tests in jsdom), it runs in place: same code, same result.
 */
import type { DatasetEvent } from '../model/schema.ts';
import { DatasetError } from '../model/dataset-error.ts';
import {
  DatasetNetworkError,
  DatasetStalledError,
  fetchBytes,
  withProblem,
} from './dataset-fetch.ts';
import type { ImportOutcome, ImportProgress } from '../import/import-types.ts';
import type { ImportRequest, ImportResponse } from './import-messages.ts';
import { EventUnpacker } from '../import/event-unpacker.ts';
import { settleRecords } from '../import/record-settlement.ts';

function createImportWorker(): Worker {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * One worker is started as soon as the page's entry runs (early-load.ts), so that its script is
 * fetched and compiled while the page boots and the data downloads, not after. The first import
 * takes it; later ones (another file opened) start their own.
 */
let warmWorker: Worker | null = null;

export function warmUpImportWorker(): void {
  if (typeof Worker !== 'undefined' && warmWorker === null) warmWorker = createImportWorker();
}

function takeWorker(): Worker {
  const worker = warmWorker ?? createImportWorker();
  warmWorker = null;
  return worker;
}

/**
 * An import under way in a worker: its messages are kept until someone listens, so an import
 * started before the app was there to hear it (early-load.ts) loses nothing.
 */
export class ImportSession {
  private readonly worker = takeWorker();
  private readonly heard: ImportResponse[] = [];
  private listener: ((message: ImportResponse) => void) | null = null;
  /** Sees every message first; what it returns true for goes no further (early-load.ts). */
  private interceptor: ((message: ImportResponse) => boolean) | null = null;
  private draining = false;
  private closed = false;
  /** Records sent while the file downloaded, rebuilt as they come (import-messages.ts). */
  private readonly recordUnpacker = new EventUnpacker();
  private records: DatasetEvent[] = [];
  private settled: DatasetEvent[] | null = null;

  constructor(request: ImportRequest) {
    this.worker.onmessage = ({ data }: MessageEvent<ImportResponse>) => this.hear(data);
    this.worker.onerror = (event) => {
      const reason = event.message || 'no reason given';
      const message = `The importer stopped unexpectedly: ${reason}.`;
      this.hear({
        type: 'error',
        message,
        datasetError: false,
        problem: { kind: 'importer-stopped', reason },
      });
    };
    this.worker.postMessage(request);
  }

  private hear(message: ImportResponse) {
    if (this.closed) return;
    if (message.type === 'records' || message.type === 'records-settled') {
      // Rebuilt on arrival, whether or not anyone listens yet: that is the point of them.
      try {
        if (message.type === 'records') this.recordUnpacker.unpack(message.pack, this.records);
        else this.settled = settleRecords(this.records, message.settlement);
      } catch (error) {
        this.hear({ type: 'error', message: String(error), datasetError: false });
      }
      return;
    }
    // The file is being imported whole after all: records sent before are not needed.
    if (message.type === 'events') this.records = [];
    if (this.interceptor?.(message)) return;
    this.heard.push(message);
    if (this.listener && !this.draining) this.drain();
  }

  /**
   * Passes on what was heard, in order. Slices of events heard before anyone listened are passed
   * on one per task, so that a listener that comes late (the app of a page opened in a background
   * tab) still never freezes the page rebuilding them all at once.
   */
  private drain() {
    this.draining = true;
    for (;;) {
      const message = this.listener ? this.heard.shift() : undefined;
      if (message === undefined) break;
      this.listener?.(message);
      if (message.type === 'events' && this.heard.length > 0) {
        setTimeout(() => this.drain(), 0);
        return;
      }
    }
    this.draining = false;
  }

  /** The events, when the records sent during the download were settled; null otherwise. */
  settledRecords(): DatasetEvent[] | null {
    return this.settled;
  }

  intercept(interceptor: (message: ImportResponse) => boolean) {
    this.interceptor = interceptor;
  }

  listen(listener: (message: ImportResponse) => void) {
    this.listener = listener;
    if (!this.draining) this.drain();
  }

  close() {
    this.closed = true;
    this.listener = null;
    this.interceptor = null;
    this.heard.length = 0;
    this.records = [];
    this.settled = null;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
  }
}

/**
 * The worker's account of a failure, as the error the same code throws in the page: a download
 * that failed stays a DatasetNetworkError, which the query retries.
 */
export function importError(message: Extract<ImportResponse, { type: 'error' }>): Error {
  const error =
    message.errorName === 'DatasetStalledError'
      ? new DatasetStalledError(message.message)
      : message.errorName === 'DatasetNetworkError'
        ? new DatasetNetworkError(message.message)
        : message.datasetError
          ? new DatasetError(message.said ?? message.message)
          : new Error(message.message);
  return message.problem ? withProblem(error, message.problem) : error;
}

/**
 * Imports in a worker and resolves with the outcome, events rebuilt in the page (event-pack.ts).
 * `session`: an import already started (early-load.ts) to follow instead of starting one.
 */
export function runImport(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
  session?: ImportSession,
): Promise<ImportOutcome> {
  if (typeof Worker === 'undefined') {
    return (async () => {
      let { inputs } = request;
      if (request.download) {
        const { url, name } = request.download;
        inputs = [{ name, bytes: (await fetchBytes(url, signal, onProgress)).bytes }];
      }
      // Loaded only here: in a browser the importer lives in the worker's bundle, not the page's.
      const { importDataset } = await import('../import/import-dataset.ts');
      return importDataset(inputs, request.choices, { sourceUrl: request.sourceUrl, onProgress });
    })();
  }
  return new Promise((resolve, reject) => {
    const running = session ?? new ImportSession(request);
    const stop = () => {
      running.close();
      reject(signal?.reason ?? new DOMException('The import was cancelled.', 'AbortError'));
    };
    if (signal?.aborted) {
      stop();
      return;
    }
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      running.close();
    };
    const events: DatasetEvent[] = [];
    const unpacker = new EventUnpacker();
    running.listen((data) => {
      if (data.type === 'progress') {
        onProgress(data.progress);
        return;
      }
      if (data.type === 'events') {
        unpacker.unpack(data.pack, events);
        return;
      }
      // Records are the session's own business (hear), never passed on.
      if (data.type === 'downloaded' || data.type === 'records' || data.type === 'records-settled')
        return;
      // Taken before finish closes the session.
      const settled = running.settledRecords();
      finish();
      if (data.type === 'done') {
        const { outcome } = data;
        resolve(
          outcome.kind === 'dataset'
            ? { ...outcome, dataset: { ...outcome.dataset, events: settled ?? events } }
            : outcome,
        );
      } else reject(importError(data));
    });
  });
}
