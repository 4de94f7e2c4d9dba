/**
 * Server mode's own parts, on a small file (e2e/fixtures/server/small-with-issues.csv: 60 events
 * and 25 records the importer refuses, more than the 20 the descriptor lists in full), so that the
 * server starts in a second: the header on a phone, Data issues and About this file from the
 * descriptor, and a failed question said in the reader's language. The million-event checks are
 * e2e/data-server.spec.ts's.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  chronology,
  chronologyEntries,
  chronologyEntry,
  eventsInView,
  expectHeaderFits,
  mapRegion,
  marker,
  scaleKilometres,
  waitForMapToSettle,
} from './helpers.ts';
import { startDataServer } from './server-fixture.ts';

const FILE = fileURLToPath(new URL('fixtures/server/small-with-issues.csv', import.meta.url));
const DATA_PORT = Number(process.env.E2E_SMALL_DATA_PORT ?? 8791);
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const SERVER = `http://127.0.0.1:${DATA_PORT}`;
const DATA = `data=${encodeURIComponent(`${SERVER}/dateline.json`)}`;
const PHONE = { width: 390, height: 844 };
// The bundled dataset, whose events name related events, behind a server of its own.
const BUNDLED_FILE = fileURLToPath(new URL('../data/events.geojson', import.meta.url));
const BUNDLED_PORT = Number(process.env.E2E_BUNDLED_DATA_PORT ?? 8788);
const BUNDLED = `data=${encodeURIComponent(`http://127.0.0.1:${BUNDLED_PORT}/dateline.json`)}`;
// 150 reports placed at one town's centre, as conflict datasets place them, and two elsewhere.
const SPOT_PORT = Number(process.env.E2E_SPOT_DATA_PORT ?? 8789);
const SPOT = `data=${encodeURIComponent(`http://127.0.0.1:${SPOT_PORT}/dateline.json`)}`;
const AT_ONE_TOWN = 150;
const SINPO_ACTIVITY = "North Korea's submarine-building site at Sinpo is active";
const MISSILES = 'North Korea tests cruise missiles fired from near the Sinpo submarine base';

// One server for the file: its tests run one after another in one worker.
test.describe.configure({ mode: 'serial' });

let servers: ChildProcess[] = [];

/**
 * Every fifth report a drone strike, the rest shelling, a day apart; three in Bakhmut, one in Kyiv,
 * one in Kharkiv.
 */
let oneTown: string | null = null;

function oneTownFile(): string {
  const rows = ['id,title,date,place,latitude,longitude,category'];
  for (let index = 1; index <= AT_ONE_TOWN; index += 1) {
    const drone = index % 5 === 0;
    const day = new Date(Date.UTC(2023, 0, index)).toISOString().slice(0, 10);
    rows.push(
      [
        `avdiivka-${index}`,
        `"${drone ? 'Drone strike on' : 'Shelling of'} Avdiivka, report ${index}"`,
        day,
        'Avdiivka',
        48.139_312,
        37.742_159,
        drone ? 'strike' : 'shelling',
      ].join(','),
    );
  }
  // Three reports a few metres apart: not one spot, and still one cluster at the closest zoom.
  for (let index = 1; index <= 3; index += 1) {
    const latitude = (48.595_3 + index * 0.000_02).toFixed(5);
    rows.push(
      `bakhmut-${index},"Strike on a Bakhmut water plant, report ${index}",2023-03-0${index},Bakhmut,${latitude},38.0003,strike`,
    );
  }
  rows.push('kyiv-1,Air raid alert in Kyiv,2023-02-01,Kyiv,50.4501,30.5234,statement');
  rows.push('kharkiv-1,Shelling of Kharkiv,2023-02-02,Kharkiv,49.9935,36.2304,shelling');
  const directory = join(tmpdir(), 'dateline-e2e');
  mkdirSync(directory, { recursive: true });
  oneTown = join(directory, `one-town-${process.pid}.csv`);
  writeFileSync(oneTown, `${rows.join('\n')}\n`);
  return oneTown;
}

/** The file's own label and colour for one category (metadata.categories), as a publisher sets. */
const SUBMARINE_STYLE = { label: 'Submarine base activity', colour: '#aa2200' };
let styledBundled: string | null = null;

/** The bundled dataset with its own label and colour for the military activity at Sinpo. */
function styledBundledFile(): string {
  const collection = JSON.parse(readFileSync(BUNDLED_FILE, 'utf8')) as {
    metadata: Record<string, unknown>;
  };
  collection.metadata.categories = { 'military-activity': SUBMARINE_STYLE };
  const directory = join(tmpdir(), 'dateline-e2e');
  mkdirSync(directory, { recursive: true });
  styledBundled = join(directory, `bundled-styled-${process.pid}.geojson`);
  writeFileSync(styledBundled, JSON.stringify(collection));
  return styledBundled;
}

