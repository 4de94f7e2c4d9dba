/**
 * The importer in a Web Worker: parsing and checking a 100 MB file never freezes the page, and
 * progress (rows read) comes back as it goes.
 */
import { DatasetError } from '../model/dataset-error.ts';
import { FeatureStream } from '../import/feature-stream.ts';
import type { ImportRequest, ImportResponse } from './import-messages.ts';
import { EventPacker } from '../import/event-packer.ts';
import { fetchBytes, problemOf } from './dataset-fetch.ts';
import { MAX_MANIFEST_BYTES } from './manifest-check.ts';
import type { ImportProgress } from '../import/import-types.ts';
import type { StreamedImport } from '../import/import-dataset.ts';
import { FOOTER_READ_BYTES, looksLikeParquet } from '../import/parquet-magic.ts';
import type { ArrivingFile } from './arriving-file.ts';
import type { DatasetEvent } from '../model/schema.ts';

// The DOM and WebWorker type libraries cannot both be loaded; this is the little of the worker
// scope that is used.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (message: ImportResponse, transfer?: Transferable[]) => void;
};

/** Small enough that rebuilding a slice in the page is a short task: never a frozen page. */
const EVENTS_PER_MESSAGE = 8000;

/**
 * A linked Parquet file's pieces on their way to its early reader (arriving-file.ts), a module
 * the worker fetches only when a Parquet file is linked: pieces that arrive before it wait.
 */
function earlyParquet(url: string, byteLength: number, onParquet: (file: ArrivingFile) => void) {
  let file: ArrivingFile | null = null;
  let waiting: Uint8Array[] | null = [];
  const ready = import('./arriving-file.ts').then(
    ({ ArrivingFile, askForTail }) => {
      const arriving = new ArrivingFile(byteLength);
      const tailRequest = new AbortController();
      arriving.useTail(askForTail(url, byteLength, FOOTER_READ_BYTES, tailRequest.signal), () =>
        tailRequest.abort(),
      );
      for (const piece of waiting ?? []) arriving.push(piece);
      waiting = null;
      file = arriving;
      onParquet(arriving);
      return arriving;
    },
    // Not read early, then: the whole-file reader reads the download when it ends.
    () => {
      waiting = null;
      return null;
    },
  );
  return {
    push(piece: Uint8Array) {
      if (file) file.push(piece);
      else waiting?.push(piece);
    },
    /** The download ended: the early reader, if any, checks it (ArrivingFile.end). */
    async end() {
      (await ready)?.end();
    },
    fail(error: unknown) {
      void ready.then((arriving) => arriving?.fail(error));
    },
  };
}

type EarlyParquet = ReturnType<typeof earlyParquet>;

/**
 * Downloads the file, reading its records while the pieces arrive (feature-stream.ts), and sends
 * them to the page as they are checked. Returns the download, and the outcome when the file could
 * be read that way (null: the records are not read yet).
 *
 * A Parquet file larger than its footer's request, known by its first bytes, is handed instead to
 * `onParquet` as it starts to arrive (arriving-file.ts), when the server said how long it is: its
 * reader decodes it meanwhile, and the outcome is that reader's.
 */
async function download(url: string, name: string, onParquet: (file: ArrivingFile) => void) {
  const stream = new FeatureStream(name);
  // The page rebuilds the records while the rest downloads, rather than all of them after it.
  const recordPacker = new EventPacker();
  const sendNewRecords = () => {
    const fresh = stream.takeNew();
    if (fresh.length === 0) return;
    const pack = recordPacker.pack(fresh);
    scope.postMessage({ type: 'records', pack }, [pack.numbers.buffer]);
  };
  let parquet: EarlyParquet | null = null;
  let firstPiece = true;
  let file: Awaited<ReturnType<typeof fetchBytes>>;
  try {
    file = await fetchBytes(
      url,
      undefined,
      (progress) =>
        scope.postMessage({
          type: 'progress',
          progress:
            progress.stage === 'downloading' ? { ...progress, rows: stream.records } : progress,
        }),
      (piece, totalBytes) => {
        if (firstPiece) {
          firstPiece = false;
          // A file no larger than its footer's request gains nothing from being read early.
          if (looksLikeParquet(piece) && totalBytes !== null && totalBytes > FOOTER_READ_BYTES)
            parquet = earlyParquet(url, totalBytes, onParquet);
        }
        if (parquet) {
          parquet.push(piece);
          return;
        }
        stream.push(piece);
        sendNewRecords();
      },
    );
  } catch (error) {
    (parquet as EarlyParquet | null)?.fail(error);
    throw error;
  }
  // The whole file is put together only if something needs it: a manifest, or the whole-file
  // importer when the stream stepped aside.
  const smallFile = file.byteLength <= MAX_MANIFEST_BYTES ? file.bytes : null;
  const at = performance.timeOrigin + performance.now();
  scope.postMessage({ type: 'downloaded', offlineCopy: file.offlineCopy, smallFile, at });
  if (parquet) {
    await (parquet as EarlyParquet).end();
    return { file, streamed: null };
  }
  const streamed = stream.end();
  if (streamed) sendNewRecords();
  return { file, streamed };
}

