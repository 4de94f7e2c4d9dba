/**
 * `npm run bench:session`: a long session in headless Chromium (issue #8, "Long sessions"). On a
 * synthetic dataset of 10,000 events and on the bundled one, it selects 1,000 events in a row (the
 * j key, as a reader moving down the chronology) and then changes the date filter 1,000 times (the
 * brush handles, from the keyboard), and records after a forced GC the JS heap, the DOM nodes and
 * the JS event listeners at every 100th action. Prints a table per dataset and a verdict, and writes
 * bench/results/session.md and session.json. Numbers, not pass/fail: it exits 0 either way.
 *
 *   DIST=dist npx tsx scripts/bench-session.ts            both datasets
 *   DIST=dist npx tsx scripts/bench-session.ts bundled    only those named (synthetic, bundled)
 *
 * The context asks for reduced motion, so the map jumps to each selection instead of flying for
 * 0.8 s: 1,000 flights would be over 13 minutes of animation, each cut short by the next key.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { startBenchServer } from './bench-server.ts';
import { writeSyntheticDataset } from './synthetic-dataset.ts';

const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = resolve(process.env.DIST ?? 'dist');
const CACHE = resolve('bench/.cache');
const RESULTS = resolve('bench/results');
const SYNTHETIC_EVENTS = 10_000;
/** Actions per phase; SESSION_ACTIONS=300 for a quick look (a multiple of 100). */
const ACTIONS = Number(process.env.SESSION_ACTIONS ?? 1_000);
const CHECK_EVERY = 100;
/** How long one action may take to show before the run gives up on that dataset. */
const ACTION_TIMEOUT = 15_000;
/** Bounded: the last three checkpoints of a phase grow less than this in total… */
const LAST_THREE_LIMIT_MB = 2;
/** …and the final heap is within this factor of the heap after the first 100 actions. */
const FINAL_RATIO_LIMIT = 1.5;

interface Scenario {
  name: string;
  /** Path and query opened on the bench server. */
  path: string;
}

type Phase = 'loaded' | 'selections' | 'filters';

interface Checkpoint {
  phase: Phase;
  /** Actions done in this phase when measured. */
  actions: number;
  heapMB: number;
  domNodes: number;
  listeners: number;
  /** Since the page was opened. */
  elapsedS: number;
}

interface PhaseVerdict {
  phase: Exclude<Phase, 'loaded'>;
  /** Heap after the first 100 actions (warm-up done) and after the last. */
  warmHeapMB: number;
  finalHeapMB: number;
  growthMB: number;
  growthPer1000MB: number;
  lastThreeGrowthMB: number;
  nodesGrowth: number;
  listenersGrowth: number;
  meanActionMs: number;
  bounded: boolean;
}

