/**
 * The explorer over a data server (docs/server.md, issue #27): the server is started here on a
 * fixture of a million synthetic events made at test time (e2e/server-fixture.ts), so only this
 * spec pays for its load. Every view is asked of the server; the page never holds the events.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  chronology,
  chronologyEntries,
  chronologyEntry,
  circlesCut,
  circlesUnderLegend,
  drawnCircles,
  mapRegion,
  marker,
  overlaps,
} from './helpers.ts';
import { MARKED_EVENTS, serverFixture, startDataServer } from './server-fixture.ts';

const EVENTS = Number(process.env.E2E_SERVER_EVENTS ?? 1_000_000);
const DATA_PORT = Number(process.env.E2E_DATA_PORT ?? 8790);
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const SERVER = `http://127.0.0.1:${DATA_PORT}`;
const DATA = `data=${encodeURIComponent(`${SERVER}/dateline.json`)}`;
const [TEMPELHOF, LAKEHURST] = MARKED_EVENTS;
const SHOWING_ALL = new RegExp(
  `^Showing ${EVENTS.toLocaleString('en-US')} of ${EVENTS.toLocaleString('en-US')} events`,
);

// One server for the file: its tests run one after another in one worker.
test.describe.configure({ mode: 'serial' });

let server: ChildProcess | null = null;

test.beforeAll(async () => {
  // Writing a million events takes seconds; reading them into the server up to a minute or two
  // on a busy two-core machine.
  test.setTimeout(600_000);
  const file = await serverFixture(EVENTS);
  server = await startDataServer(file, DATA_PORT, APP_ORIGIN);
});

test.afterAll(() => {
  server?.kill();
});

async function serverAnswer(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${SERVER}${path}`);
  return (await response.json()) as Record<string, unknown>;
}

function status(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Showing|^Loading/ });
}

function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}

test('a link to one event opens cold: its card, its title, its place in the list', async ({
  page,
}) => {
  await page.goto(`./events/${TEMPELHOF.id}?${DATA}`);
  await expect(page).toHaveTitle(`${TEMPELHOF.title} — Dateline`);
  await expect(status(page)).toHaveText(SHOWING_ALL);
  const entry = chronologyEntry(page, TEMPELHOF.title);
  await expect(entry).toHaveAttribute('aria-current', 'true');
  // Its details open in the list, sources and all.
  await expect(entry.getByText(TEMPELHOF.summary)).toBeVisible();
  await expect(entry.getByRole('link', { name: /example\.org|Source/i }).first()).toBeVisible();
  // Where the server puts it in the chronology is where the list shows it.
  const around = await serverAnswer(`/api/window?around=${TEMPELHOF.id}&limit=1`);
  await expect(entry).toHaveAttribute('data-position', String(around.position));
  expect(around.position).toBeGreaterThan(1000);
  await expect(marker(page, TEMPELHOF.title)).toHaveAttribute('aria-current', 'true');

  // j goes on to the next row of the server's list; k from no selection to its very last row,
  // a window the page had not asked for.
  const current = chronologyEntries(page).and(page.locator('[aria-current="true"]'));
  await page.keyboard.press('j');
  await expect(current).toHaveAttribute('data-position', String(Number(around.position) + 1));
  await expect(page).not.toHaveURL(new RegExp(`/events/${TEMPELHOF.id}\\?`));
  await page.keyboard.press('Escape');
  await expect(current).toHaveCount(0);
  await page.keyboard.press('k');
  await expect(current).toHaveAttribute('data-position', String(EVENTS - 1));
  await expect(current).toBeInViewport();
  // Rows far past the list's first slice are measured as they are drawn: the row after an open
  // entry starts below its details, not under them.
  await page.keyboard.press('k');
  await expect(current).toHaveAttribute('data-position', String(EVENTS - 2));
  const next = chronologyEntries(page).and(page.locator(`[data-position="${EVENTS - 1}"]`));
  await expect
    .poll(async () => {
      const [open, after] = [await current.boundingBox(), await next.boundingBox()];
      return open && after ? after.y - (open.y + open.height) : null;
    })
    .toBeGreaterThanOrEqual(-1);
});

test('no two circles overlap, at the first view and zoomed in', async ({ page }) => {
  // The server counts by cells of the screen, and circles grow with their counts: those that
  // would touch are merged in the page, as a file's are.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const asked: string[] = [];
  const answered = new Set<string>();
  const isClusters = (url: string) => url.startsWith(`${SERVER}/api/clusters?`);
  page.on('request', (request) => {
    if (isClusters(request.url())) asked.push(request.url());
  });
  page.on('response', (response) => {
    if (isClusters(response.url())) answered.add(response.url());
  });
  await page.goto(`./?${DATA}`);
  await expect(status(page)).toHaveText(SHOWING_ALL);
  for (const zoomIns of [0, 2]) {
    const before = asked.length;
    for (let step = 0; step < zoomIns; step += 1)
      await mapRegion(page).getByRole('button', { name: 'Zoom in' }).click();
    // The server's own clusters for the view now shown, not an older answer drawn at its zoom.
    await expect.poll(() => asked.length > before || zoomIns === 0).toBe(true);
    await expect.poll(() => asked.length > 0 && answered.has(asked.at(-1) ?? '')).toBe(true);
    await expect(mapRegion(page).getByRole('status')).toHaveCount(0);
    const circles = await drawnCircles(page);
    expect(circles.length).toBeGreaterThan(1);
    expect(overlaps(circles, 'visible')).toEqual([]);
    expect(overlaps(circles, 'target')).toEqual([]);
  }
});

test('a click on a cluster zooms to the box of its events, clear of the legend', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Each answer in the order of the responses, its body filled in when read.
  const answers: { url: string; body: unknown }[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(`${SERVER}/api/clusters?`)) return;
    const answer: { url: string; body: unknown } = { url: response.url(), body: null };
    answers.push(answer);
    answer.body = await response.json().catch(() => null);
  });
  await page.goto(`./?${DATA}`);
  await expect(status(page)).toHaveText(SHOWING_ALL);
  await expect(mapRegion(page).getByRole('status')).toHaveCount(0);
  const before = await drawnCircles(page);
  await expect.poll(() => answers.at(-1)?.body).not.toBeNull();
  const answered = answers.at(-1)?.body as {
    clusters: { count: number; box?: [number, number, number, number] }[];
  };
  // The largest cluster the server sent as it is drawn (not merged with a neighbour), and the
  // only one of its count.
  const countOf = (name: string) => Number(/[\d,]+/.exec(name)?.[0].replace(/,/g, ''));
  const sent = (count: number) => answered.clusters.filter((cluster) => cluster.count === count);
  const drawn = before
    .filter((circle) => /^Cluster of/.test(circle.name))
    .sort((a, b) => countOf(b.name) - countOf(a.name))
    .find((circle) => sent(countOf(circle.name)).length === 1);
  if (!drawn) throw new Error('no cluster drawn as the server sent it');
  const box = sent(countOf(drawn.name))[0]?.box;
  expect(box).toHaveLength(4);
  const asked = answers.length;
  await mapRegion(page).getByRole('button', { name: drawn.name }).click();
  await expect(mapRegion(page).getByRole('button', { name: drawn.name })).toHaveCount(0);
  await expect.poll(() => answers.length).toBeGreaterThan(asked);
  await expect(mapRegion(page).getByRole('status')).toHaveCount(0);
  // The view now shown holds the whole box of the cluster's events. The page asks for the view
  // with a quarter of it more on each side (so the view is the middle two thirds of what it
  // asks), rounded outwards to 1/32 of a tile.
  const asking = new URL(answers.at(-1)?.url ?? '').searchParams;
  const [west = NaN, south = NaN, east = NaN, north = NaN] = (asking.get('bbox') ?? '')
    .split(',')
    .map(Number);
  const rounding = 360 / 2 ** Number(asking.get('zoom')) / 32;
  const [width, height] = [east - west, north - south];
  const shown = {
    west: west + width / 6 - rounding,
    east: east - width / 6 + rounding,
    south: south + height / 6 - height * 0.02,
    north: north - height / 6 + height * 0.02,
  };
  const [boxWest = NaN, boxSouth = NaN, boxEast = NaN, boxNorth = NaN] = box ?? [];
  expect(boxWest).toBeGreaterThanOrEqual(shown.west);
  expect(boxEast).toBeLessThanOrEqual(shown.east);
  // Events past Web Mercator's latitudes are drawn at its edge.
  expect(Math.max(boxSouth, -85.05)).toBeGreaterThanOrEqual(Math.max(shown.south, -85.06));
  expect(Math.min(boxNorth, 85.05)).toBeLessThanOrEqual(Math.min(shown.north, 85.06));
  const after = await drawnCircles(page);
  expect(after.length).toBeGreaterThan(1);
  expect(await circlesUnderLegend(page, after)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the first view of events all over the world cuts no cluster at the map’s edge', async ({
    page,
  }) => {
    // A phone's map is narrower than the world at zoom 1: the first view zooms out further,
    // rather than cutting clusters at the map's edges.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./?${DATA}`);
    await expect(status(page)).toHaveText(SHOWING_ALL);
    await expect(mapRegion(page).getByRole('status')).toHaveCount(0);
    const circles = await drawnCircles(page);
    expect(circles.length).toBeGreaterThan(1);
    expect(await circlesCut(page, circles)).toEqual([]);
    expect(overlaps(circles, 'visible')).toEqual([]);
  });
});

test('a brush on the timeline filters every view', async ({ page }) => {
  await page.goto(`./?${DATA}`);
  await expect(status(page)).toHaveText(SHOWING_ALL);
  const start = await timeline(page)
    .getByRole('slider', { name: 'Start of date range' })
    .boundingBox();
  const end = await timeline(page).getByRole('slider', { name: 'End of date range' }).boundingBox();
  if (!start || !end) throw new Error('no timeline');
  const left = start.x + start.width / 2;
  const width = end.x + end.width / 2 - left;
  const y = start.y + start.height / 2;
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${SERVER}/api/`)) asked.push(request.url());
  });
  await page.mouse.move(left + width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(left + width * 0.6, y, { steps: 5 });
  await page.mouse.move(left + width * 0.7, y, { steps: 5 });
  await page.mouse.up();

  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const url = new URL(page.url());
  const range = `from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}`;
  const { total } = await serverAnswer(`/api/window?${range}&limit=1`);
  expect(total).toBeLessThan(EVENTS);
  expect(total).toBeGreaterThan(0);
  await expect(status(page)).toHaveText(
    new RegExp(
      `^Showing ${Number(total).toLocaleString('en-US')} of ${EVENTS.toLocaleString('en-US')} events`,
    ),
  );
  // The list and the map asked for the brushed range, not for every event.
  await expect
    .poll(() =>
      asked.some((address) => address.includes('/api/clusters?') && address.includes(range)),
    )
    .toBe(true);
  expect(asked.some((address) => address.includes('/api/window?') && address.includes(range))).toBe(
    true,
  );
  await expect(chronology(page).getByRole('link').first()).toBeVisible();
});

test('search finds the events with its words, and the map shows them', async ({ page }) => {
  await page.goto(`./?${DATA}`);
  await expect(status(page)).toHaveText(SHOWING_ALL);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('zeppelin');
  await expect(status(page)).toHaveText(
    new RegExp(`^Showing 2 of ${EVENTS.toLocaleString('en-US')} events`),
  );
  await expect(chronologyEntry(page, TEMPELHOF.title)).toBeVisible();
  await expect(chronologyEntry(page, LAKEHURST.title)).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=zeppelin/);
  // Zoomed out over the world, each is a marker of its own, named by its title.
  await expect(marker(page, TEMPELHOF.title)).toBeVisible();
  await marker(page, LAKEHURST.title).click();
  await expect(page).toHaveURL(new RegExp(`/events/${LAKEHURST.id}\\?`));
  await expect(page).toHaveTitle(`${LAKEHURST.title} — Dateline`);
});

test('Export streams the filtered events from the server, with their sources', async ({
  page,
}, testInfo) => {
  const filter = 'from=2013-05-01&to=2013-05-31';
  await page.goto(`./?${DATA}&${filter}`);
  const { total } = await serverAnswer(`/api/window?${filter}&limit=1`);
  await expect(status(page)).toHaveText(
    new RegExp(`^Showing ${Number(total).toLocaleString('en-US')} of`),
  );
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/_2013-05-01_2013-05-31\.csv$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  // A header, then one line per event the filter keeps, each with its source's address.
  expect(lines.length - 1).toBe(total);
  const tempelhof = lines.find((line) => line.includes(TEMPELHOF.title));
  expect(tempelhof).toContain(TEMPELHOF.url);
  // Each event's dates reach May 2013: a day of it, the month, the year 2013, or an interval.
  for (const line of lines.slice(1)) expect(line).toMatch(/,2013/);
});

test('the reader view for iframes works over the server', async ({ page }) => {
  await page.goto(`./events/${TEMPELHOF.id}?${DATA}&embed=1`);
  await expect(
    page.getByRole('heading', { name: TEMPELHOF.title, level: 2 }).first(),
  ).toBeVisible();
  await expect(page.locator('.embed-card')).toContainText(TEMPELHOF.place);
  await expect(mapRegion(page)).toBeVisible();
  await expect(status(page)).toHaveText(SHOWING_ALL);
  // Reading only: no header, no Open dataset.
  await expect(page.getByRole('button', { name: 'Open dataset…' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open in Dateline/ })).toHaveAttribute(
    'href',
    new RegExp(`/events/${TEMPELHOF.id}\\?data=`),
  );
});
