import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a system Chromium, or null. $CHROMIUM_PATH wins when set. */
export function findChromium() {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return isExecutable(fromEnvironment) ? fromEnvironment : null;
  for (const candidate of CANDIDATES) if (isExecutable(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (path && isExecutable(path)) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  return null;
}

/**
 * Flags that keep Chromium from phoning home: on our machines those requests are refused, and in
 * tests every request that leaves 127.0.0.1 is a failure anyway (see e2e/fixtures.ts). One list for
 * the tests, the benchmark and Lighthouse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