test.beforeAll(async () => {
  const started = await Promise.allSettled([
    startDataServer(FILE, DATA_PORT, APP_ORIGIN),
    startDataServer(styledBundledFile(), BUNDLED_PORT, APP_ORIGIN),
    startDataServer(oneTownFile(), SPOT_PORT, APP_ORIGIN),
  ]);
  // Those that started are stopped after the tests even when another did not start.
  servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});

test.afterAll(() => {
  for (const child of servers) child.kill();
  for (const file of [oneTown, styledBundled]) if (file) rmSync(file, { force: true });
});

async function openInEnglish(page: Page, path = './') {
  await page.goto(`${path}?${DATA}`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 60 of 60 events/,
  );
}

async function openInKorean(page: Page, path = './ko/') {
  await page.goto(`${path}?${DATA}`);
  await expect(page.getByRole('status').filter({ hasText: /표시/ })).toHaveText(
    /^사건 60건 중 60건 표시/,
  );
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('a search opens on its events, and Zoom to results brings them back', async ({ page }) => {
    // Lima is far west of the world view a phone opens on (Europe and Africa): the map must go
    // there by itself. No flights, so each move has ended when the markers say so.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const clusterQuestions: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${SERVER}/api/clusters?`)) clusterQuestions.push(request.url());
    });
    await page.goto(`./?${DATA}&q=lima`);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      /^Showing 12 of 60 events/,
    );
    await expect.poll(() => eventsInView(page)).toBe(12);
    // Framed around the city, not the world: the scale bar is at town scale.
    expect(await scaleKilometres(page)).toBeLessThanOrEqual(50);
    // The map waited for its first view: it never asked for the world it opened on (zoom 2).
    expect(clusterQuestions.length).toBeGreaterThan(0);
    expect(clusterQuestions.filter((address) => /[?&]zoom=2(&|$)/.test(address))).toEqual([]);

    // Dragged away, the events leave the screen; the button brings all 12 back.
    const box = await mapRegion(page).locator('.leaflet-container').boundingBox();
    if (!box) throw new Error('the map has no box');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // From the middle of the map, clear of its buttons and legend, to past its right edge.
    await page.mouse.move(x - 90, y);
    await page.mouse.down();
    await page.mouse.move(x + 150, y, { steps: 10 });
    await page.mouse.move(x + 260, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => eventsInView(page)).toBe(0);
    await mapRegion(page).getByRole('button', { name: 'Zoom to results' }).click();
    await expect.poll(() => eventsInView(page)).toBe(12);
  });

  test('a link to an event shows its card under the map, and Details leads to the rest', async ({
    page,
  }) => {
    await page.goto(`./events/sinpo-submarine-site-activity?${BUNDLED}`);
    const details = page.getByRole('button', { name: 'Details' });
    const card = details.locator('..');
    await expect(card.getByText(SINPO_ACTIVITY, { exact: true })).toBeInViewport({ ratio: 1 });
    await expect(card.getByText('c. Sept 2024')).toBeInViewport({ ratio: 1 });
    await expect(card.getByText(/^Sinpo, South Hamgyong/)).toBeInViewport({ ratio: 1 });
    // Under the map, not over it.
    const mapBox = await mapRegion(page).boundingBox();
    const cardBox = await card.boundingBox();
    if (!mapBox || !cardBox) throw new Error('not laid out');
    expect(cardBox.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height - 1);
    await details.click();
    const entry = chronologyEntry(page, SINPO_ACTIVITY);
    await expect(entry).toBeInViewport();
    await expect(entry.getByRole('link', { name: SINPO_ACTIVITY })).toBeFocused();
  });

  test('a link to an event the server does not have opens on the filter’s events', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./events/event-9999?${DATA}&q=lima`);
    await expect(page.getByRole('alert')).toContainText('Event not found');
    await expect.poll(() => eventsInView(page)).toBe(12);
  });

  test('every header control is on the screen, in English and in Korean', async ({ page }) => {
    await openInEnglish(page);
    await expect(page.getByRole('link', { name: 'Back to bundled dataset' })).toBeVisible();
    await expectHeaderFits(page);
    await openInKorean(page);
    await expect(page.getByRole('link', { name: '기본 데이터셋으로 돌아가기' })).toBeVisible();
    await expectHeaderFits(page);
  });

  test('“/” opens the Filters sheet with the search focused', async ({ page }) => {
    await openInEnglish(page);
    await page.keyboard.press('/');
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet.getByRole('searchbox', { name: 'Search events' })).toBeFocused();
  });

  test('the Filters sheet searches and picks categories; the server answers for the address', async ({
    page,
  }) => {
    await openInEnglish(page);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await sheet.getByRole('searchbox', { name: 'Search events' }).fill('berlin');
    // 12 of the file's 60 events are in Berlin: the count is the server's, for the address's q.
    await expect(sheet.getByText('Showing 12 of 60 events')).toBeVisible();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('berlin');
    // Hiding strikes leaves Berlin's statements: 4.
    await sheet
      .getByRole('group', { name: 'Categories' })
      .getByRole('button', { name: /^Strike/ })
      .click();
    await expect(sheet.getByText('Showing 4 of 60 events')).toBeVisible();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      /^Showing 4 of 60 events/,
    );
    await expect(page.getByRole('button', { name: 'Filters, 2 active' })).toBeFocused();
    const address = new URL(page.url()).searchParams;
    expect(address.get('q')).toBe('berlin');
    expect(address.get('data')).toBe(`${SERVER}/dateline.json`);
    await expect(chronologyEntries(page)).toHaveCount(4);

    // The chips undo it as in file mode: the search's first, then Reset.
    const chips = page.getByRole('list', { name: 'Active filters' });
    await chips.getByRole('button', { name: 'Remove filter: “berlin”' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
      /^Showing 20 of 60 events/,
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
  });
});

test('j and k move through the server’s list, in its order and under its filter; / searches', async ({
  page,
}) => {
  await openInEnglish(page);
  const selected = chronologyEntries(page).and(page.locator('[aria-current="true"]'));
  // The file's order is by date: event 60 (5 January) comes first, then 36 and 12.
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/\/events\/event-60\?/);
  await expect(selected).toContainText('Event 60 in Kyiv');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/\/events\/event-36\?/);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/\/events\/event-12\?/);
  await page.keyboard.press('k');
  await expect(page).toHaveURL(/\/events\/event-36\?/);
  await expect(selected).toContainText('Event 36 in Seoul');
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/\/events\//);

  // "/" goes to the search; under it, k from no selection goes to the last match.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await expect(search).toBeFocused();
  await search.fill('kyiv');
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 12 of 60 events/,
  );
  await search.blur();
  await page.keyboard.press('k');
  await expect(page).toHaveURL(/\/events\/event-35\?.*q=kyiv/);
  await page.keyboard.press('k');
  await expect(page).toHaveURL(/\/events\/event-10\?.*q=kyiv/);
  await expect(selected).toContainText('Event 10 in Kyiv');
});

test('keys pressed before the server answers add up: j j goes two rows on', async ({ page }) => {
  const response = await fetch(`${SERVER}/api/window?offset=0&limit=5`);
  const { events } = (await response.json()) as { events: { id: string }[] };
  const [, second, , fourth, fifth] = events.map((event) => event.id);
  // The selection's place in the list comes late, so both presses wait for the same answer.
  await page.route(
    (url) => url.pathname === '/api/window' && url.searchParams.has('around'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.fallback();
    },
  );
  await page.goto(`./events/${second}?${DATA}`);
  await expect(chronologyEntries(page).and(page.locator('[aria-current="true"]'))).toHaveCount(1);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/events/${fourth}\\?`));
  // j k j is one row on.
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/events/${fifth}\\?`));
});

test('the list is headed by months, as over a file, with the month at the top kept in view', async ({
  page,
}) => {
  await openInEnglish(page);
  const entries = chronologyEntries(page);
  // Five events in January, then February's.
  await expect(entries.nth(0).getByRole('heading', { level: 2 })).toHaveText('January 2024');
  for (const index of [1, 2, 3, 4])
    await expect(entries.nth(index).getByRole('heading', { level: 2 })).toHaveCount(0);
  await expect(entries.nth(5).getByRole('heading', { level: 2 })).toHaveText('February 2024');
  await expect(entries.nth(5)).toContainText('Event 1 in Seoul');
  // The first row's own heading is at the top: no bar doubles it.
  const bar = page.locator('.chronology-month-bar');
  await expect(bar).toHaveCount(0);
  // Scrolled to an event inside a month: the bar says which.
  await page.goto(`./events/event-13?${DATA}`);
  await expect(entries.and(page.locator('[aria-current="true"]'))).toBeInViewport();
  await expect(bar).toHaveText('February 2024');
  // Not over the selected entry, once the list has come to rest on it.
  await expect
    .poll(async () => {
      const barBox = await bar.locator('.month-heading').boundingBox();
      const entryBox = await entries.and(page.locator('[aria-current="true"]')).boundingBox();
      return Boolean(barBox && entryBox && barBox.y + barBox.height <= entryBox.y + 1);
    })
    .toBe(true);
});

test('the legend names, orders and colours the categories as over the file, its own style kept', async ({
  page,
}) => {
  const legendButtons = page
    .getByRole('complementary', { name: 'Legend' })
    .locator('.legend-category');
  const legendEntries = () =>
    legendButtons.evaluateAll((buttons) =>
      buttons.map((button) => ({
        name: button.querySelector('[dir="auto"]')?.textContent ?? '',
        colour: getComputedStyle(button.querySelector('.category-swatch') ?? button)
          .backgroundColor,
      })),
    );
  // The bundled file in the browser, then served with its own label and colour for one category.
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(/^Showing 6/);
  // The legend comes after the first screen: its five categories drawn before they are read.
  await expect(legendButtons).toHaveCount(5);
  const overFile = await legendEntries();
  await page.goto(`./?${BUNDLED}`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(/^Showing 6/);
  // Four categories of one event each: ties in the file's order of time, not by name.
  await expect
    .poll(legendEntries)
    .toEqual(
      overFile.map((entry) =>
        entry.name === 'Military activity'
          ? { name: SUBMARINE_STYLE.label, colour: 'rgb(170, 34, 0)' }
          : entry,
      ),
    );
});

test('a served table’s legend is headed by its category column and names its categories as the file’s', async ({
  page,
}) => {
  const legend = page.getByRole('complementary', { name: 'Legend' });
  const legendTexts = () =>
    legend
      .locator('.legend-heading, .legend-category [dir="auto"]')
      .evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  // The same CSV opened from the reader's device: its column's name heads the legend.
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(/^Showing 6/);
  await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(FILE);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 60 of 60 events/,
  );
  await expect(legend.locator('.legend-heading')).toHaveText('Category');
  const overFile = await legendTexts();
  await openInEnglish(page);
  await expect(legend.locator('.legend-heading')).toHaveText('Category');
  await expect.poll(legendTexts).toEqual(overFile);
});

test('the legend counts each category’s events under the filters, as the server counts them', async ({
  page,
}) => {
  await page.goto(`./?${DATA}&q=berlin`);
  const legend = page.getByRole('complementary', { name: 'Legend' });
  // Berlin's 12 events: 8 strikes of the file's 40, 4 statements of its 20.
  await expect(legend.getByRole('button', { name: /^Strike/ })).toContainText('8 of 40');
  await expect(legend.getByRole('button', { name: /^Statement/ })).toContainText('4 of 20');
  // Dates too: Berlin in the first half of the year.
  await page.goto(`./?${DATA}&q=berlin&from=2024-01-01&to=2024-06-30`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 6 of 60 events/,
  );
  const strikes = await legend.getByRole('button', { name: /^Strike/ }).textContent();
  const statements = await legend.getByRole('button', { name: /^Statement/ }).textContent();
  const shown = [strikes, statements].map((text) => Number(/(\d+) of/.exec(text ?? '')?.[1]));
  expect((shown[0] ?? 0) + (shown[1] ?? 0)).toBe(6);

  // On a phone the Filters sheet's category switches count the same.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?${DATA}&q=berlin`);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const switches = page.getByRole('dialog').getByRole('group', { name: 'Categories' });
  await expect(switches.getByRole('button', { name: /^Strike/ })).toContainText('(8 of 40)');
  await expect(switches.getByRole('button', { name: /^Statement/ })).toContainText('(4 of 20)');
});

