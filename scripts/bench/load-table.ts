/** The load benchmark's results as a Markdown table, with the budgets each run met or missed. */
import { NAIVE_LIMIT, SKIP_NAIVE, type Result } from './load-measure.ts';
import { LOAD_TIMEOUT } from './load-probes.ts';
import { runStamp } from './results-files.ts';

const BUDGETS_100K = {
  dataReadyMs: 1500,
  firstRenderMs: 2000,
  filterP95Ms: 50,
  selectionMs: 100,
  domRows: 300,
  heapMB: 300,
  playFrameP95Ms: 33,
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
export function markdown(results: Result[], machine: string): string {
  const cell = (value: number | null | undefined, unit = '') =>
    value === null || value === undefined ? '–' : `${value.toLocaleString('en-GB')}${unit}`;
  const ratio = (a: number | null, b: number) =>
    a === null || !b ? '–' : `${(a / b).toFixed(1)}×`;
  const lines = [
    `${runStamp()} on ${machine}. Times in ms from navigation start unless noted.`,
    '',
    '| dataset | file | JSON.parse | downloaded | data ready | ÷ parse | first render | longest task | filter p50 / p95 | selection | scroll frame p95 / max | playback frame p50 / p95 / max (fps) | rows in DOM | markers in DOM | heap | naive first render | naive ÷ ours | naive heap |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    lines.push(
      `| ${result.dataset} | ${cell(result.fileMB, ' MB')} | ${cell(result.jsonParseMs)} | ${cell(result.downloadedMs)} | ${cell(result.dataReadyMs)} | ${ratio(result.dataReadyMs, result.jsonParseMs)} | ${cell(result.firstRenderMs)} | ${cell(result.longestTaskMs)} | ${cell(result.filterP50Ms)} / ${cell(result.filterP95Ms)} | ${cell(result.selectionMs)} | ${cell(result.scrollFrameP95Ms)} / ${cell(result.scrollFrameMaxMs)} | ${cell(result.playFrameP50Ms)} / ${cell(result.playFrameP95Ms)} / ${cell(result.playFrameMaxMs)} (${cell(result.playFps)}) | ${result.domRows} | ${result.domMarkers} | ${cell(result.heapMB, ' MB')} | ${result.naiveFirstRenderMs === null ? (SKIP_NAIVE || result.events > NAIVE_LIMIT ? 'not run' : `> ${(LOAD_TIMEOUT / 1000).toFixed(0)} s (stopped)`) : cell(result.naiveFirstRenderMs)} | ${ratio(result.naiveFirstRenderMs, result.firstRenderMs)} | ${cell(result.naiveHeapMB, ' MB')} |`,
    );
  }
  lines.push(
    '',
    'Budgets (100,000 events: data ready ≤ 1,500, first render ≤ 2,000, filter p95 ≤ 50, selection ≤ 100, ≤ 300 rows, heap ≤ 300 MB, playback frame p95 ≤ 33, data ready ≤ 3 × JSON.parse; 1,000,000: loaded ≤ 10,000, filter p95 ≤ 300):',
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
