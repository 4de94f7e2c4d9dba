/** The bench server and the headless Chromium both benchmarks drive, and the machine they run on. */
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { startBenchServer } from '../bench-server.ts';
import { CACHE } from './dataset-cache.ts';

interface BenchHost {
  browser: Browser;
  /** The system Chromium, or undefined for Playwright's own. */
  executablePath: string | undefined;
  /** The browser, then the server. */
  close: () => Promise<void>;
}

/** Serves the build in `dist` and the cache on `port`, and launches the browser. */
export async function openBenchHost(
  dist: string,
  port: number,
  extraArgs: string[] = [],
): Promise<BenchHost> {
  const server = await startBenchServer(dist, CACHE, port);
  const executablePath = findChromium() ?? undefined;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return {
    browser,
    executablePath,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Cores, memory, Node and browser: the line that says where the numbers come from. */
export function describeMachine(executablePath: string | undefined): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${executablePath ?? 'Playwright Chromium'}`;
}