test('“Only events in map view” keeps the list to what the map shows, as over a file', async ({
  page,
}) => {
  // An event in Lima, and the map taken to street scale around it (a link stops at town scale
  // over the offline outlines), where only some of Lima's twelve events are. No flights: each
  // zoom has ended when the scale bar says so.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./events/event-13?${DATA}`);
  const status = page.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(status).toHaveText(/^Showing 60 of 60 events/);
  const zoomIn = mapRegion(page).getByRole('button', { name: 'Zoom in' });
  // At the link's town scale (10 km at Lima), not the world view it starts from.
  await expect.poll(() => scaleKilometres(page)).toBeLessThanOrEqual(10);
  expect(await scaleKilometres(page)).toBeGreaterThanOrEqual(5);
  await zoomIn.click();
  await expect.poll(() => scaleKilometres(page)).toBeLessThan(10);
  await zoomIn.click();
  await expect.poll(() => scaleKilometres(page)).toBeLessThanOrEqual(3);
  const toggle = page.getByRole('checkbox', { name: 'Only events in map view' });
  await toggle.check();
  await expect(status).not.toHaveText(/^Showing 60 of 60 events/);
  // The list's own rows (the selected entry's sources are list items too).
  const entries = chronology(page).locator(':scope > li');
  // The count and the list agree once the map has settled: some of Lima's events, only those.
  await expect
    .poll(async () => {
      const shown = Number(/^Showing (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
      return shown >= 1 && shown <= 12 && (await entries.count()) === shown;
    })
    .toBe(true);
  for (const text of await entries.allTextContents()) expect(text).toContain('in Lima');
  // The selected event is in view, and in the list.
  await expect(entries.and(page.locator('[aria-current="true"]'))).toContainText('Event 13');
  // Reset filters turns it off.
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(toggle).not.toBeChecked();
  await expect(status).toHaveText(/^Showing 60 of 60 events/);
});

test('Data issues lists the records the server reports, and how many more there are', async ({
  page,
}) => {
  await openInEnglish(page);
  await page.getByRole('button', { name: 'Data issues (25)' }).click();
  const panel = page.getByRole('region', { name: 'Data issues' });
  await expect(panel.getByRole('heading', { name: 'Not shown: 25 records' })).toBeVisible();
  await expect(panel).toContainText('25 of 85 records in the file could not be shown.');
  // The descriptor's 20 in full, each with its row, line, id, field and reason; the rest counted.
  const items = panel.getByRole('listitem');
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText('Row 61 · line 62 · id “broken-1” · date');
  await expect(items.first()).toContainText('the date is empty');
  await expect(items.nth(1)).toContainText('123.5 is outside −90…90');
  await expect(panel.getByText(/^…and 5 more\.$/)).toBeVisible();
});

test('About this file says what the server holds: records, events and the file’s words', async ({
  page,
}) => {
  await openInEnglish(page);
  await page.getByRole('button', { name: 'About this file' }).click();
  await expect(page.getByText('85 records in the file, 60 events shown.')).toBeVisible();
  await expect(page.getByText(/^The file stays on the data server/)).toBeVisible();
  // The columns the server read each field from, as About this file lists a file's.
  const about = page.locator('.import-details-body');
  const columns = about.locator('dl.import-mapping:not(.dataset-metadata) > div');
  await expect(columns.filter({ has: page.getByText('Date', { exact: true }) })).toContainText(
    'date',
  );
  await expect(
    columns.filter({ has: page.getByText('Source link', { exact: true }) }),
  ).toContainText('url');
  // The importer was sure of them: nothing to doubt.
  await expect(about).not.toContainText('unsure');
});

test('in Korean: Data issues, About this file and the reasons are Korean', async ({ page }) => {
  await openInKorean(page);
  await page.getByRole('button', { name: '데이터 문제 (25)' }).click();
  const panel = page.getByRole('region', { name: '데이터 문제' });
  await expect(panel.getByRole('heading', { name: '표시되지 않음: 레코드 25건' })).toBeVisible();
  await expect(panel.getByRole('listitem').first()).toContainText('날짜가 비어 있습니다');
  await expect(panel.getByText('…외 5건이 더 있습니다.')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '파일 정보' }).click();
  await expect(page.getByText('파일에 레코드 85건, 그중 사건 60건 표시.')).toBeVisible();
});

test('a data server out of reach is named, with the option that lets this page in, and Retry', async ({
  page,
}) => {
  const nowhere = 'http://127.0.0.1:8799/dateline.json';
  await page.route('http://127.0.0.1:8799/**', (route) => route.abort('connectionrefused'));
  await page.goto(`./?data=${encodeURIComponent(nowhere)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    `Could not reach the data server at ${nowhere}. Is it running? If it is, it does not let this page read it: start it with “--cors ${APP_ORIGIN}”.`,
  );
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a question that fails is said in Korean, with Retry, and Retry asks again', async ({
  page,
}) => {
  // The list's questions fail: first with no answer at all, then with the server's own error.
  let failure: 'unreachable' | 'error' | null = 'unreachable';
  await page.route(`${SERVER}/api/window?**`, (route) => {
    if (failure === 'unreachable') return route.abort('connectionrefused');
    if (failure === 'error')
      return route.fulfill({
        status: 500,
        json: { error: { status: 500, message: 'the server could not answer this request' } },
      });
    return route.fallback();
  });
  await page.goto(`./ko/?${DATA}`);
  // No answer at all is said for the page; an answer that is an error, where the list is.
  const unreachable = page.getByRole('alert');
  await expect(unreachable).toContainText(
    '데이터 서버에 연결할 수 없습니다. 서버가 멈췄거나 네트워크가 끊겼을 수 있습니다.',
  );
  // Nothing of the page's own words is left in English.
  await expect(unreachable).not.toContainText(/the data server|could not|reached/i);
  await expect(page.getByRole('status').filter({ hasText: '사건' }).first()).toHaveText(
    '사건 수를 세지 못했습니다',
  );

  failure = 'error';
  await unreachable.getByRole('button', { name: '다시 시도' }).click();
  const events = page.getByRole('region', { name: '사건' });
  const alert = events.getByRole('alert');
  await expect(alert).toContainText(
    '페이지의 이 부분을 불러오지 못했습니다: 데이터 서버가 상태 코드 500(으)로 응답했습니다',
  );
  // The server's own message is its words, shown as it sent them.
  await expect(alert).toContainText(
    '서버가 보낸 메시지: “the server could not answer this request”',
  );

  failure = null;
  await alert.getByRole('button', { name: '다시 시도' }).click();
  await expect(alert).toHaveCount(0);
  await expect(chronologyEntries(page).first()).toBeVisible();
});

test('an event’s related events are named by their titles, and open as links', async ({ page }) => {
  await page.goto(`./events/sinpo-submarine-site-activity?${BUNDLED}`);
  const details = chronology(page).getByRole('region', { name: SINPO_ACTIVITY });
  await expect(details.getByRole('link', { name: MISSILES })).toBeVisible();
  await expect(
    details.getByRole('link', { name: 'Kim Jong-un mentions a new nuclear-powered submarine' }),
  ).toBeVisible();
  await expect(details.getByText('(not in this dataset)')).toHaveCount(0);
  await details.getByRole('link', { name: MISSILES }).click();
  await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests\?/);
  await expect(chronology(page).getByRole('region', { name: MISSILES })).toBeVisible();
});

test('a server that was down: said once, no stale count, and one Retry asks again for everything that failed', async ({
  page,
}) => {
  await page.goto(`./?${BUNDLED}`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 6 of 6 events/,
  );
  // The server goes away, and the reader searches.
  let down = true;
  await page.route(`http://127.0.0.1:${BUNDLED_PORT}/api/**`, (route) =>
    down ? route.abort('connectionrefused') : route.fallback(),
  );
  await page.getByRole('searchbox').fill('sinpo');
  // The list, the map and the timeline all failed for one reason: said once, for the page.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'The data server could not be reached: it may have stopped, or the network is down.',
  );
  await expect(page.getByRole('button', { name: 'Zoom to results' })).toHaveCount(0);
  await waitForMapToSettle(page);
  await expect(alert).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Events' }).getByRole('alert')).toHaveCount(0);
  // The last search's count is not said to be this one's, nor the dataset said not to be loaded.
  await expect(page.getByRole('status').filter({ hasText: /events/i })).toHaveText(
    'Events not counted',
  );
  // Nor is the legend's count of the whole file said to be the search's.
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await expect(legend.getByRole('button', { name: /^Statement/ })).toContainText('(… of 2)');

  down = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 3 of 6 events/,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The legend's counts and the results' frame were asked again too, though neither has a Retry.
  await expect(legend.getByRole('button', { name: /^Statement/ })).toContainText('1 of 2');
  await expect(legend.getByRole('button', { name: /^Strike/ })).toContainText('0 of 1');
  await expect(page.getByRole('button', { name: 'Zoom to results' })).toBeVisible();
});

