/**
 * A file that is still downloading, read by byte range as its pieces arrive. The Parquet reader
 * (hyparquet, through its AsyncBuffer shape: a length and `slice`) then decodes each column chunk
 * as soon as its bytes are in, while the rest of the file is still on its way, rather than only
 * after the whole download.
 *
 * Parquet keeps its table of contents (the footer) at the end of the file. It is asked for first,
 * with a range request for the file's last bytes (`askForTail`, as many as the reader reads for
 * its footer: FOOTER_READ_BYTES). Where the server does not answer ranges, the footer is read
 * when the download reaches it, and nothing is read early.
 *
 * The footer may come from another version of the file than the download, if the file changed in
 * between. So when the download ends, the footer asked for is compared with the bytes that
 * arrived, and the length with the one announced: on any difference `settled` rejects with an
 * ArrivalMismatch, and the import reads the downloaded file again, whole.
 */

/**
 * The download and what was read ahead of it disagree: the file changed in between, or the length
 * the server announced is not the length of what arrived (as when another site's server
 * compresses the file in transit without saying so to the page).
 */
export class ArrivalMismatch extends Error {
  override name = 'ArrivalMismatch';
}

interface Wait {
  end: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The tail asked for ahead: on its way, known, or not to be had. */
type Tail =
  | { state: 'asked'; answered: Promise<void>; stop: () => void }
  | { state: 'known'; bytes: Uint8Array }
  | { state: 'none' };

export class ArrivingFile {
  private readonly pieces: Uint8Array[] = [];
  /** Where each piece starts in the file. */
  private readonly pieceStarts: number[] = [];
  private received = 0;
  private waits: Wait[] = [];
  private failure: { error: unknown } | null = null;
  private tail: Tail = { state: 'none' };
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  /** Resolves when the whole file arrived and agrees with what was read ahead of it. */
  readonly settled: Promise<void>;

  constructor(readonly byteLength: number) {
    this.settled = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Awaited by the reader; a failure nobody waited for is not an unhandled rejection.
    this.settled.catch(() => undefined);
  }

  /**
   * The file's last bytes, from a request of their own (null when the server would not give
   * them); `stop` ends that request. A tail still on its way when the download ends is stopped
   * and not used: nothing was read from it yet, and the download has every byte.
   */
  useTail(tail: Promise<Uint8Array | null>, stop: () => void = () => undefined): void {
    const asked: Tail = {
      state: 'asked',
      stop,
      answered: tail.then(
        (bytes) => {
          if (this.tail !== asked) return;
          this.tail =
            bytes && bytes.length > 0 && bytes.length <= this.byteLength
              ? { state: 'known', bytes }
              : { state: 'none' };
        },
        () => {
          if (this.tail === asked) this.tail = { state: 'none' };
        },
      ),
    };
    this.tail = asked;
  }

  push(piece: Uint8Array): void {
    if (this.failure || piece.length === 0) return;
    this.pieces.push(piece);
    this.pieceStarts.push(this.received);
    this.received += piece.length;
    if (this.received > this.byteLength) {
      this.fail(new ArrivalMismatch('more bytes arrived than the server announced'));
      return;
    }
    const ready = this.waits.filter((wait) => wait.end <= this.received);
    if (ready.length === 0) return;
    this.waits = this.waits.filter((wait) => wait.end > this.received);
    for (const wait of ready) wait.resolve();
  }

  /** The download finished: checks it against the announced length and the tail read ahead. */
  end(): void {
    this.dropTailStillAsked();
    if (this.failure) return;
    if (this.received !== this.byteLength) {
      this.fail(new ArrivalMismatch('the download was not as long as the server announced'));
      return;
    }
    const { tail } = this;
    if (
      tail.state === 'known' &&
      !sameBytes(tail.bytes, this.copy(this.byteLength - tail.bytes.length))
    ) {
      this.fail(new ArrivalMismatch('the end of the download is not the end read ahead'));
      return;
    }
    this.settle.resolve();
  }

  /** The download failed: every read, waiting or to come, fails with the same error. */
  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.dropTailStillAsked();
    for (const wait of this.waits) wait.reject(error);
    this.waits = [];
    this.settle.reject(error);
  }

  /** Bytes `start` to `end` (exclusive), as soon as they are known. */
  async slice(start: number, end = this.byteLength): Promise<ArrayBuffer> {
    const from = Math.max(0, start);
    const to = Math.min(this.byteLength, end);
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (to <= from) return new ArrayBuffer(0);
      if (to <= this.received) return this.copy(from, to).buffer as ArrayBuffer;
      const { tail } = this;
      if (tail.state === 'known' && from >= this.byteLength - tail.bytes.length) {
        const tailStart = this.byteLength - tail.bytes.length;
        return tail.bytes.slice(from - tailStart, to - tailStart).buffer;
      }
      // Whichever comes first: the tail's answer, or the download reaching these bytes.
      if (tail.state === 'asked') await Promise.race([tail.answered, this.arrival(to)]);
      else await this.arrival(to);
    }
  }

  private dropTailStillAsked(): void {
    if (this.tail.state !== 'asked') return;
    this.tail.stop();
    this.tail = { state: 'none' };
  }

  private arrival(end: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (end <= this.received) return Promise.resolve();
    return new Promise((resolve, reject) => this.waits.push({ end, resolve, reject }));
  }

  /** The arrived bytes from `start` to `end`, as one new array. */
  private copy(start: number, end = this.received): Uint8Array {
    const out = new Uint8Array(end - start);
    let index = pieceAt(this.pieceStarts, start);
    let written = 0;
    while (written < out.length) {
      const piece = this.pieces[index];
      const pieceStart = this.pieceStarts[index];
      if (!piece || pieceStart === undefined) break;
      const from = start + written - pieceStart;
      const part = piece.subarray(from, Math.min(piece.length, from + out.length - written));
      out.set(part, written);
      written += part.length;
      index += 1;
    }
    return out;
  }
}

/** The index of the piece that holds byte `offset`: the last piece starting at or before it. */
function pieceAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The last `size` bytes of a file of `byteLength` bytes, by a range request; null when the server
 * answers with something else (the whole file, an error), or not at all. A single range
 * (`bytes=a-b`) is a header browsers send to another site without asking it first.
 */
export async function askForTail(
  url: string,
  byteLength: number,
  size: number,
  signal?: AbortSignal,
): Promise<Uint8Array | null> {
  const start = byteLength - size;
  if (start <= 0) return null;
  try {
    const response = await fetch(url, {
      headers: { Range: `bytes=${start}-${byteLength - 1}` },
      // Past the HTTP cache: a second request for an address whose download is being written
      // to the cache may be held until that download ends.
      cache: 'no-store',
      signal,
    });
    // The range named in the answer, where the page may read it (same site, or exposed): another
    // range, or another total length, is another file.
    const named = response.headers.get('Content-Range');
    if (
      response.status !== 206 ||
      (named !== null &&
        named.replace(/\s+/g, ' ') !== `bytes ${start}-${byteLength - 1}/${byteLength}`)
    ) {
      await response.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length === size ? bytes : null;
  } catch {
    return null;
  }
}
