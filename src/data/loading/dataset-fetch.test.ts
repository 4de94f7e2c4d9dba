import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DatasetNetworkError,
  DatasetStalledError,
  fetchBytes,
  fileNameOf,
} from './dataset-fetch.ts';

const encoder = new TextEncoder();

/** A server answer that arrives in the given pieces. */
function answerInPieces(pieces: string[], failAfter?: number): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) {
        controller.error(new TypeError('network error'));
        return;
      }
      const piece = pieces[sent];
      sent += 1;
      if (piece === undefined) controller.close();
      else controller.enqueue(encoder.encode(piece));
    },
  });
  return new Response(body, { status: 200 });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fetchBytes', () => {
  it('hands each piece to a reader as it arrives, and the whole file to whoever asks', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answerInPieces(['{"a"', ':[1,', '2]}'])));
    const seen: string[] = [];
    const file = await fetchBytes(
      'https://example.org/data.json',
      undefined,
      () => {},
      (piece) => seen.push(new TextDecoder().decode(piece)),
    );
    expect(seen).toEqual(['{"a"', ':[1,', '2]}']);
    expect(file.byteLength).toBe(11);
    expect(new TextDecoder().decode(file.bytes)).toBe('{"a":[1,2]}');
    // Put together once: the same bytes however often they are asked for.
    expect(file.bytes).toBe(file.bytes);
  });

  it('reports a download cut off as a network failure, and a reader’s own failure as itself', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answerInPieces(['{"a"', ':[1,', '2]}'], 2)));
    await expect(fetchBytes('https://example.org/data.json', undefined, () => {})).rejects.toThrow(
      DatasetNetworkError,
    );
    vi.stubGlobal('fetch', () => Promise.resolve(answerInPieces(['{"a"', ':[1,', '2]}'])));
    const broken = fetchBytes(
      'https://example.org/data.json',
      undefined,
      () => {},
      () => {
        throw new RangeError('reader bug');
      },
    );
    await expect(broken).rejects.toThrow(RangeError);
  });
});

describe('fetchBytes’ watch on a silent server', () => {
  it('counts no silence while its own thread was busy, and gives up on a real one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    let pulls = 0;
    let request: AbortSignal | undefined;
    // One piece, then nothing until the request is given up: the server goes quiet.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) {
          controller.enqueue(encoder.encode('{"a":'));
          return;
        }
        request?.addEventListener('abort', () =>
          controller.error(new DOMException('The request was aborted', 'AbortError')),
        );
      },
    });
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      request = init.signal ?? undefined;
      return Promise.resolve(new Response(body));
    });
    const waited: number[] = [];
    const file = fetchBytes('https://example.org/data.json', undefined, (progress) => {
      if (progress.stage === 'waiting') waited.push(progress.silentSeconds ?? -1);
    });
    file.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    // The thread decoded for 20 s (a Parquet file read as it arrives): the watch comes late once.
    vi.setSystemTime(Date.now() + 20_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(waited).toEqual([]);
    // Then 15 s of true silence, watched every second.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(waited.slice(0, 3)).toEqual([2, 3, 4]);
    await expect(file).rejects.toThrow(DatasetStalledError);
  });
});

describe('fileNameOf', () => {
  it('names a file by its last path segment, a site by its host, anything else "dataset"', () => {
    expect(
      [
        'https://example.org/data/events%20v2.geojson?x=1',
        'http://127.0.0.1:4191/',
        'https://example.org',
        'data/events.geojson',
        '/',
        '',
      ].map(fileNameOf),
    ).toEqual([
      'events v2.geojson',
      '127.0.0.1:4191',
      'example.org',
      'events.geojson',
      'dataset',
      'dataset',
    ]);
  });
});