test('legend counts the server fails to give are said on the page, with Retry, not guessed', async ({
  page,
}) => {
  let failing = true;
  await page.route(`http://127.0.0.1:${BUNDLED_PORT}/api/categories?**`, (route) =>
    failing
      ? route.fulfill({
          status: 500,
          json: { error: { status: 500, message: 'the counts could not be made' } },
        })
      : route.fallback(),
  );
  await page.goto(`./?${BUNDLED}&q=sinpo`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 3 of 6 events/,
  );
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await expect(legend.getByRole('button', { name: /^Statement/ })).toContainText('(… of 2)');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'The legend’s counts could not be loaded: the data server answered with status 500',
  );
  await expect(alert).toContainText('the counts could not be made');
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(legend.getByRole('button', { name: /^Statement/ })).toContainText('(1 of 2)');
  await expect(alert).toHaveCount(0);
});

/** Clicks clusters, as a reader would, until one that lists its events (named by `name`) shows. */
async function zoomToListedCluster(page: Page, name: RegExp) {
  const listed = mapRegion(page).getByRole('button', { name });
  const markers = mapRegion(page).locator('.leaflet-marker-icon');
  for (let step = 0; step < 10; step += 1) {
    // The server's clusters for the view have come: a map still and empty is not yet settled.
    await expect(markers.first()).toBeVisible();
    await waitForMapToSettle(page);
    if (await listed.isVisible()) break;
    // Should an answer still redraw the clusters (and take this one away), the next turn looks again.
    await mapRegion(page)
      .getByRole('button', { name: /^Cluster of [\d,]+ events: / })
      .first()
      .click({ timeout: 10_000 })
      .catch((error: unknown) => {
        if (!(error instanceof errors.TimeoutError)) throw error;
      });
  }
  await expect(listed).toBeVisible();
  return listed;
}

