#!/usr/bin/env node
/**
 * Finds a Chromium for Playwright, or installs one. Playwright's own browser download is blocked
 * on our machines, so the end-to-end tests use the system Chromium. Order of preference:
 *   1. $CHROMIUM_PATH, if set;
 *   2. a chromium or google-chrome on the system;
 *   3. Debian's chromium package via apt-get (when running as root);
 *   4. Playwright's own download (`npx playwright install chromium`), where the network allows it.
 * Prints the path it found; playwright.config.ts runs the same search.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

function tryRun(command, args) {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

let found = findChromium();
if (!found && process.getuid?.() === 0) {
  console.log("No Chromium found: installing Debian's chromium package (about a minute)…");
  tryRun('apt-get', ['update', '-qq']);
  tryRun('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  found = findChromium();
}
if (!found) {
  console.log("Trying Playwright's own Chromium download…");
  if (tryRun('npx', ['playwright', 'install', 'chromium'])) found = 'playwright-bundled';
}
if (!found) {
  console.error(
    'No Chromium is available. Install one (for example `sudo apt-get install chromium`) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${found}`);
