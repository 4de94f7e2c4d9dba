import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeSyntheticParquet } from '../scripts/synthetic-parquet.ts';
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

/** Synthetic events as Parquet, made with DuckDB at test time (scripts/synthetic-parquet.ts). */
const directory = join(tmpdir(), 'dateline-e2e');
const made: string[] = [];
async function syntheticParquet(count: number): Promise<Buffer> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `synthetic-${count}-${process.pid}.parquet`);
  made.push(path);
  await writeSyntheticParquet(count, path);
  return readFileSync(path);
}

test.afterAll(() => {
  for (const path of made) rmSync(path, { force: true });
});

/**
 * A host on another port that answers one byte range (status 206) and sends the whole file
 * slowly: its first 8 KB, then the rest only once the range asked for has been answered and a
 * second has passed, so that the page reads the footer before the download ends (a local route
 * would hand over the whole file at once). `rangeOf` gives the bytes of a range.
 */
async function slowHost(
  body: Buffer,
  rangeOf = (first: number, last: number) => body.subarray(first, last + 1),
) {
  const ranges: string[] = [];
  let rangeAnswered!: () => void;
  const answered = new Promise<void>((resolve) => (rangeAnswered = resolve));
  const headers = {
    'Content-Type': 'application/vnd.apache.parquet',
    'Access-Control-Allow-Origin': '*',
  };
  const server = createServer((request, response) => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (range) {
      ranges.push(range[0]);
      const first = Number(range[1]);
      const last = Number(range[2]);
      const part = rangeOf(first, last);
      response.writeHead(206, {
        ...headers,
        'Content-Length': part.length,
        'Content-Range': `bytes ${first}-${last}/${body.length}`,
      });
      response.end(part, () => rangeAnswered());
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': body.length });
    response.write(body.subarray(0, 8192));
    // Never held for ever: a page that asks for no range still gets the file.
    const pause = new Promise((resolve) => setTimeout(resolve, 10_000));
    void Promise.race([
      answered.then(() => new Promise((resolve) => setTimeout(resolve, 1000))),
      pause,
    ]).then(() => response.end(body.subarray(8192)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  hosts.push(server);
  return { url: `http://127.0.0.1:${port}/events.parquet`, ranges };
}

const hosts: Server[] = [];
test.afterAll(() => {
  for (const server of hosts) server.close();
});

test('a linked Parquet file is read while it downloads: its footer is asked for ahead, by range', async ({
  page,
}) => {
  const body = await syntheticParquet(4000);
  expect(body.length).toBeGreaterThan(64 * 1024);
  const { url, ranges } = await slowHost(body);
  await page.goto(`./?data=${encodeURIComponent(url)}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 4,000 of 4,000 events/, {
    timeout: 30_000,
  });
  expect(ranges).toEqual([`bytes=${body.length - 64 * 1024}-${body.length - 1}`]);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('3999');
  await expect(chronologyEntries(page)).toHaveCount(1);
  await expect(chronologyEntries(page).first()).toHaveAttribute('data-event-id', 'event-3999');
});

test('a Parquet file that changed between its footer and its download is read again, whole', async ({
  page,
}) => {
  const [body, other] = await Promise.all([syntheticParquet(3000), syntheticParquet(5000)]);
  // The footer asked for ahead is another version's (a readable footer, of other row groups), as
  // when the file is replaced while the reader opens it.
  const { url, ranges } = await slowHost(body, (first, last) =>
    other.subarray(other.length - (last - first + 1)),
  );
  await page.goto(`./?data=${encodeURIComponent(url)}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 3,000 of 3,000 events/, {
    timeout: 30_000,
  });
  expect(ranges).toHaveLength(1);
  await expect(page.getByText(/not a readable Parquet file/)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('2999');
  await expect(chronologyEntries(page)).toHaveCount(1);
  await expect(chronologyEntries(page).first()).toHaveAttribute('data-event-id', 'event-2999');
});