interface ScenarioResult {
  scenario: string;
  events: number | null;
  checkpoints: Checkpoint[];
  verdicts: PhaseVerdict[];
  /** Direction changes of the j / k walk (it turns at either end of the list). */
  selectionTurns: number;
  /** Brush moves done before the counted ones, to open a window in the middle of the data. */
  filterWarmUpMoves: number;
  timelineBins: number;
  runS: number;
  error?: string;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function syntheticScenario(): Promise<Scenario> {
  const file = `synthetic-${SYNTHETIC_EVENTS}.geojson`;
  if (!existsSync(join(CACHE, file))) {
    console.log(`  generating ${SYNTHETIC_EVENTS.toLocaleString('en-GB')} synthetic events…`);
    await writeSyntheticDataset(SYNTHETIC_EVENTS, join(CACHE, file));
  }
  return {
    name: `synthetic ${SYNTHETIC_EVENTS.toLocaleString('en-GB')}`,
    path: `/?data=${encodeURIComponent(`/bench-data/${file}`)}`,
  };
}

/** Heap after a forced GC, and the DOM nodes and JS event listeners still alive then. */
async function measure(
  cdp: CDPSession,
): Promise<{ heapMB: number; nodes: number; listeners: number }> {
  // Twice: objects freed by the first collection's finalizers (weak maps, Leaflet's) go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
  return { heapMB: usedSize / 1e6, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/**
 * `count` presses of j (k on the way back up, turning at either end of the list), run in the page:
 * a round trip to the browser costs more than a selection on this machine. Each press is done when
 * the address names a new event, its entry is the list's current one and the map's selected marker
 * is that event's, and a frame has been painted after. (No named functions in here: the bundler's
 * name helper does not exist in the page.)
 */
async function selectEvents(
  page: Page,
  count: number,
  walk: { down: boolean; turns: number },
): Promise<void> {
  const after = await page.evaluate(
    async ({ count, down: startDown, timeout }) => {
      let down = startDown;
      let turns = 0;
      for (let press = 0; press < count; press += 1) {
        const current = document.querySelector('[aria-label="Chronology"] li[aria-current="true"]');
        let neighbour = current
          ? down
            ? current.nextElementSibling
            : current.previousElementSibling
          : null;
        while (neighbour && !neighbour.hasAttribute('data-event-id'))
          neighbour = down ? neighbour.nextElementSibling : neighbour.previousElementSibling;
        // The selection is scrolled into view with rows to spare, so a neighbour not in the DOM
        // is one that does not exist: this is an end of the list.
        if (current && !neighbour) {
          down = !down;
          turns += 1;
        }
        const previous = location.pathname;
        const start = performance.now();
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent('keydown', { key: down ? 'j' : 'k', bubbles: true, cancelable: true }),
        );
        for (;;) {
          const path = location.pathname;
          const at = path.lastIndexOf('/events/');
          if (path !== previous && at >= 0) {
            const id = decodeURIComponent(path.slice(at + '/events/'.length));
            const entry = document.querySelector(
              `[aria-label="Chronology"] li[data-event-id="${CSS.escape(id)}"][aria-current="true"]`,
            );
            const title = entry?.querySelector('.entry-link')?.textContent;
            const marker = document.querySelector('.leaflet-marker-pane [aria-current="true"]');
            if (title && marker?.getAttribute('aria-label')?.startsWith(title)) break;
          }
          if (performance.now() - start > timeout)
            throw new Error(`selection ${press + 1} not shown after ${timeout} ms (${path})`);
          await new Promise((next) => requestAnimationFrame(next));
        }
        await new Promise((next) => requestAnimationFrame(next));
      }
      return { down, turns };
    },
    { count, down: walk.down, timeout: ACTION_TIMEOUT },
  );
  walk.down = after.down;
  walk.turns += after.turns;
}

interface HandleMove {
  handle: 'from' | 'to';
  key: string;
}

/**
 * Key presses on the brush handles, run in the page as the selections are: the handle is focused
 * and the key pressed on it, then the move is done when the status line or the address has changed
 * and a frame has been painted after.
 */
async function moveHandles(page: Page, moves: HandleMove[]): Promise<void> {
  await page.evaluate(
    async ({ moves, timeout }) => {
      for (const [index, move] of moves.entries()) {
        const handle = document.querySelector<SVGGElement>(`[data-handle="${move.handle}"]`);
        if (!handle) throw new Error(`no ${move.handle} handle`);
        if (document.activeElement !== handle) handle.focus();
        const status = document.querySelector('.status-line');
        const before = status?.textContent ?? '';
        const href = location.href;
        const start = performance.now();
        handle.dispatchEvent(
          new KeyboardEvent('keydown', { key: move.key, bubbles: true, cancelable: true }),
        );
        while ((status?.textContent ?? '') === before && location.href === href) {
          if (performance.now() - start > timeout)
            throw new Error(`brush move ${index + 1} (${move.handle} ${move.key}) changed nothing`);
          await new Promise((next) => requestAnimationFrame(next));
        }
        await new Promise((next) => requestAnimationFrame(next));
      }
    },
    { moves, timeout: ACTION_TIMEOUT },
  );
}

/**
 * The counted brush moves: a window over the middle of the data that drifts right `drift` bins
 * (end first, then start, so it never closes) and back again, so the range changes on every move
 * and every 100th move finds the same range as the last checkpoint did.
 */
function filterMove(move: number, drift: number): HandleMove {
  const cycle = move % (4 * drift);
  const outward = cycle < 2 * drift;
  const second = cycle % 2 === 1;
  if (outward) return { handle: second ? 'from' : 'to', key: 'ArrowRight' };
  return { handle: second ? 'to' : 'from', key: 'ArrowLeft' };
}

function phaseVerdict(
  phase: Exclude<Phase, 'loaded'>,
  checkpoints: Checkpoint[],
  durationMs: number,
): PhaseVerdict | null {
  const counted = checkpoints.filter((checkpoint) => checkpoint.phase === phase);
  const warm = counted[0];
  const last = counted[counted.length - 1];
  const thirdLast = counted[counted.length - 3];
  if (!warm || !last || !thirdLast || counted.length < 3) return null;
  const growthMB = last.heapMB - warm.heapMB;
  const lastThreeGrowthMB = last.heapMB - thirdLast.heapMB;
  return {
    phase,
    warmHeapMB: round(warm.heapMB, 2),
    finalHeapMB: round(last.heapMB, 2),
    growthMB: round(growthMB, 2),
    growthPer1000MB: round((growthMB / (last.actions - warm.actions)) * 1000, 2),
    lastThreeGrowthMB: round(lastThreeGrowthMB, 2),
    nodesGrowth: last.domNodes - warm.domNodes,
    listenersGrowth: last.listeners - warm.listeners,
    meanActionMs: round(durationMs / last.actions),
    bounded:
      lastThreeGrowthMB < LAST_THREE_LIMIT_MB && last.heapMB <= FINAL_RATIO_LIMIT * warm.heapMB,
  };
}

async function runScenario(browser: Browser, scenario: Scenario): Promise<ScenarioResult> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = performance.now();
  const result: ScenarioResult = {
    scenario: scenario.name,
    events: null,
    checkpoints: [],
    verdicts: [],
    selectionTurns: 0,
    filterWarmUpMoves: 0,
    timelineBins: 0,
    runS: 0,
  };
  const checkpoint = async (phase: Phase, actions: number) => {
    const figures = await measure(cdp);
    const entry: Checkpoint = {
      phase,
      actions,
      heapMB: round(figures.heapMB, 2),
      domNodes: figures.nodes,
      listeners: figures.listeners,
      elapsedS: round((performance.now() - started) / 1000),
    };
    result.checkpoints.push(entry);
    console.log(
      `  ${label(entry).padEnd(20)} ${entry.heapMB.toFixed(2).padStart(7)} MB  ${String(entry.domNodes).padStart(6)} nodes  ${String(entry.listeners).padStart(5)} listeners  (${entry.elapsedS} s)`,
    );
  };
  try {
    await page.goto(`${ORIGIN}${scenario.path}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('dateline:first-render').length > 0,
      null,
      { timeout: 120_000, polling: 100 },
    );
    // The map comes in its own chunk, after the list.
    await page.locator('.leaflet-marker-pane > *').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const status = (await page.locator('.status-line').textContent()) ?? '';
    const total = /of ([\d,]+) event/.exec(status)?.[1];
    result.events = total ? Number(total.replace(/,/g, '')) : null;
    await checkpoint('loaded', 0);

    // Selections: j from the top of the list, as a reader reading down it; k back up from the end.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const walk = { down: true, turns: 0 };
    let selectionsMs = 0;
    for (let action = CHECK_EVERY; action <= ACTIONS; action += CHECK_EVERY) {
      const batchStart = performance.now();
      await selectEvents(page, CHECK_EVERY, walk);
      selectionsMs += performance.now() - batchStart;
      result.selectionTurns = walk.turns;
      await checkpoint('selections', action);
    }

    // Escape clears the selection, so the filter phase measures the filters alone.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.pathname.includes('/events/'), null, {
      timeout: ACTION_TIMEOUT,
    });

    // Filters: open a window over the middle 40 % of the strip, then drift it to and fro.
    result.timelineBins = await page.locator('.timeline-svg .bar-all').count();
    const bigStep = Math.max(2, Math.round(result.timelineBins / 10));
    const windowSteps = Math.max(1, Math.floor(result.timelineBins / (3 * bigStep)));
    const opening = Array.from({ length: windowSteps }, (): HandleMove[] => [
      { handle: 'to', key: 'PageDown' },
      { handle: 'from', key: 'PageUp' },
    ]).flat();
    await moveHandles(page, opening);
    result.filterWarmUpMoves = opening.length;
    // The drift must divide 100 / 4 (so every checkpoint finds the same range) and fit the room
    // left on the right of the window (about 30 % of the bins).
    const room = Math.floor(result.timelineBins * 0.25);
    const drift = [25, 5, 1].find((candidate) => candidate <= room) ?? 1;
    let filtersMs = 0;
    for (let action = CHECK_EVERY; action <= ACTIONS; action += CHECK_EVERY) {
      const batch = Array.from({ length: CHECK_EVERY }, (_, index) =>
        filterMove(action - CHECK_EVERY + index, drift),
      );
      const batchStart = performance.now();
      await moveHandles(page, batch);
      filtersMs += performance.now() - batchStart;
      await checkpoint('filters', action);
    }

    for (const [phase, ms] of [
      ['selections', selectionsMs],
      ['filters', filtersMs],
    ] as const) {
      const verdict = phaseVerdict(phase, result.checkpoints, ms);
      if (verdict) result.verdicts.push(verdict);
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    console.log(`  stopped: ${result.error}`);
  }
  result.runS = round((performance.now() - started) / 1000);
  await cdp.detach().catch(() => {});
  await context.close();
  return result;
}

function label(checkpoint: Checkpoint): string {
  if (checkpoint.phase === 'loaded') return 'loaded';
  return `${checkpoint.actions.toLocaleString('en-GB')} ${checkpoint.phase === 'selections' ? 'selections' : 'filter changes'}`;
}

function verdictLine(verdict: PhaseVerdict): string {
  const sign = (value: number) => (value > 0 ? `+${value}` : String(value));
  return (
    `${verdict.phase}: ${verdict.bounded ? 'bounded' : 'GROWING'} — heap ${verdict.warmHeapMB} → ${verdict.finalHeapMB} MB from the 100th action to the last ` +
    `(${sign(verdict.growthMB)} MB, ${sign(verdict.growthPer1000MB)} MB per 1,000 actions; last three checkpoints ${sign(verdict.lastThreeGrowthMB)} MB), ` +
    `DOM nodes ${sign(verdict.nodesGrowth)}, listeners ${sign(verdict.listenersGrowth)}; ${verdict.meanActionMs} ms per action`
  );
}

function markdown(results: ScenarioResult[], machine: string, build: string): string {
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, build ${build}.`,
    '',
    `${ACTIONS.toLocaleString('en-GB')} selections (j / k) then ${ACTIONS.toLocaleString('en-GB')} date-filter changes (brush handles), heap measured after a forced GC every ${CHECK_EVERY}. ` +
      `Bounded: the last three checkpoints of a phase grow < ${LAST_THREE_LIMIT_MB} MB in total and its final heap is ≤ ${FINAL_RATIO_LIMIT} × the heap after its first ${CHECK_EVERY} actions.` +
      ' The step from "loaded" to the first checkpoint is mostly the detailed coastline (about 23 MB), loaded once when the map is first zoomed in to 5 or more: hence the first 100 actions count as warm-up.',
  ];
  for (const result of results) {
    lines.push(
      '',
      `### ${result.scenario}${result.events === null ? '' : ` (${result.events.toLocaleString('en-GB')} events)`}`,
      '',
      '| checkpoint | heap MB | DOM nodes | listeners | at |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const checkpoint of result.checkpoints) {
      lines.push(
        `| ${label(checkpoint)} | ${checkpoint.heapMB.toFixed(2)} | ${checkpoint.domNodes.toLocaleString('en-GB')} | ${checkpoint.listeners.toLocaleString('en-GB')} | ${checkpoint.elapsedS} s |`,
      );
    }
    lines.push('');
    for (const verdict of result.verdicts) lines.push(`- ${verdictLine(verdict)}`);
    if (result.error) lines.push(`- stopped: ${result.error}`);
    lines.push(
      `- ${result.runS} s in all; the j / k walk turned ${result.selectionTurns} times at an end of the list; ${result.timelineBins} timeline bins, ${result.filterWarmUpMoves} brush moves to open the window before counting.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const started = performance.now();
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(`No build in ${DIST}: run \`npm run build\` (or set DIST) first.`);
    process.exit(1);
  }
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const wanted = process.argv.slice(2);
  const scenarios: Scenario[] = [];
  if (wanted.length === 0 || wanted.includes('synthetic'))
    scenarios.push(await syntheticScenario());
  if (wanted.length === 0 || wanted.includes('bundled'))
    scenarios.push({ name: 'bundled dataset', path: '/' });

  const server = await startBenchServer(DIST, CACHE, PORT);
  const executablePath = findChromium() ?? undefined;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    console.log(`${scenario.name}…`);
    results.push(await runScenario(browser, scenario));
  }
  await browser.close();
  server.close();

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${executablePath ?? 'Playwright Chromium'}`;
  const table = markdown(results, machine, DIST);
  console.log(`\n${table}`);
  writeFileSync(join(RESULTS, 'session.md'), table);
  writeFileSync(
    join(RESULTS, 'session.json'),
    `${JSON.stringify({ machine, build: DIST, date: new Date().toISOString(), results }, null, 2)}\n`,
  );
  console.log(
    `Written to bench/results/session.md and session.json (${round((performance.now() - started) / 1000)} s)`,
  );
}

await main();
