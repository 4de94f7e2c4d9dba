/**
 * A phone shows the events first (issue #24, part 3): the filters behind one button with chips
 * for those in force, the map and the chronology on the first screen, a deep link readable with
 * no tap; and the header and the app bar hold together with an opened file on a wide screen.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import {
  chronologyEntries,
  eventsInView,
  expectHeaderFits,
  holdDataset,
  mapRegion,
} from './helpers.ts';

const REAL = fileURLToPath(new URL('fixtures/real', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DONETSK = 'Six North Korean officers reported killed in a missile strike near Donetsk';

async function openBundled(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByRole('status')).toHaveText(/^Showing \d+ of 6 events/);
}

/** Opens a real CSV through the header's picker, as a reader does. */
async function openCivilianHarm(page: Page) {
  await page
    .getByLabel('Dataset file (CSV, GeoJSON or JSON)')
    .first()
    .setInputFiles(join(REAL, 'ukraine-civilian-harm-2022.csv'));
  await expect(page.getByText(/opened on this device/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/);
  await expect(page.getByRole('button', { name: 'About this file' })).toBeVisible();
}

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box.y;
}

async function expectEventsOnFirstScreen(page: Page) {
  const limit = PHONE.height * 0.6;
  await expect(chronologyEntries(page).first()).toBeVisible();
  expect(await top(mapRegion(page))).toBeLessThan(limit);
  expect(await top(chronologyEntries(page).first())).toBeLessThan(limit);
  // Nothing runs off the side.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** True when an element's text is shown whole: not cut off by an ellipsis or a clamp. */
function isWhole(locator: Locator) {
  return locator.evaluate(
    (element) =>
      element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight,
  );
}

/** Two frames: Leaflet has measured a new window size, and any view it keeps has been shown. */
function settled(page: Page) {
  return page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

test('the first view follows the map’s size (an iframe, a turned phone) until the reader moves it', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBundled(page);
  await expect.poll(() => eventsInView(page)).toBe(6);
  // Narrower, in the same layout: the map is half as wide, and still shows Donetsk and Korea.
  await page.setViewportSize({ width: 900, height: 800 });
  await expect.poll(() => eventsInView(page)).toBe(6);
  const scale = mapRegion(page).locator('.leaflet-control-scale-line');
  const fittedAt900 = (await scale.textContent()) ?? '';
  // A phone's width, in the phone's layout.
  await page.setViewportSize(PHONE);
  await expect.poll(() => eventsInView(page)).toBe(6);

  // Once the reader has zoomed, their view is kept at any size.
  const before = await scale.textContent();
  await mapRegion(page).getByRole('button', { name: 'Zoom in' }).click();
  await expect(scale).not.toHaveText(before ?? '');
  const once = (await scale.textContent()) ?? '';
  await mapRegion(page).getByRole('button', { name: 'Zoom in' }).click();
  await expect(scale).not.toHaveText(once);
  const zoomed = (await scale.textContent()) ?? '';
  // (A view fitted again at 900 px would say this.)
  expect(zoomed).not.toBe(fittedAt900);
  await page.setViewportSize({ width: 900, height: 800 });
  await settled(page);
  await settled(page);
  await expect(scale).toHaveText(zoomed);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('the map and the first chronology entry start in the top 60 % of the screen', async ({
    page,
  }) => {
    await openBundled(page);
    await expectEventsOnFirstScreen(page);
  });

  test('they still do with a file of the reader’s own open', async ({ page }) => {
    await openBundled(page);
    await openCivilianHarm(page);
    await expectEventsOnFirstScreen(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute(
      'title',
      'ukraine-civilian-harm-2022.csv',
    );
    // Open, Share and Back to the bundled dataset share the header's line, each whole on screen.
    const header = page.getByRole('banner');
    const controls = [
      header.getByRole('button', { name: 'Open dataset…', exact: true }),
      header.getByRole('button', { name: 'Share' }),
      header.getByRole('link', { name: 'Back to bundled dataset', exact: true }),
    ];
    const width = page.viewportSize()?.width ?? 0;
    const tops = new Set<number>();
    for (const control of controls) {
      const {
        x,
        y,
        width: controlWidth,
      } = (await control.boundingBox()) ?? {
        x: -1,
        y: -1,
        width: 0,
      };
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + controlWidth).toBeLessThanOrEqual(width);
      tops.add(Math.round(y));
    }
    expect(tops.size).toBe(1);
  });

  // A dataset named by ?data= (here the site's own file, served as any address would be) adds
  // "Bundled dataset" to the header's Open, Share and language: still one screen wide.
  const SHARED = `?data=${encodeURIComponent('/data/events.geojson')}`;
  for (const { language, path, back } of [
    { language: 'English', path: './', back: 'Back to bundled dataset' },
    { language: 'Korean', path: './ko/', back: '기본 데이터셋으로 돌아가기' },
  ]) {
    test(`with ?data= set, every header control is on the screen (${language})`, async ({
      page,
    }) => {
      await page.goto(`${path}${SHARED}`);
      await expect(chronologyEntries(page).first()).toBeVisible();
      await expect(
        page.getByRole('banner').getByRole('link', { name: back, exact: true }),
      ).toBeVisible();
      await expectHeaderFits(page);
    });
  }

  test('with ?data= set and a story to go back to, the header takes two lines, not more width', async ({
    page,
  }) => {
    await page.addInitScript((dataset) => {
      sessionStorage.setItem(
        'dateline:story-return',
        JSON.stringify({ href: '/stories/x', title: 'A story', dataset }),
      );
    }, '/data/events.geojson');
    await page.goto(`./${SHARED}`);
    await expect(page.getByRole('link', { name: 'Back to the story: A story' })).toBeVisible();
    await expectHeaderFits(page);
  });

  test('a link to an event shows its whole title, date, place and summary with no tap', async ({
    page,
  }) => {
    await openBundled(page, './events/donetsk-strike-north-korean-officers');
    const card = page.getByRole('button', { name: 'Details' }).locator('..');
    const title = card.getByText(DONETSK, { exact: true });
    await expect(title).toBeInViewport({ ratio: 1 });
    expect(await isWhole(title)).toBe(true);
    await expect(card.getByText('4 Oct 2024?')).toBeInViewport({ ratio: 1 });
    await expect(card.getByText(/^Near Donetsk/)).toBeInViewport({ ratio: 1 });
    await expect(card.getByText(/^The Kyiv Post reported that six North Korean/)).toBeInViewport();
    // The card is under the map, not over it: the selected marker stays in sight.
    const selectedMarker = mapRegion(page).getByRole('button', { name: new RegExp(`^${DONETSK}`) });
    await expect(selectedMarker).toHaveAttribute('aria-current', 'true');
    const markerBox = await selectedMarker.boundingBox();
    const mapBox = await mapRegion(page).boundingBox();
    if (!markerBox || !mapBox) throw new Error('not laid out');
    expect(markerBox.y + markerBox.height).toBeLessThanOrEqual(mapBox.y + mapBox.height);
    expect(await top(title)).toBeGreaterThanOrEqual(mapBox.y + mapBox.height);
  });

  test('while an event’s address loads, its card’s place is kept: the list hardly moves', async ({
    page,
  }) => {
    const release = await holdDataset(page);
    await page.goto('./events/donetsk-strike-north-korean-officers');
    const list = page.locator('.sidebar');
    await expect(page.locator('.selection-bar-waiting')).toBeVisible();
    const before = await top(list);
    release();
    await expect(page.getByRole('button', { name: 'Details' })).toBeVisible();
    await expect(page.locator('.selection-bar-waiting')).toHaveCount(0);
    // The card is about the place's height: the list moves a line or two, not the card's height.
    expect(Math.abs((await top(list)) - before)).toBeLessThan(48);
  });

  test('the filters sit in a sheet: chips show them, each chip removes its own', async ({
    page,
  }) => {
    await openBundled(page);
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveCount(0);
    const filtersButton = page.getByRole('button', { name: 'Filters', exact: true });
    await filtersButton.click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    await sheet.getByRole('searchbox', { name: 'Search events' }).fill('submarine');
    await sheet.getByRole('textbox', { name: 'From', exact: true }).fill('2024-06-01');
    await sheet.getByRole('textbox', { name: 'To', exact: true }).fill('2024-10-31');
    await sheet.getByRole('textbox', { name: 'To', exact: true }).press('Tab');
    await expect(sheet.getByText('Showing 2 of 6 events')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Filters, 2 active' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText(/^Showing 2 of 6 events/);
    await expect(page).toHaveURL(/q=submarine/);

    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips.getByRole('button')).toHaveText([
      'Remove filter: “submarine”',
      'Remove filter: 1 June – 31 Oct 2024',
      'Reset filters',
    ]);
    await chips.getByRole('button', { name: 'Remove filter: “submarine”' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Showing 5 of 6 events/);
    await expect(page).not.toHaveURL(/q=/);
    // The focus moves on to the next chip; Reset goes with the second filter.
    const dates = chips.getByRole('button', { name: 'Remove filter: 1 June – 31 Oct 2024' });
    await expect(dates).toBeFocused();
    await expect(chips.getByRole('button', { name: 'Reset filters' })).toHaveCount(0);
    await dates.click();
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
    await expect(chips).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeFocused();
  });

  test('categories and the map view are filters in the sheet too, and Reset clears them all', async ({
    page,
  }) => {
    await openBundled(page, './?q=korea');
    await page.getByRole('button', { name: 'Filters, 1 active' }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    const categories = sheet.getByRole('group', { name: 'Categories' });
    await categories.getByRole('button', { name: /^Strike/ }).click();
    await expect(categories.getByRole('button', { name: /^Strike/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    // Under filters the switches count what they keep, as the map's legend does.
    await expect(categories.getByRole('button', { name: /^Strike/ })).toContainText('(0 of 1)');
    await sheet.getByRole('checkbox', { name: 'Only events in map view' }).check();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: 'Filters, 3 active' })).toBeFocused();
    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips.getByRole('button', { name: 'Remove filter: In map view' })).toBeVisible();
    await expect(chips.getByRole('button', { name: /^Remove filter: .*Statement/ })).toBeVisible();
    await chips.getByRole('button', { name: 'Reset filters' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
    await expect(chips).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeFocused();
  });

  test('"/" opens the sheet with the search focused; the page behind is inert', async ({
    page,
  }) => {
    await openBundled(page);
    await page.keyboard.press('/');
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    const field = sheet.getByRole('searchbox', { name: 'Search events' });
    await expect(field).toBeFocused();
    // The page behind the sheet is inert: its controls cannot take the focus.
    const behind = await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('.filters-button');
      button?.focus();
      return document.activeElement === button;
    });
    expect(behind).toBe(false);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });
});

/** The box of a control, in page pixels. */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

/** The search field is at least 12 characters wide in its own font. */
async function expectSearchAtLeast12Characters(field: Locator) {
  const { inner, twelve } = await field.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(12);
    probe.style.font = style.font;
    probe.style.position = 'absolute';
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return {
      inner: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      twelve: width,
    };
  });
  expect(inner).toBeGreaterThanOrEqual(twelve);
}

