/**
 * `npm run bench`: Dateline in headless Chromium over synthetic datasets of 1,000 to 1,000,000
 * events and ~82,000 real earthquakes, against the floor (a bare JSON.parse of the same file) and a
 * naive baseline (one Leaflet marker per event). Prints a table, and writes bench/results/latest.md
 * and latest.json. Numbers, not pass/fail: budgets are reported beside them.
 *
 *   npm run bench                      every size
 *   npm run bench -- 1000 100000 quakes   only those
 *   npm run bench -- 1000000 parquet   a million events as JSON parts, as one GeoJSON file and as
 *                                      one Parquet file
 *   BENCH_SKIP_NAIVE=1 npm run bench     without the naive baseline (quicker)
 *   BENCH_DIST=/tmp/other-build npx tsx scripts/bench.ts   another build (to compare a change)
 *   BENCH_NETWORK_MBIT=50 npm run bench -- parquet   downloads at 50 Mbit/s (Chromium's throttling)
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
import { resolve } from 'node:path';
import { describeMachine, openBenchHost } from './bench/bench-host.ts';
import { makeCacheFolder } from './bench/dataset-cache.ts';
import {
  earthquakesSpec,
  manifestSpec,
  oneFileSpec,
  parquetSpec,
  syntheticSpec,
  type DatasetSpec,
} from './bench/load-datasets.ts';
import { measure, type Result } from './bench/load-measure.ts';
import { checkCatalogues, parseOptions, USAGE } from './bench/load-options.ts';
import { markdown } from './bench/load-table.ts';
import { makeResultsFolder, writeResults } from './bench/results-files.ts';

// BENCH_PORT: another port, where two benches (or a bench and the e2e tests) share a machine.
const PORT = Number(process.env.BENCH_PORT ?? 4177);
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { wanted, catalogues } = options;
  const wantsQuakes = wanted.length === 0 || wanted.includes('quakes');
  if (wantsQuakes && catalogues !== null) checkCatalogues(catalogues);
  makeCacheFolder();
  makeResultsFolder();
  const sizes = [1_000, 10_000, 100_000, 1_000_000].filter(
    (size) => wanted.length === 0 || wanted.includes(String(size)),
  );
  const specs: DatasetSpec[] = [];
  for (const size of sizes) {
    specs.push(await (size === 1_000_000 ? manifestSpec(size, 10) : syntheticSpec(size)));
  }
  // The same million events as one GeoJSON file and as one Parquet file, beside the JSON parts.
  if (wanted.length === 0 || wanted.includes('parquet'))
    specs.push(await oneFileSpec(1_000_000), await parquetSpec(1_000_000));
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

  const { browser, executablePath, close } = await openBenchHost(
    resolve(process.env.BENCH_DIST ?? 'dist'),
    PORT,
    ['--js-flags=--max-old-space-size=4096'],
  );
  const results: Result[] = [];
  for (const spec of specs) {
    console.log(`${spec.name}…`);
    const result = await measure(browser, ORIGIN, spec);
    console.log(
      `  downloaded ${result.downloadedMs} ms, data ready ${result.dataReadyMs} ms, first render ${result.firstRenderMs} ms, filter p95 ${result.filterP95Ms} ms, playback frame p50 / p95 / max ${result.playFrameP50Ms} / ${result.playFrameP95Ms} / ${result.playFrameMaxMs} ms (${result.playFps} fps, ${result.playRanges} ranges)${result.error ? `, stopped: ${result.error}` : ''}`,
    );
    results.push(result);
  }
  await close();

  const machine = describeMachine(executablePath);
  const table = markdown(results, machine);
  console.log(`\n${table}`);
  writeResults('latest', table, { machine, date: new Date().toISOString(), results });
  console.log(`Written to bench/results/latest.md and latest.json`);
}

await main();
