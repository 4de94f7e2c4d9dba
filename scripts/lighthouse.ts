/**
 * `npm run lighthouse`: Lighthouse 12 with the system Chromium on the production build and the
 * bundled dataset, on the mobile preset (Lighthouse's default: a mid-range phone on a slow 4G
 * link, simulated). Prints the four scores beside their targets and the first load's JavaScript
 * (gzip) beside its budget, exits non-zero if one misses, and writes the full report to
 * bench/results/lighthouse.json. BENCH_DIST=/path/to/build measures another build (to compare).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { compressAsServed, startBenchServer } from './bench-server.ts';

const PORT = 4178;
const TARGETS: Record<string, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

/** The issue's budget for the first load's JavaScript, gzip. */
const FIRST_LOAD_JS_KB = 170;

interface NetworkRequest {
  url: string;
  resourceType?: string;
  /** Milliseconds from the navigation's start, as the user timings are. */
  networkRequestTime?: number;
}

interface UserTiming {
  name: string;
  startTime: number;
}

const distDir = resolve(process.env.BENCH_DIST ?? 'dist');
/** `npx tsx scripts/lighthouse.ts stories/<id>` measures that page instead of the explorer. */
const page = process.argv[2] ?? '';

function gzippedSize(url: string): number {
  return compressAsServed(readFileSync(join(distDir, new URL(url).pathname))).byteLength;
}

const server = await startBenchServer(distDir, resolve('bench/.cache'), PORT);
const chrome = await chromeLauncher.launch({
  chromePath: findChromium() ?? undefined,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
let failed = false;
try {
  const result = await lighthouse(`http://127.0.0.1:${PORT}/${page}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.keys(TARGETS),
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  mkdirSync(resolve('bench/results'), { recursive: true });
  writeFileSync(resolve('bench/results/lighthouse.json'), JSON.stringify(lhr, null, 1));
  console.log(
    `Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} preset, ${lhr.finalDisplayedUrl}`,
  );
  for (const [id, target] of Object.entries(TARGETS)) {
    const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const ok = score >= target;
    failed ||= !ok;
    console.log(
      `  ${ok ? '✓' : '✗'} ${lhr.categories[id]?.title ?? id}: ${score} (target ${target})`,
    );
    if (!ok) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0) {
          console.log(
            `      ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
          );
        }
      }
    }
  }
  const metrics = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ];
  console.log(
    `  ${metrics.map((id) => `${lhr.audits[id]?.title}: ${lhr.audits[id]?.displayValue}`).join(' · ')}`,
  );
  // The first load's JavaScript, gzip as the host serves it: the page's scripts and the workers'
  // (the import worker and the outline worker start with the page), up to the map's first drawing
  // (the `dateline:map-drawn` mark). What the page loads after it, once idle (the place names), is
  // listed apart. Lighthouse lists a worker's script with a transfer size of a few hundred bytes
  // (its body is not counted), so each file's size is its gzip on disk, compressed as the bench
  // server compresses it.
  const requests = (lhr.audits['network-requests']?.details as { items?: NetworkRequest[] })?.items;
  const timings = (lhr.audits['user-timings']?.details as { items?: UserTiming[] })?.items;
  const mapDrawn = timings?.find((timing) => timing.name === 'dateline:map-drawn')?.startTime;
  const scripts = (requests ?? [])
    .filter((request) => request.resourceType === 'Script')
    .map((request) => ({
      url: request.url,
      bytes: gzippedSize(request.url),
      // Without the mark (the outline failed), every script counts.
      later: mapDrawn !== undefined && (request.networkRequestTime ?? 0) > mapDrawn,
    }));
  const firstLoad = scripts.filter((request) => !request.later);
  const kilobytes = firstLoad.reduce((sum, request) => sum + request.bytes, 0) / 1024;
  // The budget is the explorer's: another page (a story's) adds its own code, and is only told.
  const budgeted = page === '';
  const jsOk = firstLoad.length > 0 && kilobytes <= FIRST_LOAD_JS_KB;
  if (budgeted) failed ||= !jsOk;
  console.log(
    budgeted
      ? `  ${jsOk ? '✓' : '✗'} JavaScript on first load: ${kilobytes.toFixed(1)} KB gzip in ${firstLoad.length} files (target ≤ ${FIRST_LOAD_JS_KB} KB)`
      : `  JavaScript on first load: ${kilobytes.toFixed(1)} KB gzip in ${firstLoad.length} files (the ${FIRST_LOAD_JS_KB} KB budget is the explorer's)`,
  );
  const list = (files: typeof scripts) => {
    for (const request of files) {
      const name = new URL(request.url).pathname.split('/').pop() ?? request.url;
      console.log(`      ${name}: ${(request.bytes / 1024).toFixed(1)} KB`);
    }
  };
  list(firstLoad);
  const later = scripts.filter((request) => request.later);
  if (mapDrawn === undefined) console.log('    (no dateline:map-drawn mark: every script counted)');
  if (later.length > 0) {
    console.log("    Loaded after the map's first drawing, not in the budget:");
    list(later);
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