for (const width of [1024, 1280]) {
  test(`at ${width} px with an opened file and a search, the header and the bar hold`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openBundled(page);
    await openCivilianHarm(page);
    const search = page.getByRole('searchbox', { name: 'Search events' });
    await search.fill('kyiv');
    await expect(page.getByRole('button', { name: 'Reset filters' })).toBeVisible();

    const header = page.getByRole('banner');
    const headerControls = [
      header.getByRole('button', { name: 'Open dataset…' }),
      header.getByRole('link', { name: 'Back to bundled dataset' }),
    ];
    const tools = [
      search,
      page.getByRole('button', { name: 'Reset filters' }),
      page.getByRole('button', { name: 'Export' }),
    ];
    const fileControls = [
      page.getByRole('button', { name: /^Data issues/ }),
      page.getByRole('button', { name: 'About this file' }),
    ];
    const boxes = await Promise.all(
      [...headerControls, ...tools, ...fileControls].map((control) => box(control)),
    );
    // Each group on one row: the same top and height in the header and among the file's
    // controls; the same middle for the search beside its buttons.
    const [open, back, field, reset, exportButton, issues, about] = boxes;
    if (!open || !back || !field || !reset || !exportButton || !issues || !about) throw new Error();
    expect(Math.abs(open.y - back.y)).toBeLessThan(1);
    expect(Math.abs(open.height - back.height)).toBeLessThan(1);
    for (const button of [reset, exportButton]) {
      expect(Math.abs(button.y + button.height / 2 - (field.y + field.height / 2))).toBeLessThan(1);
    }
    expect(Math.abs(issues.y - about.y)).toBeLessThan(1);
    expect(Math.abs(issues.height - about.height)).toBeLessThan(1);
    // Nothing overlaps, nothing leaves the page.
    for (const [index, a] of boxes.entries()) {
      expect(a.x + a.width).toBeLessThanOrEqual(width);
      for (const b of boxes.slice(index + 1)) expect(overlap(a, b)).toBe(false);
    }
    await expectSearchAtLeast12Characters(search);
    await expect(page.getByText(/^From ukraine-civilian-harm-2022\.csv, opened/)).toHaveCSS(
      'text-overflow',
      'ellipsis',
    );
  });
}

test('the search box keeps 12 characters with Reset shown, at every width', async ({ page }) => {
  await openBundled(page, './?q=submarine&from=2024-06-01');
  for (const width of [1280, 1024, 900, 700, 601]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(page.getByRole('button', { name: 'Reset filters' })).toBeVisible();
    await expectSearchAtLeast12Characters(page.getByRole('searchbox', { name: 'Search events' }));
  }
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Filters, 2 active' }).click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet.getByRole('button', { name: 'Reset filters' })).toBeVisible();
  await expectSearchAtLeast12Characters(sheet.getByRole('searchbox', { name: 'Search events' }));
});

test('on the narrowest phone (320 px) with an opened file, nothing runs off the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openBundled(page);
  await openCivilianHarm(page);
  await expect(page.getByRole('button', { name: /^Data issues/ })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});

test('a legend open on a wide window folds when the window narrows to a phone, and opens again when wide', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBundled(page);
  const toggle = page.getByRole('complementary', { name: 'Legend' }).getByRole('button', {
    name: 'Legend',
  });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  await page.setViewportSize(PHONE);
  // Folded, it no longer covers half of the small map.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: /^Statement/ })).toBeHidden();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: /^Statement/ })).toBeVisible();
});
