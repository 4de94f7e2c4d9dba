/**
 * `npm run bench`: Dateline in headless Chromium over synthetic datasets of 1,000 to 1,000,000
 * events and ~82,000 real earthquakes, against the floor (a bare JSON.parse of the same file) and a
 * naive baseline (one Leaflet marker per event). Prints a table, and writes bench/results/latest.md
 * and latest.json. Numbers, not pass/fail: budgets are reported beside them.
 *
 *   npm run bench                      every size
 *   npm run bench -- 1000 100000 quakes   only those
 *   BENCH_SKIP_NAIVE=1 npm run bench     without the naive baseline (quicker)
 *   BENCH_DIST=/tmp/other-build npx tsx scripts/bench.ts   another build (to compare a change)
 *   npx tsx scripts/bench.ts --help      these options
 *
 * The real earthquakes ("quakes") are three public catalogues that are not kept in the repository
 * (their licences are not stated): name the folder that holds them, and the bench reads them with
 * Dateline's own importer. Without it, the quakes are skipped, and the bench says so.
 *
 *   npm run bench -- --real-catalogues /path/to/scale     (or --real-catalogues=/path/to/scale)
 *   BENCH_CATALOGUES=/path/to/scale npm run bench
 *
 * The folder holds earthquakes-japan-1990-2019.csv, earthquakes-san-jacinto-2008-2017.csv and
 * earthquakes-m55-1965-2016.csv (about 82,000 events in all). The option wins over the variable.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { toGeoJson } from '../src/data/export/export.ts';
import { importDataset } from '../src/data/import/import-dataset.ts';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { startBenchServer } from './bench-server.ts';
import { writeSyntheticDataset, writeSyntheticManifest } from './synthetic-dataset.ts';

const PORT = 4177;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CACHE = resolve('bench/.cache');
const RESULTS = resolve('bench/results');
/** The three real catalogues behind "quakes", in the folder named by --real-catalogues. */
const CATALOGUES = [
  'earthquakes-japan-1990-2019.csv',
  'earthquakes-san-jacinto-2008-2017.csv',
  'earthquakes-m55-1965-2016.csv',
];
const NAIVE_LIMIT = 100_000;
/** BENCH_SKIP_NAIVE=1: only Dateline's own numbers, for quick runs while working on them. */
const SKIP_NAIVE = process.env.BENCH_SKIP_NAIVE === '1';
const TIMEOUT = 180_000;

interface DatasetSpec {
  name: string;
  file: string;
  events: number;
}

interface Result {
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
  domRows: number;
  domMarkers: number;
  heapMB: number;
  naiveFirstRenderMs: number | null;
  naiveHeapMB: number | null;
  error?: string;
}

/** A million events as ten yearly parts behind a manifest, loaded side by side. */
async function manifestSpec(count: number, parts: number): Promise<DatasetSpec> {
  const file = `synthetic-${count}-manifest.json`;
  if (!existsSync(join(CACHE, file))) {
    console.log(
      `  generating ${count.toLocaleString('en-GB')} synthetic events in ${parts} parts…`,
    );
    await writeSyntheticManifest(count, CACHE, parts);
  }
  return {
    name: `synthetic ${count.toLocaleString('en-GB')} (${parts} parts)`,
    file,
    events: count,
  };
}

async function syntheticSpec(count: number): Promise<DatasetSpec> {
  const file = `synthetic-${count}.geojson`;
  if (!existsSync(join(CACHE, file))) {
    console.log(`  generating ${count.toLocaleString('en-GB')} synthetic events…`);
    await writeSyntheticDataset(count, join(CACHE, file));
  }
  return { name: `synthetic ${count.toLocaleString('en-GB')}`, file, events: count };
}

/** The three real catalogues, read by Dateline's own importer and written out in its format. */
function earthquakesSpec(folder: string): DatasetSpec {
  const file = 'earthquakes.geojson';
  if (!existsSync(join(CACHE, file))) {
    console.log(`  converting the real earthquake catalogues in ${folder}…`);
    const events = CATALOGUES.flatMap((name) => {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const first = importDataset([{ name, bytes }], null, { sourceUrl: null });
      const outcome =
        first.kind === 'dataset'
          ? first
          : importDataset(
              [{ name, bytes }],
              { mapping: first.proposal.mapping, dayOrder: first.proposal.dayOrder },
              { sourceUrl: null },
            );
      if (outcome.kind !== 'dataset') throw new Error(`${name} did not import`);
      // Ids are per file (0, 1, 2…): prefixed so that the three can share one dataset.
      const prefix = name.split('-')[1] ?? 'x';
      return outcome.dataset.events.map((event) => ({ ...event, id: `${prefix}-${event.id}` }));
    });
    const metadata = {
      title: 'Real earthquakes',
      description: '',
      license: '',
      source: '',
      updated: '',
    };
    writeFileSync(join(CACHE, file), toGeoJson(events, metadata));
  }
  const count = (JSON.parse(readFileSync(join(CACHE, file), 'utf8')) as { features: unknown[] })
    .features.length;
  return { name: `real earthquakes ${count.toLocaleString('en-GB')}`, file, events: count };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

async function markTime(page: Page, name: string, timeout = TIMEOUT): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, {
    timeout,
    polling: 50,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, name);
}

