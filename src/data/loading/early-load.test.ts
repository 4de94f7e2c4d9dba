// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyDatasetUrl } from './early-load.ts';
import { datasetSourceFrom } from './dataset-query.ts';
import { BUNDLED_DATASET_URL } from './dataset-fetch.ts';
import type { ImportResponse } from './import-messages.ts';
import { blankReport } from '../import/contract-sample.ts';
import { EventPacker } from '../import/event-packer.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { parseUrl } from '../url/url-state.ts';

/** What the app itself will ask for on this address: the URL parser, then the source. */
function appWants(search: string): string | null {
  const { state } = parseUrl('/', search, '/');
  const source = datasetSourceFrom(state.params);
  return source.kind === 'local' ? null : source.url;
}

describe('the early load', () => {
  it('fetches exactly what the app will ask for, or nothing', () => {
    for (const search of [
      '',
      '?q=seoul',
      '?data=quakes.csv',
      '?data=/bench-data/a.geojson&from=2024-01-01',
      '?data=https://example.org/events.geojson',
      '?data=javascript:alert(1)&data=https://example.org/b.json',
      '?data=%20&data=parts/manifest.json',
      '?data=local:my file.csv',
      '?data=https://user:pw@example.org/x.json',
      '?data=ftp://example.org/x.json',
    ]) {
      expect(earlyDatasetUrl(search, '/', window.location.origin), search).toBe(appWants(search));
    }
  });
});

/** A stand-in for the import worker: the test plays its part, message by message. */
class FakeWorker {
  static all: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: ImportResponse }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(message: ImportResponse) {
    this.onmessage?.({ data: message });
  }
}

function pack(count: number, offset: number): ImportResponse {
  const { events } = validateFeatureCollection(
    makeFeatureCollection(
      Array.from({ length: count }, (_, index) => makeFeature({ id: `e-${offset + index}` })),
    ),
  );
  return { type: 'events', pack: new EventPacker().pack(events) };
}

function done(): ImportResponse {
  return {
    type: 'done',
    outcome: {
      kind: 'dataset',
      dataset: {
        metadata: { title: 'T', description: '', license: '', source: '', updated: '' },
        events: [],
        issues: [],
        recordCount: 2,
      },
      report: { ...blankReport('events.geojson', 'utf-8'), format: 'dateline-geojson' },
    },
  };
}

async function freshModules(search = '') {
  vi.resetModules();
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
  window.history.replaceState(null, '', `/${search}`);
  const early = await import('./early-load.ts');
  const runner = await import('./run-import.ts');
  const fetching = await import('./dataset-fetch.ts');
  early.startEarlyLoad();
  const worker = FakeWorker.all[0];
  if (!worker) throw new Error('no worker was started');
  return { early, runner, fetching, worker };
}

describe('the early load, with a stand-in worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks its worker to download the dataset the page names', async () => {
    const { worker } = await freshModules('?data=https://example.org/a.geojson');
    expect(worker.posted).toEqual([
      {
        inputs: [],
        download: { url: 'https://example.org/a.geojson', name: 'a.geojson' },
        choices: null,
        sourceUrl: 'https://example.org/a.geojson',
      },
    ]);
  });

  it('keeps what the worker said before the app listened, progress and events, in order', async () => {
    const { early, runner, worker } = await freshModules();
    const progress = { stage: 'downloading', rows: 0, bytes: 10, totalBytes: 20 } as const;
    worker.say({ type: 'progress', progress });
    worker.say({ type: 'downloaded', offlineCopy: null, smallFile: null, at: Date.now() });
    worker.say(pack(2, 0));
    worker.say(pack(3, 2));
    worker.say(done());

    const load = early.takeEarlyLoad(BUNDLED_DATASET_URL);
    expect(load).not.toBeNull();
    const heard: unknown[] = [];
    load?.listen((step) => heard.push(step));
    expect(heard).toEqual([progress]);
    await expect(load?.download).resolves.toEqual({ offlineCopy: null, smallFile: null });
    load?.handOver();
    const outcome = await runner.runImport(
      { inputs: [], choices: null, sourceUrl: null },
      () => {},
      undefined,
      load?.session,
    );
    expect(outcome.kind === 'dataset' && outcome.dataset.events.map((event) => event.id)).toEqual([
      'e-0',
      'e-1',
      'e-2',
      'e-3',
      'e-4',
    ]);
    expect(worker.terminated).toBe(true);
  });

  it('is dropped, worker and all, when the app wants another address', async () => {
    const { early, worker } = await freshModules('?data=https://example.org/a.geojson');
    expect(early.takeEarlyLoad('https://example.org/b.geojson')).toBeNull();
    expect(worker.terminated).toBe(true);
    // And it can be taken only once.
    expect(early.takeEarlyLoad('https://example.org/a.geojson')).toBeNull();
  });

  it('fails its download with the error fetchBytes gives, and stops the worker', async () => {
    const { early, fetching, worker } = await freshModules();
    worker.say({
      type: 'error',
      message: 'Could not reach /data/events.geojson: the network request failed.',
      datasetError: true,
      errorName: 'DatasetNetworkError',
    });
    const load = early.takeEarlyLoad(BUNDLED_DATASET_URL);
    await expect(load?.download).rejects.toBeInstanceOf(fetching.DatasetNetworkError);
    expect(worker.terminated).toBe(true);
  });

  it('goes back for the next attempt when a query is cancelled before taking the import over', async () => {
    const { early, worker } = await freshModules();
    const controller = new AbortController();
    const first = early.takeEarlyLoad(BUNDLED_DATASET_URL);
    first?.listen(() => {}, controller.signal);
    controller.abort();
    expect(worker.terminated).toBe(false);
    expect(early.takeEarlyLoad(BUNDLED_DATASET_URL)).toBe(first);
  });

  it('is dropped a minute after nobody took it, but not while the page is hidden', async () => {
    vi.useFakeTimers();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const { early, worker } = await freshModules();
    vi.advanceTimersByTime(61_000);
    expect(worker.terminated).toBe(false);
    hidden.mockReturnValue('visible');
    vi.advanceTimersByTime(61_000);
    expect(worker.terminated).toBe(true);
    expect(early.takeEarlyLoad(BUNDLED_DATASET_URL)).toBeNull();
    hidden.mockRestore();
  });
});
