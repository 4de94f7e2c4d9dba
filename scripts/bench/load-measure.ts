/**
 * One dataset's load, measured: Dateline in a fresh browser context from navigation to a settled
 * page, then its brush, selection and scrolling; and the naive baseline's load of the same file.
 */
import type { Browser, Page } from '@playwright/test';
import { fileMegabytes, type DatasetSpec } from './load-datasets.ts';
import {
  filterLatencies,
  heapMB,
  jsonParseFloor,
  markTime,
  scrollFrames,
  selectionLatencies,
} from './load-probes.ts';
import { playbackFrames } from './playback-probe.ts';
import { percentile, roundTo } from './statistics.ts';

/** The naive baseline is not run on more events than this. */
export const NAIVE_LIMIT = 100_000;
/** BENCH_SKIP_NAIVE=1: only Dateline's own numbers, for quick runs while working on them. */
export const SKIP_NAIVE = process.env.BENCH_SKIP_NAIVE === '1';

export interface Result {
  dataset: string;
  events: number;
  fileMB: number;
  jsonParseMs: number;
  downloadedMs: number;
  dataReadyMs: number;
  firstRenderMs: number;
  /**
   * The longest the page's main thread was busy without a break (a "long task") from navigation
   * until half a second after the first render: how long the page could not answer the reader.
   */
  longestTaskMs: number | null;
  filterP50Ms: number | null;
  filterP95Ms: number | null;
  /** Each of the 20 brush moves, in order: what the two percentiles above are taken from. */
  filterSamplesMs: number[];
  selectionMs: number | null;
  scrollFrameP95Ms: number | null;
  scrollFrameMaxMs: number | null;
  /** Playback (scripts/bench/playback-probe.ts): frame times while playing, and frames a second. */
  playFrameP50Ms: number | null;
  playFrameP95Ms: number | null;
  playFrameMaxMs: number | null;
  playFps: number | null;
  /** How many different ranges were shown while the frames were counted. */
  playRanges: number | null;
  domRows: number;
  domMarkers: number;
  heapMB: number;
  naiveFirstRenderMs: number | null;
  naiveHeapMB: number | null;
  error?: string;
}

const round = (value: number | null) => (value === null ? null : roundTo(value));

/**
 * BENCH_NETWORK_MBIT=50: the page's downloads (its worker's too) at that speed, with 20 ms of
 * latency, by Chromium's own throttling: loopback hides what a reader's network costs.
 */
async function limitNetwork(page: Page): Promise<void> {
  const mbit = Number(process.env.BENCH_NETWORK_MBIT ?? 0);
  if (!(mbit > 0)) return;
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: (mbit * 1e6) / 8,
    uploadThroughput: (mbit * 1e6) / 8,
  });
}

export async function measure(
  browser: Browser,
  origin: string,
  spec: DatasetSpec,
): Promise<Result> {
  const dataUrl = `/bench-data/${spec.file}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await limitNetwork(page);
  const fileMB = fileMegabytes(spec.file);
  const result: Result = {
    dataset: spec.name,
    events: spec.events,
    fileMB: round(fileMB) ?? 0,
    jsonParseMs: 0,
    downloadedMs: 0,
    dataReadyMs: 0,
    firstRenderMs: 0,
    longestTaskMs: null,
    filterP50Ms: null,
    filterP95Ms: null,
    filterSamplesMs: [],
    selectionMs: null,
    scrollFrameP95Ms: null,
    scrollFrameMaxMs: null,
    playFrameP50Ms: null,
    playFrameP95Ms: null,
    playFrameMaxMs: null,
    playFps: null,
    playRanges: null,
    domRows: 0,
    domMarkers: 0,
    heapMB: 0,
    naiveFirstRenderMs: null,
    naiveHeapMB: null,
  };
  try {
    // In a context (and renderer) of its own: a million events' text and parsed objects left
    // behind in the app's renderer would slow the app's own load (docs/performance.md).
    // A Parquet file has no JSON.parse floor: its row shows "–" there.
    if (!spec.file.endsWith('.parquet')) {
      const floorContext = await browser.newContext();
      const floorPage = await floorContext.newPage();
      await floorPage.goto(`${origin}/naive/?floor`);
      result.jsonParseMs = round(await jsonParseFloor(floorPage, dataUrl)) ?? 0;
      await floorContext.close();
    }

    await page.addInitScript(() => {
      const durations: number[] = [];
      (window as unknown as { datelineLongTasks: number[] }).datelineLongTasks = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    // A middle window of the data, so the brush exists and moving it changes what is shown.
    await page.goto(`${origin}/?data=${encodeURIComponent(dataUrl)}`);
    result.downloadedMs = round(await markTime(page, 'dateline:downloaded')) ?? 0;
    result.dataReadyMs = round(await markTime(page, 'dateline:data-ready')) ?? 0;
    result.firstRenderMs = round(await markTime(page, 'dateline:first-render')) ?? 0;
    await page.waitForTimeout(500);
    result.longestTaskMs = round(
      await page.evaluate(() =>
        Math.max(0, ...(window as unknown as { datelineLongTasks: number[] }).datelineLongTasks),
      ),
    );
    result.domRows = await page.locator('[aria-label="Chronology"] li').count();
    result.domMarkers = await page.locator('.leaflet-marker-pane > *').count();
    result.heapMB = round(await heapMB(page)) ?? 0;

    const frames = await scrollFrames(page);
    result.scrollFrameP95Ms = round(percentile(frames, 95));
    result.scrollFrameMaxMs = round(Math.max(...frames));

    // Brush moves: the last year of the data as the range, moved one bin at a time.
    await page
      .getByRole('button', { name: 'Last year' })
      .click({ timeout: 10_000 })
      .catch(() => {});
    await page.waitForTimeout(1000);
    const filters = await filterLatencies(page, 20);
    result.filterP50Ms = round(percentile(filters, 50));
    result.filterP95Ms = round(percentile(filters, 95));
    result.filterSamplesMs = filters.map((time) => round(time) ?? 0);

    // After the filter timings, so no fly-to animation is still moving the map while they run.
    result.selectionMs = round(percentile(await selectionLatencies(page, 5), 50));

    // Last: playing changes the range, and a selection made during it would pause it.
    await page.keyboard.press('Escape');
    const play = await playbackFrames(page);
    result.playFrameP50Ms = round(percentile(play.frames, 50));
    result.playFrameP95Ms = round(percentile(play.frames, 95));
    result.playFrameMaxMs = round(Math.max(...play.frames));
    const seconds = play.frames.reduce((sum, frame) => sum + frame, 0) / 1000;
    result.playFps = round(play.frames.length / seconds);
    result.playRanges = play.ranges;
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  await context.close();

  if (spec.events <= NAIVE_LIMIT && !SKIP_NAIVE) {
    const naiveContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const naive = await naiveContext.newPage();
    try {
      await naive.goto(`${origin}/naive/?data=${encodeURIComponent(dataUrl)}`);
      result.naiveFirstRenderMs = round(await markTime(naive, 'naive:first-render'));
      result.naiveHeapMB = round(await heapMB(naive));
    } catch (error) {
      result.naiveFirstRenderMs = null;
      console.log(`  naive baseline failed: ${String(error).split('\n')[0]}`);
    }
    await naiveContext.close();
  }
  return result;
}