/**
 * Time from a key press on the brush to the page done updating: the first painted frame after the
 * last change React and Leaflet make to the page (status, list, histogram, markers), found by
 * watching the DOM until a whole frame passes without a change.
 */
async function filterLatencies(page: Page, moves: number): Promise<number[]> {
  const selection = page.locator('[data-selection]');
  await selection.waitFor();
  return page.evaluate(async (count) => {
    const target = document.querySelector('[data-selection]');
    const status = document.querySelector('[role="status"]');
    if (!target || !status) throw new Error('no brush or status');
    const seen = { lastChange: 0 };
    const observer = new MutationObserver(() => {
      seen.lastChange = performance.now();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const times: number[] = [];
    for (let move = 0; move < count; move += 1) {
      const before = status.textContent;
      const start = performance.now();
      seen.lastChange = start;
      // Left first: the range starts at the data's last year, so a move right could do nothing.
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: move % 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }),
      );
      while (status.textContent === before && performance.now() - start < 10_000) {
        await new Promise((next) => setTimeout(next, 0));
      }
      // (No named helper functions in here: the bundler's name helper does not exist in the page.)
      const settled = { painted: start, changeSeen: -1 };
      while (settled.changeSeen !== seen.lastChange) {
        settled.changeSeen = seen.lastChange;
        await new Promise((next) => requestAnimationFrame(next));
        settled.painted = performance.now();
        await new Promise((next) => setTimeout(next, 20));
      }
      times.push(settled.painted - start);
    }
    observer.disconnect();
    return times;
  }, moves);
}

/** Time from activating a chronology entry to its marker shown as selected on the map. */
async function selectionLatencies(page: Page, picks: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const times: number[] = [];
    for (let pick = 0; pick < count; pick += 1) {
      // Queried afresh each time: the virtualized list replaces its rows as the selection moves.
      const links = [
        ...document.querySelectorAll<HTMLElement>('[aria-label="Chronology"] .entry-link'),
      ].filter((candidate) => !candidate.closest('[aria-current="true"]'));
      const link = links[Math.min(links.length - 1, pick + 1)];
      if (!link) break;
      const title = link.textContent?.trim().slice(0, 20) ?? '';
      const start = performance.now();
      link.click();
      while (performance.now() - start < 10_000) {
        const selected = document.querySelector('.leaflet-marker-pane [aria-current="true"]');
        if (selected?.getAttribute('aria-label')?.startsWith(title)) break;
        await new Promise((next) => requestAnimationFrame(next));
      }
      await new Promise((next) => requestAnimationFrame(next));
      times.push(performance.now() - start);
      await new Promise((next) => setTimeout(next, 200));
    }
    return times;
  }, picks);
}

/** Frame times while the chronology scrolls 250 px a frame for two seconds. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const list = document.querySelector('[aria-label="Chronology"]');
    let scroller: HTMLElement | null = list instanceof HTMLElement ? list : null;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight)
      scroller = scroller.parentElement;
    if (!scroller) return [];
    const frames: number[] = [];
    let last = performance.now();
    for (let frame = 0; frame < 120; frame += 1) {
      scroller.scrollTop += 250;
      await new Promise((next) => requestAnimationFrame(next));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  });
}

/** The floor: a bare JSON.parse of the file (of every part, one after another, for a manifest). */
async function jsonParseFloor(page: Page, url: string): Promise<number> {
  return page.evaluate(async (address) => {
    let total = 0;
    let addresses = [address];
    for (let index = 0; index < addresses.length; index += 1) {
      const current = addresses[index] ?? '';
      const text = await (await fetch(current)).text();
      const start = performance.now();
      const json = JSON.parse(text) as { type?: string; parts?: { url: string }[] };
      total += performance.now() - start;
      if (json.type === 'DatelineManifest' && json.parts) {
        const base = new URL(current, location.href);
        addresses = addresses.concat(json.parts.map((part) => new URL(part.url, base).href));
      }
    }
    return total;
  }, url);
}

