/**
 * Spreadsheets in Korean (issue #26): Korean header names, columns read from their values, the
 * column dialog's "not chosen", and readable (romanized) ids in deep links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chronologyEntries, chronologyEntry, marker } from './helpers.ts';

const KOREAN = fileURLToPath(new URL('fixtures/korean', import.meta.url));

const SEOUL = '서울 국방부, 우크라이나 북한군 사상자 확인';
const PYONGYANG = '평양 정상회담에서 상호 방위 조약 체결';
const SINPO = '신포 잠수함 기지 활동';
const DONETSK = '도네츠크 인근 미사일 공격으로 북한 장교 6명 사망 보도';

async function openFile(page: Page, name: string) {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await page
    .getByLabel('Dataset file (CSV, GeoJSON or JSON)')
    .first()
    .setInputFiles(join(KOREAN, name));
}

async function serveFile(page: Page, name: string): Promise<string> {
  const body = readFileSync(join(KOREAN, name));
  await page.route(`**/shared-datasets/${name}`, (route) =>
    route.fulfill({ body, contentType: 'text/csv; charset=utf-8' }),
  );
  return encodeURIComponent(`/shared-datasets/${name}`);
}

test('a CSV with Korean headers opens without the column dialog, its Korean titles on the map and in the list', async ({
  page,
}) => {
  await openFile(page, 'korean-headers.csv');
  await expect(page.getByRole('status')).toHaveText(/^Showing 5 of 5 events/);
  await expect(page.getByRole('dialog', { name: /^Check the columns of/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('korean-headers.csv');
  await expect(chronologyEntries(page)).toHaveCount(5);
  for (const title of [SEOUL, PYONGYANG, SINPO]) {
    await expect(chronologyEntry(page, title)).toBeVisible();
  }
  // Donetsk alone; the four on the Korean peninsula in a cluster named by their Korean categories.
  await expect(marker(page, DONETSK)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^Cluster of 4 events: .*외교/ }),
  ).toBeVisible();

  // The summary, place and category came from 내용, 장소 and 분류.
  await chronologyEntry(page, SEOUL).getByRole('link').click();
  await expect(page.getByRole('heading', { name: SEOUL })).toBeVisible();
  await expect(page.getByText('서울 용산 국방부').first()).toBeVisible();
  await expect(
    page.getByText('국방부 장관이 우크라이나에서 북한군이 죽거나 다쳤다고 밝혔다.').first(),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /news\.example/ })).toHaveAttribute(
    'href',
    'https://news.example/seoul-2024-10-08',
  );
});

test('Korean titles get romanized ids, and such a link opened cold selects its event', async ({
  page,
}) => {
  const data = await serveFile(page, 'korean-headers.csv');
  await page.goto(`./?data=${data}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 5 of 5 events/);
  await expect(page.getByRole('dialog', { name: /^Check the columns of/ })).toHaveCount(0);

  await chronologyEntry(page, SINPO).getByRole('link').click();
  await expect(page).toHaveURL(/\/events\/sinpo-jamsuham-giji-hwaldong-[a-z0-9]{7}\?data=/);
  await chronologyEntry(page, PYONGYANG).getByRole('link').click();
  await expect(page).toHaveURL(
    /\/events\/pyeongyang-jeongsanghoedameseo-sangho-bangwi-[a-z0-9-]+\?data=/,
  );
  await chronologyEntry(page, SINPO).getByRole('link').click();
  const link = page.url();

  // Cold: a new page, nothing remembered but the link.
  const cold = await page.context().newPage();
  await cold.route('**/shared-datasets/korean-headers.csv', (route) =>
    route.fulfill({
      body: readFileSync(join(KOREAN, 'korean-headers.csv')),
      contentType: 'text/csv; charset=utf-8',
    }),
  );
  await cold.goto(link);
  await expect(chronologyEntry(cold, SINPO)).toHaveAttribute('aria-current', 'true');
  await expect(cold.getByRole('heading', { name: SINPO })).toBeVisible();
  await expect(cold).toHaveTitle(new RegExp(`^${SINPO}`));
});

test('a CSV whose headers are unknown words opens without the dialog: dates and coordinates read from their values', async ({
  page,
}) => {
  await openFile(page, 'unknown-headers.csv');
  await expect(page.getByRole('status')).toHaveText(/^Showing 3 of 3 events/);
  await expect(page.getByRole('dialog', { name: /^Check the columns of/ })).toHaveCount(0);
  await expect(marker(page, SEOUL)).toBeVisible();
  await chronologyEntry(page, PYONGYANG).getByRole('link').click();
  await expect(page.getByText('June 2024').first()).toBeVisible();
});

test('the column dialog says "not chosen" for a field without a column', async ({ page }) => {
  await openFile(page, 'no-coordinates.csv');
  const dialog = page.getByRole('dialog', { name: /^Check the columns of/ });
  await expect(dialog).toBeVisible();
  // Counts of casualties are whole numbers: never taken for coordinates.
  await expect(dialog.getByLabel('Latitude')).toHaveValue('');
  const preview = dialog.getByRole('table', { name: 'The first rows as they will read' });
  await expect(preview.getByRole('row').nth(1)).toContainText('not chosen');
  await expect(preview).not.toContainText('not read: empty');
  await expect(preview.getByRole('row').nth(1)).toContainText(SEOUL);
});
