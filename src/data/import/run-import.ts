/**
 * Runs the importer off the main thread, one worker per import, and turns its messages back into a
 * promise. Where there is no Worker (unit tests in jsdom), it runs in place: same code, same result.
 */
import type { DatasetEvent } from '../schema.ts';
import { DatasetError } from '../dataset-error.ts';
import type { ImportOutcome, ImportProgress } from './import-dataset.ts';
import type { ImportRequest, ImportResponse } from './import-messages.ts';

function createImportWorker(): Worker {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * One worker is started as soon as this module loads, so that its script is fetched and compiled
 * while the page boots and the data downloads, not after. The first import takes it; later ones
 * (another file opened) start their own.
 */
let warmWorker: Worker | null = typeof Worker === 'undefined' ? null : createImportWorker();

function takeWorker(): Worker {
  const worker = warmWorker ?? createImportWorker();
  warmWorker = null;
  return worker;
}

export function runImport(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  if (typeof Worker === 'undefined') {
    // Loaded only here: in a browser the importer lives in the worker's bundle, not the page's.
    return import('./import-dataset.ts').then(({ importDataset }) =>
      importDataset(request.inputs, request.choices, { sourceUrl: request.sourceUrl, onProgress }),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const stop = () => {
      worker.terminate();
      reject(signal?.reason ?? new DOMException('The import was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    const events: DatasetEvent[] = [];
    worker.onmessage = ({ data }: MessageEvent<ImportResponse>) => {
      if (data.type === 'progress') {
        onProgress(data.progress);
        return;
      }
      if (data.type === 'events') {
        for (const event of data.events) events.push(event);
        return;
      }
      finish();
      if (data.type === 'done') {
        const { outcome } = data;
        resolve(
          outcome.kind === 'dataset'
            ? { ...outcome, dataset: { ...outcome.dataset, events } }
            : outcome,
        );
      } else reject(data.datasetError ? new DatasetError(data.message) : new Error(data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(
        new Error(`The importer stopped unexpectedly: ${event.message || 'no reason given'}.`),
      );
    };
    worker.postMessage(request);
  });
}