test('events at one spot on the server’s map are listed, a window at a time, under the filter', async ({
  page,
}) => {
  await page.goto(`./?${SPOT}`);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
    /^Showing 155 of 155 events/,
  );
  const town = await zoomToListedCluster(
    page,
    /^150 events at the same place \(120 shelling, 30 strike\): list them$/,
  );
  await expect(town).toHaveAttribute('aria-haspopup', 'dialog');
  await town.click();
  const list = page.getByRole('group', { name: '150 events at the same place' });
  // In a popup on the map: a desktop's map is tall enough for one (a phone's gets a sheet).
  await expect(page.locator('.same-place-popup').getByRole('group')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(list.getByText('Avdiivka', { exact: true })).toBeVisible();
  // The server's first window, in the chronology's order, then the rest on asking.
  await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(100);
  await expect(list.getByRole('button').first()).toBeFocused();
  await expect(list.getByRole('button').first()).toContainText('Shelling of Avdiivka, report 1');
  // The list's live region stays once the answer is in, empty, for the next one to be heard.
  await expect(list.getByRole('status')).toHaveText('');
  await list.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(150);
  await expect(list.getByRole('button', { name: /^Show/ })).toHaveCount(0);
  // The focus goes on to the first of those added, not out of the popup with the button.
  await expect(list.getByRole('button').nth(100)).toBeFocused();
  await expect(list.getByRole('button').nth(100)).toContainText('Shelling of Avdiivka, report 101');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(town).toBeFocused();

  // A search: the spot holds its 30 drone strikes, and its list keeps to them. The closed list
  // asks nothing meanwhile.
  const spotAsks: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/api/window') && url.searchParams.has('bbox'))
      spotAsks.push(url.search);
  });
  await page.getByRole('searchbox').fill('drone');
  const strikes = mapRegion(page).getByRole('button', {
    name: /^30 events at the same place \(30 strike\): list them$/,
  });
  await expect(strikes).toBeVisible();
  await waitForMapToSettle(page);
  expect(spotAsks).toEqual([]);
  await strikes.click();
  const found = page.getByRole('group', { name: '30 events at the same place' });
  await expect(found.getByRole('button', { name: /Drone strike on Avdiivka/ })).toHaveCount(30);
  await expect(found.getByRole('button', { name: /Shelling|^Show/ })).toHaveCount(0);
  await found.getByRole('button', { name: /Drone strike on Avdiivka, report 25$/ }).click();
  await expect(page).toHaveURL(/\/events\/avdiivka-25\?/);
  await expect(found).toHaveCount(0);
  await expect(marker(page, 'Drone strike on Avdiivka, report 25')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(
    chronology(page).getByRole('region', { name: 'Drone strike on Avdiivka, report 25' }),
  ).toBeVisible();
});

