import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const basePath = process.env.BASE_PATH ?? '/';
// The build to serve: dist, or dist-subpath for the build under BASE_PATH (npm run test:e2e:subpath).
const dist = process.env.E2E_DIST ?? 'dist';
const executablePath = findChromium() ?? undefined;

const chromiumArgs = [...CHROMIUM_ARGS];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous ceilings, not speed checks (speed is measured by `npm run bench`): with two workers on
  // a busy two-core CI machine a keyboard walk through the page or an axe run takes several times
  // as long as it does alone, and a ceiling only matters when something is really stuck.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    trace: 'retain-on-failure',
    // The offline service worker would answer requests before page.route() sees them; tests that
    // are about offline use allow it (e2e/hardening.spec.ts).
    serviceWorkers: 'block',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: process.env.SCREENSHOTS
    ? // `npm run screenshots`: the pictures in README.md and docs/, and the Korean and
      // right-to-left pages' in test-results/ (languages, right-to-left).
      [
        {
          name: 'screenshots',
          testMatch: /(screenshots|languages|right-to-left)\.spec\.ts/,
          use: { ...devices['Desktop Chrome'] },
        },
      ]
    : [
        {
          name: 'desktop',
          // The site built around another dataset has a spec of its own (npm run
          // test:e2e:published), which needs that build.
          testIgnore:
            dist === 'dist-published'
              ? /screenshots\.spec\.ts/
              : /(screenshots|published-site)\.spec\.ts/,
          use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
        },
      ],
  webServer: {
    // The production build, served as a static host would: what users get.
    command: `npx vite preview --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
