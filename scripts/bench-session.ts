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
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeMachine, openBenchHost } from './bench/bench-host.ts';
import { cachedSyntheticFile, makeCacheFolder } from './bench/dataset-cache.ts';
import { makeResultsFolder, writeResults } from './bench/results-files.ts';
import { runScenario, type Scenario, type ScenarioResult } from './bench/session-run.ts';
import { markdown } from './bench/session-table.ts';
import { roundTo } from './bench/statistics.ts';

const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = resolve(process.env.DIST ?? 'dist');
const SYNTHETIC_EVENTS = 10_000;

async function syntheticScenario(): Promise<Scenario> {
  const file = await cachedSyntheticFile(SYNTHETIC_EVENTS);
  return {
    name: `synthetic ${SYNTHETIC_EVENTS.toLocaleString('en-GB')}`,
    path: `/?data=${encodeURIComponent(`/bench-data/${file}`)}`,
  };
}

async function main() {
  const started = performance.now();
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(`No build in ${DIST}: run \`npm run build\` (or set DIST) first.`);
    process.exit(1);
  }
  makeCacheFolder();
  makeResultsFolder();
  const wanted = process.argv.slice(2);
  const scenarios: Scenario[] = [];
  if (wanted.length === 0 || wanted.includes('synthetic'))
    scenarios.push(await syntheticScenario());
  if (wanted.length === 0 || wanted.includes('bundled'))
    scenarios.push({ name: 'bundled dataset', path: '/' });

  const { browser, executablePath, close } = await openBenchHost(DIST, PORT);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    console.log(`${scenario.name}…`);
    results.push(await runScenario(browser, ORIGIN, scenario));
  }
  await close();

  const machine = describeMachine(executablePath);
  const table = markdown(results, machine, DIST);
  console.log(`\n${table}`);
  writeResults('session', table, {
    machine,
    build: DIST,
    date: new Date().toISOString(),
    results,
  });
  console.log(
    `Written to bench/results/session.md and session.json (${roundTo((performance.now() - started) / 1000)} s)`,
  );
}

await main();