test('a window of the spot’s list that fails says so in the popup, and Retry asks for it again', async ({
  page,
}) => {
  // The second window fails twice: the page's own one retry, then the reader's turn.
  let failures = 2;
  await page.route(`http://127.0.0.1:${SPOT_PORT}/api/window?**`, (route) => {
    const url = new URL(route.request().url());
    if (failures > 0 && url.searchParams.has('bbox') && url.searchParams.get('offset') === '100') {
      failures -= 1;
      return route.abort('connectionrefused');
    }
    return route.fallback();
  });
  await page.goto(`./?${SPOT}`);
  const town = await zoomToListedCluster(page, /^150 events at the same place/);
  await town.click();
  const list = page.getByRole('group', { name: '150 events at the same place' });
  await list.getByRole('button', { name: 'Show 50 more' }).click();
  const alert = list.getByRole('alert');
  await expect(alert).toContainText('The data server could not be reached');
  // The events already listed stay, and the next window is asked again, not the first.
  await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(100);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(150);
  await expect(alert).toHaveCount(0);
});

test('a server that stops sending before its count is said to, under the events it sent', async ({
  page,
}) => {
  await page.route(`http://127.0.0.1:${SPOT_PORT}/api/window?**`, async (route) => {
    const url = new URL(route.request().url());
    if (!url.searchParams.has('bbox') || url.searchParams.get('offset') !== '100') {
      return route.fallback();
    }
    const response = await route.fetch();
    const answer = (await response.json()) as { events: unknown[] };
    return route.fulfill({ response, json: { ...answer, events: [] } });
  });
  await page.goto(`./?${SPOT}`);
  const town = await zoomToListedCluster(page, /^150 events at the same place/);
  await town.click();
  const list = page.getByRole('group', { name: '150 events at the same place' });
  await list.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(list.getByRole('status')).toHaveText(
    'The data server sent 100 of the 150 events it counts here.',
  );
  await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(100);
  await expect(list.getByRole('button', { name: /^Show|^Asking/ })).toHaveCount(0);
});

