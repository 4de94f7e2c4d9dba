import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chronologyEntries, marker } from './helpers.ts';

/** Made with DuckDB by scripts/make-parquet-fixtures.ts (ZSTD-compressed, as many exports are). */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../src/data/import/fixtures/${name}`, import.meta.url));

/** Two of the file's three rows are events; the third has no place and is a Data issue. */
async function expectEventsAndIssue(page: Page) {
  await expect(page.getByRole('status')).toHaveText(/^Showing 2 of 2 events/, { timeout: 20_000 });
  await expect(chronologyEntries(page)).toHaveCount(2);
  await expect(chronologyEntries(page).first()).toContainText('Protest in Kyiv');
  await expect(marker(page, 'Flood in Dhaka')).toBeAttached();
  await page.getByRole('button', { name: 'Data issues (1)' }).click();
  await expect(page.getByText(/a3/).first()).toBeVisible();
}

test('a Parquet file opens through the file picker', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await page
    .getByLabel('Dataset file (CSV, GeoJSON or JSON)')
    .first()
    .setInputFiles(fixture('events-zstd.parquet'));
  await expectEventsAndIssue(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('events-zstd.parquet');
});

test('a Parquet file opens through ?data=, known by its bytes whatever its content type', async ({
  page,
}) => {
  const body = readFileSync(fixture('events-zstd.parquet'));
  await page.route('**/shared-datasets/events', (route) =>
    route.fulfill({ body, contentType: 'application/octet-stream' }),
  );
  await page.goto(`./?data=${encodeURIComponent('/shared-datasets/events')}`);
  await expectEventsAndIssue(page);
});

test('a corrupt Parquet file gets a message naming it and why, not a blank page', async ({
  page,
}) => {
  const body = readFileSync(fixture('corrupt.parquet'));
  await page.route('**/shared-datasets/corrupt.parquet', (route) =>
    route.fulfill({ body, contentType: 'application/vnd.apache.parquet' }),
  );
  await page.goto(`./?data=${encodeURIComponent('/shared-datasets/corrupt.parquet')}`);
  await expect(page.getByText(/corrupt\.parquet is not a readable Parquet file \(/)).toBeVisible({
    timeout: 20_000,
  });
});
