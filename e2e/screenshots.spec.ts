/**
 * `npm run screenshots` (after `npm run build`): the pictures in README.md and docs/, taken from
 * the production build at the two sizes every change is looked at, light and dark, with and
 * without a selection.
 */
import { test, expect } from './fixtures.ts';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const STATES = [
  { name: 'overview', path: './' },
  { name: 'selected', path: './events/sinpo-submarine-site-activity' },
  // In Korean: the machine taking the pictures needs a Korean font (Debian: fonts-noto-cjk).
  { name: 'korean', path: './ko/events/sinpo-submarine-site-activity' },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const state of STATES) {
      test(`${size.name} ${scheme} ${state.name}`, async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(state.path);
        await expect(page.getByRole('status')).toHaveText(/Showing|표시/);
        // The outline loads lazily; wait for it so the picture shows what a reader sees.
        await expect(page.locator('.leaflet-basemap-pane canvas:not(.place-names)')).toBeVisible();
        await page.waitForTimeout(600);
        await page.screenshot({ path: `docs/screenshot-${size.name}-${scheme}-${state.name}.png` });
      });
    }
  }
}