test('events a few metres apart, one cluster at the closest zoom, are listed there', async ({
  page,
}) => {
  await page.goto(`./?${SPOT}`);
  const near = await zoomToListedCluster(page, /^3 events close together \(3 strike\): list them$/);
  await near.click();
  const list = page.getByRole('group', { name: '3 events close together' });
  await expect(list.getByRole('button')).toHaveText([
    /Strike on a Bakhmut water plant, report 1$/,
    /Strike on a Bakhmut water plant, report 2$/,
    /Strike on a Bakhmut water plant, report 3$/,
  ]);
  await expect(list.getByRole('button').first()).toBeFocused();
  await list.getByRole('button', { name: /report 2$/ }).click();
  await expect(page).toHaveURL(/\/events\/bakhmut-2\?/);
  await expect(marker(page, 'Strike on a Bakhmut water plant, report 2')).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('both Sinpo events, at one spot on the server’s map, are listed and reached', async ({
  page,
}) => {
  await page.goto(`./?${BUNDLED}`);
  const sinpo = await zoomToListedCluster(page, /^2 events at the same place \(.+\): list them$/);
  await sinpo.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('group', { name: '2 events at the same place' });
  await expect(list.getByRole('button')).toHaveCount(2);
  await expect(list.getByRole('button').first()).toBeFocused();
  await list.getByRole('button', { name: new RegExp(MISSILES) }).click();
  await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests\?/);
  await expect(marker(page, MISSILES)).toHaveAttribute('aria-current', 'true');
  await expect(chronology(page).getByRole('region', { name: MISSILES })).toBeVisible();
});

test.describe('on a phone, events at one spot', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('their list opens in a sheet that shows many at once, pages on, and closes to the cluster', async ({
    page,
  }) => {
    await page.goto(`./?${SPOT}`);
    const town = await zoomToListedCluster(page, /^150 events at the same place/);
    await town.tap();
    // The map is a 227-px strip: a popup in it showed one event at a time.
    const sheet = page.getByRole('dialog', { name: '150 events at the same place' });
    const list = sheet.getByRole('group', { name: '150 events at the same place' });
    await expect(
      list.getByRole('button', { name: /Shelling of Avdiivka, report 1$/ }),
    ).toBeFocused();
    await expect(
      sheet.getByRole('heading', { name: '150 events at the same place' }),
    ).toBeInViewport({
      ratio: 1,
    });
    const wholeRows = await sheet.locator('.same-place-button').evaluateAll(
      (buttons) =>
        buttons.filter((button) => {
          const box = button.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(wholeRows).toBeGreaterThanOrEqual(8);
    const more = list.getByRole('button', { name: 'Show 50 more' });
    await more.scrollIntoViewIfNeeded();
    await more.tap();
    await expect(list.getByRole('button', { name: /Avdiivka, report/ })).toHaveCount(150);
    await expect(list.getByRole('button').nth(100)).toBeFocused();
    // Escape closes it, the focus back on the cluster; the map's buttons never went away.
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(town).toBeFocused();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();

    // Choosing an event closes the sheet and selects it.
    await town.tap();
    await sheet.getByRole('button', { name: /Drone strike on Avdiivka, report 10$/ }).tap();
    await expect(sheet).toHaveCount(0);
    await expect(page).toHaveURL(/\/events\/avdiivka-10\?/);
    const chosen = marker(page, 'Drone strike on Avdiivka, report 10');
    await expect(chosen).toHaveAttribute('aria-current', 'true');
    await expect(chosen).toBeFocused();

    // The page's keys are not the sheet's: j and Escape on its Close leave the selection be.
    await town.tap();
    await sheet.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('j');
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(page).toHaveURL(/\/events\/avdiivka-10\?/);
    await expect(chosen).toHaveAttribute('aria-current', 'true');
  });

  test('a tap on the backdrop or Close closes the sheet', async ({ page }) => {
    await page.goto(`./?${SPOT}`);
    const town = await zoomToListedCluster(page, /^150 events at the same place/);
    await town.tap();
    const sheet = page.getByRole('dialog', { name: '150 events at the same place' });
    await sheet.getByRole('button', { name: 'Close' }).tap();
    await expect(sheet).toHaveCount(0);
    await expect(town).toBeFocused();
    await town.tap();
    await expect(sheet).toBeVisible();
    // Above the sheet, on the dimmed page.
    await page.touchscreen.tap(195, 20);
    await expect(sheet).toHaveCount(0);
    await expect(town).toBeFocused();

    // Open when the map grows tall enough for a popup (a phone turned, a window widened): it goes,
    // and does not come back, unasked, when the map is short again.
    await town.tap();
    await expect(sheet).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(sheet).toHaveCount(0);
    await page.setViewportSize(PHONE);
    await expect(mapRegion(page)).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
