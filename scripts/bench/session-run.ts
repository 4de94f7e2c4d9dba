/**
 * One long session on one dataset: load it, walk the selection through it, then move the date
 * filter, with a checkpoint after every 100th action.
 */
import type { Browser, CDPSession } from '@playwright/test';
import {
  ACTION_TIMEOUT,
  filterMove,
  moveHandles,
  selectEvents,
  type HandleMove,
} from './session-actions.ts';
import {
  checkpointLabel,
  phaseVerdict,
  type Checkpoint,
  type Phase,
  type PhaseVerdict,
} from './session-verdict.ts';
import { roundTo } from './statistics.ts';

/** Actions per phase; SESSION_ACTIONS=300 for a quick look (a multiple of 100). */
export const ACTIONS = Number(process.env.SESSION_ACTIONS ?? 1_000);
export const CHECK_EVERY = 100;

export interface Scenario {
  name: string;
  /** Path and query opened on the bench server. */
  path: string;
}

export interface ScenarioResult {
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

/** Heap after a forced GC, and the DOM nodes and JS event listeners still alive then. */
async function heapFigures(
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

export async function runScenario(
  browser: Browser,
  origin: string,
  scenario: Scenario,
): Promise<ScenarioResult> {
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
    const figures = await heapFigures(cdp);
    const entry: Checkpoint = {
      phase,
      actions,
      heapMB: roundTo(figures.heapMB, 2),
      domNodes: figures.nodes,
      listeners: figures.listeners,
      elapsedS: roundTo((performance.now() - started) / 1000),
    };
    result.checkpoints.push(entry);
    console.log(
      `  ${checkpointLabel(entry).padEnd(20)} ${entry.heapMB.toFixed(2).padStart(7)} MB  ${String(entry.domNodes).padStart(6)} nodes  ${String(entry.listeners).padStart(5)} listeners  (${entry.elapsedS} s)`,
    );
  };
  try {
    await page.goto(`${origin}${scenario.path}`);
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
  result.runS = roundTo((performance.now() - started) / 1000);
  await cdp.detach().catch(() => {});
  await context.close();
  return result;
}
