/**
 * `npm run screenshots` (after `npm run build`): the pictures in README.md and docs/, taken from
 * the production build at the two sizes every change is looked at.
 */
import { test, expect } from './fixtures.ts';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${size.name} ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await expect(page.getByRole('status')).toHaveText(/Showing/);
      await page.screenshot({ path: `docs/screenshot-${size.name}-${scheme}.png` });
    });
  }
}