function fileMegabytes(file: string): number {
  const path = join(CACHE, file);
  const bytes = readFileSync(path);
  if (!file.endsWith('manifest.json')) return bytes.length / 1e6;
  const parts = (JSON.parse(bytes.toString('utf8')) as { parts: { url: string }[] }).parts;
  return parts.reduce((sum, part) => sum + readFileSync(join(CACHE, part.url)).length / 1e6, 0);
}

async function measure(browser: Browser, spec: DatasetSpec): Promise<Result> {
  const dataUrl = `/bench-data/${spec.file}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
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
    domRows: 0,
    domMarkers: 0,
    heapMB: 0,
    naiveFirstRenderMs: null,
    naiveHeapMB: null,
  };
  try {
    // In a context (and renderer) of its own: a million events' text and parsed objects left
    // behind in the app's renderer made the app's own load that much slower (37 s against 20 s).
    const floorContext = await browser.newContext();
    const floorPage = await floorContext.newPage();
    await floorPage.goto(`${ORIGIN}/naive/?floor`);
    result.jsonParseMs = round(await jsonParseFloor(floorPage, dataUrl)) ?? 0;
    await floorContext.close();

    await page.addInitScript(() => {
      const durations: number[] = [];
      (window as unknown as { datelineLongTasks: number[] }).datelineLongTasks = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    // A middle window of the data, so the brush exists and moving it changes what is shown.
    await page.goto(`${ORIGIN}/?data=${encodeURIComponent(dataUrl)}`);
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
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  await context.close();

  if (spec.events <= NAIVE_LIMIT && !SKIP_NAIVE) {
    const naiveContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const naive = await naiveContext.newPage();
    try {
      await naive.goto(`${ORIGIN}/naive/?data=${encodeURIComponent(dataUrl)}`);
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

const BUDGETS_100K = {
  dataReadyMs: 1500,
  firstRenderMs: 2000,
  filterP95Ms: 50,
  selectionMs: 100,
  domRows: 300,
  heapMB: 300,
};

function verdict(result: Result): string[] {
  const misses: string[] = [];
  if (result.events === 100_000) {
    for (const [key, limit] of Object.entries(BUDGETS_100K) as [
      keyof typeof BUDGETS_100K,
      number,
    ][]) {
      const value = result[key];
      if (value === null || value > limit) misses.push(`${key} ${value ?? 'n/a'} > ${limit}`);
    }
    if (result.dataReadyMs > 3 * result.jsonParseMs) {
      misses.push(
        `data ready ${result.dataReadyMs} ms > 3 × JSON.parse (${Math.round(3 * result.jsonParseMs)} ms)`,
      );
    }
  }
  if (result.events === 1_000_000) {
    if (result.firstRenderMs > 10_000 || result.error)
      misses.push(`load ${result.firstRenderMs} ms > 10,000`);
    if ((result.filterP95Ms ?? Infinity) > 300)
      misses.push(`filterP95Ms ${result.filterP95Ms ?? 'n/a'} > 300`);
  }
  return misses;
}

function markdown(results: Result[], machine: string): string {
  const cell = (value: number | null | undefined, unit = '') =>
    value === null || value === undefined ? '–' : `${value.toLocaleString('en-GB')}${unit}`;
  const ratio = (a: number | null, b: number) =>
    a === null || !b ? '–' : `${(a / b).toFixed(1)}×`;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. Times in ms from navigation start unless noted.`,
    '',
    '| dataset | file | JSON.parse | downloaded | data ready | ÷ parse | first render | longest task | filter p50 / p95 | selection | scroll frame p95 / max | rows in DOM | markers in DOM | heap | naive first render | naive ÷ ours | naive heap |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    lines.push(
      `| ${result.dataset} | ${cell(result.fileMB, ' MB')} | ${cell(result.jsonParseMs)} | ${cell(result.downloadedMs)} | ${cell(result.dataReadyMs)} | ${ratio(result.dataReadyMs, result.jsonParseMs)} | ${cell(result.firstRenderMs)} | ${cell(result.longestTaskMs)} | ${cell(result.filterP50Ms)} / ${cell(result.filterP95Ms)} | ${cell(result.selectionMs)} | ${cell(result.scrollFrameP95Ms)} / ${cell(result.scrollFrameMaxMs)} | ${result.domRows} | ${result.domMarkers} | ${cell(result.heapMB, ' MB')} | ${result.naiveFirstRenderMs === null ? (SKIP_NAIVE || result.events > NAIVE_LIMIT ? 'not run' : `> ${(TIMEOUT / 1000).toFixed(0)} s (stopped)`) : cell(result.naiveFirstRenderMs)} | ${ratio(result.naiveFirstRenderMs, result.firstRenderMs)} | ${cell(result.naiveHeapMB, ' MB')} |`,
    );
  }
  lines.push(
    '',
    'Budgets (100,000 events: data ready ≤ 1,500, first render ≤ 2,000, filter p95 ≤ 50, selection ≤ 100, ≤ 300 rows, heap ≤ 300 MB, data ready ≤ 3 × JSON.parse; 1,000,000: loaded ≤ 10,000, filter p95 ≤ 300):',
    '',
  );
  for (const result of results) {
    const misses = verdict(result);
    if (result.error) lines.push(`- ${result.dataset}: stopped — ${result.error}`);
    if (result.events === 100_000 || result.events === 1_000_000) {
      lines.push(
        `- ${result.dataset}: ${misses.length === 0 ? 'all budgets met' : `missed: ${misses.join('; ')}`}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const USAGE = `Usage: npx tsx scripts/bench.ts [sizes…] [quakes] [--real-catalogues <folder>]
  sizes                      any of 1000 10000 100000 1000000 (none given: all of them, and quakes)
  quakes                     the ~82,000 real earthquakes (needs the catalogues' folder)
  --real-catalogues <folder> the folder with ${CATALOGUES.join(', ')}
                             (or BENCH_CATALOGUES=<folder>; without either, quakes are skipped)
Environment: BENCH_SKIP_NAIVE=1 (no naive baseline), BENCH_DIST=<build> (another build).`;

interface Options {
  /** Sizes and "quakes"; empty for all. */
  wanted: string[];
  /** The real catalogues' folder, resolved; null when not given. */
  catalogues: string | null;
  help: boolean;
}

function parseOptions(args: string[]): Options {
  const wanted: string[] = [];
  let catalogues: string | null = null;
  let help = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--real-catalogues') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new Error('--real-catalogues needs a folder: --real-catalogues /path/to/scale');
      }
      catalogues = value;
      index += 1;
    } else if (arg.startsWith('--real-catalogues=')) {
      catalogues = arg.slice('--real-catalogues='.length);
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    } else wanted.push(arg);
  }
  const folder = catalogues ?? (process.env.BENCH_CATALOGUES || null);
  return { wanted, catalogues: folder === null ? null : resolve(folder), help };
}

/** The folder, checked: it must hold the three catalogues. */
function checkCatalogues(folder: string): void {
  const missing = CATALOGUES.filter((name) => {
    try {
      return !statSync(join(folder, name)).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`The real-catalogue folder ${folder} lacks ${missing.join(', ')}.`);
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { wanted, catalogues } = options;
  const wantsQuakes = wanted.length === 0 || wanted.includes('quakes');
  if (wantsQuakes && catalogues !== null) checkCatalogues(catalogues);
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const sizes = [1_000, 10_000, 100_000, 1_000_000].filter(
    (size) => wanted.length === 0 || wanted.includes(String(size)),
  );
  const specs: DatasetSpec[] = [];
  for (const size of sizes) {
    specs.push(await (size === 1_000_000 ? manifestSpec(size, 10) : syntheticSpec(size)));
  }
  if (wantsQuakes && catalogues !== null) specs.push(earthquakesSpec(catalogues));
  else if (wantsQuakes) {
    console.log(
      'Skipping the real earthquakes ("quakes"): their catalogues are not in the repository.\n' +
        '  To include them, name the folder that holds them:\n' +
        '    npm run bench -- --real-catalogues /path/to/scale   (or BENCH_CATALOGUES=/path/to/scale)',
    );
  }
  if (specs.length === 0) {
    console.log('Nothing to measure.');
    return;
  }

  const server = await startBenchServer(resolve(process.env.BENCH_DIST ?? 'dist'), CACHE, PORT);
  const executablePath = findChromium() ?? undefined;
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096'],
  });
  const results: Result[] = [];
  for (const spec of specs) {
    console.log(`${spec.name}…`);
    const result = await measure(browser, spec);
    console.log(
      `  downloaded ${result.downloadedMs} ms, data ready ${result.dataReadyMs} ms, first render ${result.firstRenderMs} ms, filter p95 ${result.filterP95Ms} ms${result.error ? `, stopped: ${result.error}` : ''}`,
    );
    results.push(result);
  }
  await browser.close();
  server.close();

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${executablePath ?? 'Playwright Chromium'}`;
  const table = markdown(results, machine);
  console.log(`\n${table}`);
  writeFileSync(join(RESULTS, 'latest.md'), table);
  writeFileSync(
    join(RESULTS, 'latest.json'),
    `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`,
  );
  console.log(`Written to bench/results/latest.md and latest.json`);
}

await main();
