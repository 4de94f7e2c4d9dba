/**
 * Downloading a dataset: a fetch that gives up on a silent server (and says so while it waits),
 * tells a network failure (worth a retry) from a bad answer, and notices the offline copy. Its
 * own module, free of React and the query library, so that the page's entry can start the
 * download before the app has loaded (early-load.ts).
 */
import type { ImportProgress } from '../import/import-types.ts';
import { DatasetError } from '../model/dataset-error.ts';

/** The bundled dataset, served beside the app under the configured base path. */
export const BUNDLED_DATASET_URL = `${import.meta.env.BASE_URL}data/events.geojson`;

/**
 * What went wrong with a download, as data: the page says it in the reader's language
 * (load-error-text.ts). This module runs in the import worker too, which carries no catalogue;
 * an error's `message` stays the English text (for the console and the tests).
 */
export type DownloadProblem =
  | { kind: 'unreachable'; url: string; crossOrigin: boolean }
  | { kind: 'answer'; url: string; status: string }
  | { kind: 'cut-off'; url: string }
  | { kind: 'stalled'; url: string; seconds: number }
  | { kind: 'importer-stopped'; reason: string };

/** An error with its problem attached (kept across the worker's messages, run-import.ts). */
export function withProblem<E extends Error>(error: E, problem: DownloadProblem): E {
  (error as E & { problem?: DownloadProblem }).problem = problem;
  return error;
}

/** The problem an error carries, if any. */
export function problemOf(error: unknown): DownloadProblem | undefined {
  return error instanceof Error
    ? (error as Error & { problem?: DownloadProblem }).problem
    : undefined;
}

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
const FIRST_ANSWER_LIMIT_MS = 30_000;
const STALL_LIMIT_MS = 15_000;
/** How often the silence is looked at. */
const WATCH_EVERY_MS = 1000;
/** After this much silence the progress line says that it is waiting, and for how long. */
const SILENCE_SHOWN_AFTER_MS = 2_000;

/**
 * A file name for an address: its last path segment; for a site's root, its host (a message that
 * starts "127.0.0.1:4173 looks like an HTML page" says which address was meant); else "dataset".
 */
export function fileNameOf(url: string): string {
  try {
    const address = new URL(url, 'http://localhost/');
    const segment = address.pathname.split('/').filter(Boolean).pop();
    if (segment) return decodeURIComponent(segment);
    // Relative addresses are read against a stand-in host, which is no name of theirs.
    return /^https?:\/\//i.test(url) && address.host ? address.host : 'dataset';
  } catch {
    return 'dataset';
  }
}

export interface Download {
  /**
   * The whole file. Put together from its pieces when first read: a reader that took the pieces
   * as they came (`onPiece`) may never need it, and a second copy of a large file is not free.
   */
  readonly bytes: Uint8Array;
  byteLength: number;
  /**
   * When the answer is the copy stored for offline use (src/features/offline/service-worker.js): the
   * server's date of that copy, as sent, or "unknown".
   */
  offlineCopy: string | null;
}

/** Header the service worker puts on a dataset it answers from its store. */
const OFFLINE_COPY_HEADER = 'X-Dateline-Offline-Copy';

/**
 * Downloads a file whole. `onPiece` sees each piece as it arrives, with the file's length when the
 * server said it, for a reader that gets on with its work meanwhile (feature-stream.ts,
 * arriving-file.ts); it must not throw.
 */
export async function fetchBytes(
  url: string,
  signal: AbortSignal | undefined,
  onProgress: (progress: ImportProgress) => void,
  onPiece?: (piece: Uint8Array, totalBytes: number | null) => void,
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
  let pieceError: unknown;
  let totalBytes: number | null = null;
  const givePiece = (piece: Uint8Array) => {
    try {
      onPiece?.(piece, totalBytes);
    } catch (error) {
      pieceError = error;
      throw error;
    }
  };
  const limit = () => (answered ? STALL_LIMIT_MS : FIRST_ANSWER_LIMIT_MS);
  let lastWatched = Date.now();
  const watch = setInterval(() => {
    const now = Date.now();
    // A watch that comes late had the thread busy (a Parquet file decoded as it arrives,
    // arriving-file.ts): pieces may have waited for it, so that is no silence of the server's.
    if (now - lastWatched > 2 * WATCH_EVERY_MS) lastHeard = now;
    lastWatched = now;
    const silentMs = now - lastHeard;
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
  }, WATCH_EVERY_MS);
  const stalledError = () =>
    withProblem(
      new DatasetStalledError(
        `${url} stopped answering: nothing arrived for ${limit() / 1000} seconds. The server may be busy or the connection lost.`,
      ),
      { kind: 'stalled', url, seconds: limit() / 1000 },
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
      const crossOrigin =
        new URL(url, globalThis.location.href).origin !== globalThis.location.origin;
      throw withProblem(
        new DatasetNetworkError(
          `Could not reach ${url}: the network request failed.${crossOrigin ? ' If the address opens in a browser tab, its server may not allow other sites to read it (CORS).' : ''}`,
        ),
        { kind: 'unreachable', url, crossOrigin },
      );
    }
    lastHeard = Date.now();
    answered = true;
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw withProblem(new DatasetError(`The server answered ${status} for ${url}.`), {
        kind: 'answer',
        url,
        status,
      });
    }
    const lengthHeader = Number(response.headers.get('Content-Length'));
    // Compressed responses report the compressed length: only a plain one is a usable total.
    totalBytes =
      Number.isFinite(lengthHeader) && lengthHeader > 0 && !response.headers.get('Content-Encoding')
        ? lengthHeader
        : null;
    const offlineCopy = response.headers.get(OFFLINE_COPY_HEADER);
    try {
      if (!response.body) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        givePiece(bytes);
        return { bytes, byteLength: bytes.length, offlineCopy };
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
        givePiece(value);
        onProgress({ stage: 'downloading', rows: 0, bytes, totalBytes });
      }
      let whole: Uint8Array | null = null;
      return {
        get bytes() {
          if (whole === null) {
            whole = new Uint8Array(bytes);
            let offset = 0;
            for (const chunk of chunks) {
              whole.set(chunk, offset);
              offset += chunk.length;
            }
            chunks.length = 0;
          }
          return whole;
        },
        byteLength: bytes,
        offlineCopy,
      };
    } catch (error) {
      // The reader's own failure is not the network's: it is not retried as one.
      if (pieceError !== undefined) throw pieceError;
      if (stalled) throw stalledError();
      if (signal?.aborted) throw error;
      throw withProblem(
        new DatasetNetworkError(`The download of ${url} was cut off before it finished.`),
        { kind: 'cut-off', url },
      );
    }
  } finally {
    clearInterval(watch);
    signal?.removeEventListener('abort', stop);
  }
}
