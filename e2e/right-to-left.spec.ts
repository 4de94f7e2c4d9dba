/**
 * Data written right to left (issue #26): an event in Arabic, opened from a file, reads right to
 * left in the list and in its details while the interface around it stays as it is. With
 * SCREENSHOTS=1 the test also saves the list and the details at 1280×800 in test-results/.
 */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chronologyEntry } from './helpers.ts';

const FIXTURE = fileURLToPath(
  new URL('fixtures/languages/translated-events.geojson', import.meta.url),
);
const DERNA = 'ارتفاع عدد قتلى فيضانات درنة في ليبيا إلى أكثر من 5000';
const DERNA_SUMMARY_START = 'قال مسؤولون في شرق ليبيا';

async function direction(element: Locator): Promise<string> {
  return element.evaluate((node) => getComputedStyle(node).direction);
}

async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: test.info().outputPath(name) });
}

test('an Arabic title and summary read right to left in the list and the details', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(FIXTURE);
  await expect(page.getByRole('status')).toHaveText(/^Showing 3 of 3 events/);

  const entry = chronologyEntry(page, DERNA);
  await expect(entry).toBeVisible();
  // The element that holds the title's text itself: `dir="auto"` on it or on its parent.
  const title = entry.getByText(DERNA, { exact: true }).first();
  await expect(title).toBeVisible();
  await screenshot(page, 'arabic-list-1280x800.png');
  expect.soft(await direction(title)).toBe('rtl');

  await entry.getByRole('link').click();
  await expect(page.getByRole('heading', { name: DERNA }).first()).toBeVisible();
  const summary = page.getByText(DERNA_SUMMARY_START).first();
  await expect(summary).toBeVisible();
  await screenshot(page, 'arabic-details-1280x800.png');
  expect.soft(await direction(summary)).toBe('rtl');
});
