import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArrivalMismatch, ArrivingFile, askForTail } from './arriving-file.ts';
import { readParquetBytes, readParquetFile } from '../import/parquet-table.ts';
import { importArrivingParquet, importParquetStreamed } from '../import/parquet-import.ts';
import type { DatasetEvent } from '../model/schema.ts';

// Made with DuckDB by scripts/make-parquet-fixtures.ts.
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../import/fixtures/${name}`, import.meta.url)));

const bytesOf = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)];
const counting = (length: number) => Uint8Array.from({ length }, (_, index) => index);

/** Whether a promise has settled by the time already-queued work has run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled;
}

/** Hands `bytes` to the file in pieces of `size`, a task apart, then ends the download. */
async function arriveInPieces(file: ArrivingFile, bytes: Uint8Array, size: number) {
  for (let start = 0; start < bytes.length; start += size) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    file.push(bytes.subarray(start, start + size));
  }
  file.end();
}

afterEach(() => vi.unstubAllGlobals());

describe('ArrivingFile', () => {
  it('answers a byte range only once its bytes have arrived, across pieces', async () => {
    const file = new ArrivingFile(10);
    const range = file.slice(2, 8);
    file.push(counting(10).subarray(0, 5));
    expect(await settledYet(range)).toBe(false);
    file.push(counting(10).subarray(5, 10));
    expect(bytesOf(await range)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(bytesOf(await file.slice(0))).toEqual([...counting(10)]);
    file.end();
    await expect(file.settled).resolves.toBeUndefined();
  });

  it('answers the end of the file from the tail asked for ahead, before the download reaches it', async () => {
    const file = new ArrivingFile(10);
    file.useTail(Promise.resolve(counting(10).subarray(6)));
    file.push(counting(10).subarray(0, 3));
    expect(bytesOf(await file.slice(7, 10))).toEqual([7, 8, 9]);
    // Bytes before the tail still wait for the download.
    const early = file.slice(4, 10);
    expect(await settledYet(early)).toBe(false);
    file.push(counting(10).subarray(3));
    expect(bytesOf(await early)).toEqual([4, 5, 6, 7, 8, 9]);
    file.end();
    await expect(file.settled).resolves.toBeUndefined();
  });

  it('fails `settled` when the tail read ahead is not the end of the file that arrived', async () => {
    const file = new ArrivingFile(10);
    file.useTail(Promise.resolve(Uint8Array.from([70, 80, 90])));
    expect(bytesOf(await file.slice(8, 10))).toEqual([80, 90]);
    file.push(counting(10));
    file.end();
    await expect(file.settled).rejects.toBeInstanceOf(ArrivalMismatch);
  });

  it('fails `settled` when the download is shorter or longer than announced', async () => {
    const short = new ArrivingFile(10);
    short.push(counting(8));
    short.end();
    await expect(short.settled).rejects.toBeInstanceOf(ArrivalMismatch);

    const long = new ArrivingFile(10);
    const waiting = long.slice(0, 10);
    long.push(counting(12));
    await expect(waiting).rejects.toBeInstanceOf(ArrivalMismatch);
  });

  it('reads the download itself when the tail asked for never answers, and stops asking at its end', async () => {
    const file = new ArrivingFile(10);
    let stopped = false;
    file.useTail(new Promise(() => undefined), () => (stopped = true));
    const footer = file.slice(6, 10);
    file.push(counting(10));
    expect(bytesOf(await footer)).toEqual([6, 7, 8, 9]);
    expect(stopped).toBe(false);
    file.end();
    expect(stopped).toBe(true);
    await expect(file.settled).resolves.toBeUndefined();
  });

  it('fails every waiting read with the download’s own error', async () => {
    const file = new ArrivingFile(10);
    const waiting = file.slice(0, 10);
    const cutOff = new Error('cut off');
    file.fail(cutOff);
    await expect(waiting).rejects.toBe(cutOff);
    await expect(file.slice(0, 4)).rejects.toBe(cutOff);
    await expect(file.settled).rejects.toBe(cutOff);
  });
});

describe('askForTail', () => {
  it('asks for the last bytes by range, and takes only a partial answer of that length', async () => {
    const asked: (string | null)[] = [];
    const answers = [
      new Response(counting(4), { status: 206 }),
      new Response(counting(100), { status: 200 }),
      new Response(counting(3), { status: 206 }),
    ];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      asked.push(new Headers(init.headers).get('Range'));
      return Promise.resolve(answers.shift());
    });
    expect([...((await askForTail('/f.parquet', 100, 4)) ?? [])]).toEqual([0, 1, 2, 3]);
    expect(await askForTail('/f.parquet', 100, 4)).toBeNull();
    expect(await askForTail('/f.parquet', 100, 4)).toBeNull();
    expect(asked).toEqual(['bytes=96-99', 'bytes=96-99', 'bytes=96-99']);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await askForTail('/f.parquet', 100, 4)).toBeNull();
  });
});

describe('a Parquet file read while it arrives', () => {
  it.each(['events-zstd.parquet', 'events-snappy.parquet', 'events.geoparquet'])(
    'gives the same cells as %s read whole, footer ahead or not',
    async (name) => {
      const bytes = fixture(name);
      const whole = await readParquetBytes(bytes, name);
      for (const tail of [null, bytes.slice(bytes.length - 200)]) {
        const file = new ArrivingFile(bytes.length);
        if (tail) file.useTail(Promise.resolve(tail));
        const [table] = await Promise.all([
          readParquetFile(file, name),
          arriveInPieces(file, bytes, 97),
        ]);
        expect(table).toEqual(whole);
      }
    },
  );

  it('gives the same events as the file read whole, and none before the file is all in', async () => {
    const name = 'events-zstd.parquet';
    const bytes = fixture(name);
    const wholeEvents: DatasetEvent[] = [];
    const whole = await importParquetStreamed({ name, bytes }, null, { sourceUrl: null }, (batch) =>
      wholeEvents.push(...batch),
    );
    const file = new ArrivingFile(bytes.length);
    // The reader asks for the file's last 64 KB first: this small file's every byte.
    file.useTail(Promise.resolve(bytes.slice()));
    const events: DatasetEvent[] = [];
    let allRowsRead!: () => void;
    const rowsRead = new Promise<void>((resolve) => (allRowsRead = resolve));
    const arriving = importArrivingParquet(
      { name, file, settled: file.settled },
      null,
      {
        sourceUrl: null,
        onProgress: (progress) => {
          if (progress.stage === 'parsing' && progress.rows === 3) allRowsRead();
        },
      },
      (batch) => events.push(...batch),
    );
    // Every byte but the last, which was read ahead: the reader reads every row.
    file.push(bytes.subarray(0, bytes.length - 1));
    await rowsRead;
    expect(await settledYet(arriving)).toBe(false);
    expect(events).toEqual([]);
    file.push(bytes.subarray(bytes.length - 1));
    file.end();
    const read = await arriving;
    expect(events).toEqual(wholeEvents);
    expect(read).toEqual(whole);
  });

  it('says the file changed, not that it is broken, when the footer read ahead was of another file', async () => {
    const name = 'events-zstd.parquet';
    const bytes = fixture(name);
    const other = fixture('events-snappy.parquet');
    const file = new ArrivingFile(bytes.length);
    file.useTail(Promise.resolve(other.slice(other.length - 300)));
    const events: DatasetEvent[] = [];
    const arriving = importArrivingParquet(
      { name, file, settled: file.settled },
      null,
      { sourceUrl: null },
      (batch) => events.push(...batch),
    );
    await arriveInPieces(file, bytes, 200);
    await expect(arriving).rejects.toBeInstanceOf(ArrivalMismatch);
    expect(events).toEqual([]);
  });
});