/** Packs each batch of checked events and moves it to the page. */
function eventSender() {
  const packer = new EventPacker();
  return (records: DatasetEvent[]) => {
    if (records.length === 0) return;
    const pack = packer.pack(records);
    scope.postMessage({ type: 'records', pack }, [pack.numbers.buffer]);
  };
}

/** The end of a streamed import: the records' settled order, then the outcome. */
function finishStreamed(streamed: StreamedImport): void {
  if (streamed.settlement)
    scope.postMessage({ type: 'records-settled', settlement: streamed.settlement });
  scope.postMessage({ type: 'done', outcome: streamed.outcome });
}

scope.onmessage = async function handleImportRequest({ data: request }) {
  try {
    let inputs = request.inputs;
    let downloading = false;
    const context = {
      sourceUrl: request.sourceUrl,
      onProgress: (progress: ImportProgress) => {
        // While a Parquet file is still arriving, the progress line counts its bytes.
        if (downloading && progress.stage === 'parsing') return;
        scope.postMessage({ type: 'progress', progress });
      },
    };
    if (request.download) {
      const { name, url } = request.download;
      let early: Promise<StreamedImport> | null = null;
      const importEarly = async (file: ArrivingFile): Promise<StreamedImport> => {
        const { importArrivingParquet } = await import('../import/parquet-import.ts');
        return importArrivingParquet(
          { name, file, settled: file.settled },
          request.choices,
          context,
          eventSender(),
        );
      };
      downloading = true;
      let downloaded: Awaited<ReturnType<typeof download>>;
      try {
        downloaded = await download(url, name, (file) => {
          early = importEarly(file);
          // A failed download is said by the download itself.
          early.catch(() => undefined);
        });
      } finally {
        downloading = false;
      }
      const { file, streamed } = downloaded;
      if (streamed) {
        // The page has the records already: it only needs their order and derived ids.
        finishStreamed(streamed);
        return;
      }
      if (early) {
        try {
          finishStreamed(await (early as Promise<StreamedImport>));
          return;
        } catch (error) {
          const { ArrivalMismatch } = await import('./arriving-file.ts');
          // The download and what was read ahead disagree (the file changed in between, or its
          // announced length was not its own): it is read again, whole, as it arrived.
          if (!(error instanceof ArrivalMismatch)) throw error;
        }
      }
      inputs = [{ name, bytes: file.bytes }];
    }
    // The whole-file importer (CSV, other JSON, broken files) is half of this worker's code and
    // most datasets never need it: fetched only then, so that the worker starts sooner.
    const { importDataset } = await import('../import/import-dataset.ts');
    const parquet = inputs.length === 1 ? inputs[0] : undefined;
    // A Parquet file is known by its first bytes: a link's name or content type may say nothing.
    // Its reader is fetched only then (parquet-table.ts). Its events go to the page a batch at a
    // time as they are checked, as a streamed GeoJSON file's do, and are settled at the end.
    if (parquet && looksLikeParquet(parquet.bytes)) {
      const { importParquetStreamed } = await import('../import/parquet-import.ts');
      finishStreamed(await importParquetStreamed(parquet, request.choices, context, eventSender()));
      return;
    }
    const outcome = importDataset(inputs, request.choices, context);
    if (outcome.kind === 'dataset') {
      // Copying every event object into the page in one message is one long task that freezes
      // it. Packed (event-pack.ts) and sent in slices, each slice is rebuilt in
      // a short task of its own, and its numbers are moved rather than copied.
      // The page rebuilds one slice while the next is packed here.
      const { events } = outcome.dataset;
      const packer = new EventPacker();
      for (let start = 0; start < events.length; start += EVENTS_PER_MESSAGE) {
        const pack = packer.pack(events.slice(start, start + EVENTS_PER_MESSAGE));
        scope.postMessage({ type: 'events', pack }, [pack.numbers.buffer]);
      }
      scope.postMessage({
        type: 'done',
        outcome: { ...outcome, dataset: { ...outcome.dataset, events: [] } },
      });
      return;
    }
    scope.postMessage({ type: 'done', outcome });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      datasetError: error instanceof DatasetError,
      errorName: error instanceof DatasetError ? error.name : undefined,
      problem: problemOf(error),
      said: error instanceof DatasetError ? error.said : undefined,
    });
  }
};
