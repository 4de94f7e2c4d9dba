import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { chronologyEntries } from './helpers.ts';

const CIVILIAN_HARM = fileURLToPath(
  new URL('fixtures/real/ukraine-civilian-harm-2022.csv', import.meta.url),
);

test('Publish… gives an opened file’s settings and the exact command to build its site', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(CIVILIAN_HARM);
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/);

  // A link into the file says plainly who can open it, and where to go instead.
  await chronologyEntries(page).first().getByRole('link').click();
  await expect(
    page.getByText(
      /^Only this device can open this link: .* publish the file as a site with “Publish…”/,
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('region', { name: 'Publish' });
  await expect(panel.getByRole('heading', { name: 'Publish as a site' })).toBeVisible();
  await expect(
    panel.getByText('DATASET=ukraine-civilian-harm-2022.csv npm run build'),
  ).toBeVisible();

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download dateline.config.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('dateline.config.json');
  const config = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<
    string,
    unknown
  >;
  // The reading the reader sees, so the build reads the file the same way.
  expect(config).toMatchObject({
    title: 'Ukraine civilian harm 2022',
    columns: { date: 'date', latitude: 'lat', longitude: 'lon', title: 'title' },
  });
});

test('Publish… on the bundled dataset says how to publish one’s own', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('region', { name: 'Publish' });
  await expect(panel.getByText(/This is Dateline’s bundled dataset/)).toBeVisible();
  await expect(panel.getByText('npm run build', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Download/ })).toHaveCount(0);
});
