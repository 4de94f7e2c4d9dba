import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import {
  chronology,
  chronologyEntries,
  chronologyEntry,
  failingOnlineTiles,
  longDataset,
  mapRegion,
  marker,
  serveDataset,
  switchOnOnlineTiles,
  waitForMapToSettle,
} from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

const STRIKE = 'Six North Korean officers reported killed in a missile strike near Donetsk';
const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';
const SINPO_ACTIVITY = "North Korea's submarine-building site at Sinpo is active";
const SINPO_MISSILES = 'North Korea tests cruise missiles fired from near the Sinpo submarine base';

/** The light theme's land colour, #e4e0d6, fully opaque. */
const LAND = [0xe4, 0xe0, 0xd6, 255];

/**
 * The offline outline as drawn: the pixel under a marker, the share of the map left clear (sea),
 * and whether a worker drew it (its canvas shows bitmaps and has no 2D context of its own).
 */
async function readOutline(page: Page, markerName: string) {
  const box = await marker(page, markerName).boundingBox();
  if (!box) throw new Error(`No marker named ${markerName}`);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return mapRegion(page)
    .locator('.leaflet-basemap-pane canvas:not(.place-names)')
    .evaluate((element: HTMLCanvasElement, { x, y }) => {
      const drawnByWorker = element.getContext('2d') === null;
      // Read through a copy at CSS size, which works for both kinds of canvas.
      const rect = element.getBoundingClientRect();
      const copy = document.createElement('canvas');
      copy.width = Math.round(rect.width);
      copy.height = Math.round(rect.height);
      const context = copy.getContext('2d');
      if (!context) throw new Error('No 2D context to read the outline with');
      context.drawImage(element, 0, 0, copy.width, copy.height);
      const pixel = context.getImageData(Math.round(x - rect.left), Math.round(y - rect.top), 1, 1);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      let transparent = 0;
      for (let index = 3; index < data.length; index += 4) if (data[index] === 0) transparent += 1;
      return {
        underMarker: Array.from(pixel.data),
        seaShare: transparent / (data.length / 4),
        drawnByWorker,
      };
    }, point);
}

/** Clicks clusters open until the two Sinpo events, at one spot, show as one marker. */
async function zoomToSamePlace(page: Page) {
  const samePlace = mapRegion(page).getByRole('button', { name: /^2 events at the same place/ });
  for (let step = 0; step < 10; step += 1) {
    await waitForMapToSettle(page);
    if (await samePlace.isVisible()) break;
    await mapRegion(page)
      .getByRole('button', { name: /^Cluster of \d+ events: / })
      .first()
      .click();
  }
  return samePlace;
}

test.describe('the map and the chronology in sync', () => {
  test('selecting in the list moves the map to the marker, marks both and opens the detail', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    // At the first view the summit sits inside the Korean cluster.
    await expect(marker(page, SUMMIT)).toHaveCount(0);

    await chronology(page).getByRole('link', { name: SUMMIT }).click();
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    const summitMarker = marker(page, SUMMIT);
    await expect(summitMarker).toHaveAttribute('aria-current', 'true');
    await expect(summitMarker).toHaveAccessibleName(`${SUMMIT}, June 2024`);
    await expect(summitMarker).toBeInViewport();

    const entry = chronologyEntry(page, SUMMIT);
    await expect(entry).toHaveAttribute('aria-current', 'true');
    const detail = entry.getByRole('region', { name: SUMMIT });
    await expect(detail).toContainText('June 2024');
    await expect(detail).toContainText('Pyongyang, North Korea');
    await expect(detail).toContainText('Location known to the city');
    await expect(detail).toContainText('Yonhap');
    await expect(detail).toContainText('summit in Pyongyang in June');
    await expect(detail.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${SUMMIT}`));
    await expect(chronologyEntries(page).and(page.locator('[aria-current="true"]'))).toHaveCount(1);
  });

  test('selecting a marker scrolls the chronology to its entry and marks it', async ({ page }) => {
    await serveDataset(page, longDataset());
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 61 of 61 events( ·|$)/);
    const finale = chronologyEntry(page, 'The Buenos Aires finale');
    await expect(finale).toHaveCount(0); // far down a virtualized list: not even in the DOM yet

    await marker(page, 'The Buenos Aires finale').click();
    await expect(page).toHaveURL(/\/events\/buenos-aires-finale$/);
    await expect(finale).toBeInViewport();
    await expect(finale).toHaveAttribute('aria-current', 'true');
    await expect(marker(page, 'The Buenos Aires finale')).toHaveAttribute('aria-current', 'true');
    // The month heading sticks at the top of the list, over the entries of its month.
    await expect(chronology(page).getByRole('heading', { name: 'December 2024' })).toBeInViewport();
    await expect(
      chronology(page).getByRole('heading', { name: 'January 2020' }),
    ).not.toBeInViewport();
  });

  test('a page opened on an event far down the list brings its entry into view', async ({
    page,
  }) => {
    await serveDataset(page, longDataset());
    await page.goto('./events/buenos-aires-finale');
    const finale = chronologyEntry(page, 'The Buenos Aires finale');
    await expect(finale).toBeInViewport();
    await expect(finale).toHaveAttribute('aria-current', 'true');
    await expect(marker(page, 'The Buenos Aires finale')).toBeInViewport();
    await expect(page).toHaveTitle(/^The Buenos Aires finale/);
  });

  test('hovering an entry highlights its marker, and hovering a marker highlights its entry', async ({
    page,
  }) => {
    await page.goto('./');
    const strikeMarker = marker(page, STRIKE);
    const strikeEntry = chronologyEntry(page, STRIKE);
    await expect(strikeMarker).not.toHaveAttribute('data-highlighted');

    await strikeEntry.hover();
    await expect(strikeMarker).toHaveAttribute('data-highlighted');
    await page.mouse.move(5, 300);
    await expect(strikeMarker).not.toHaveAttribute('data-highlighted');

    await strikeMarker.hover();
    await expect(strikeEntry.getByRole('article')).toHaveAttribute('data-highlighted', 'true');
    await page.mouse.move(5, 300);
    await expect(strikeEntry.getByRole('article')).not.toHaveAttribute('data-highlighted');

    // Focus counts as hover for keyboard users.
    await strikeMarker.focus();
    await expect(strikeEntry.getByRole('article')).toHaveAttribute('data-highlighted', 'true');
  });

  test('both Sinpo events, at one spot, can be reached with the mouse', async ({ page }) => {
    await page.goto('./');
    const samePlace = await zoomToSamePlace(page);
    await samePlace.click();
    const list = page.getByRole('group', { name: '2 events at the same place' });
    await expect(list.getByRole('button')).toHaveCount(2);
    await list.getByRole('button', { name: new RegExp(SINPO_MISSILES) }).click();
    await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests$/);
    await expect(marker(page, SINPO_MISSILES)).toHaveAttribute('aria-current', 'true');

    // The other Sinpo event now has a marker of its own, moved aside so it is not hidden.
    await marker(page, SINPO_ACTIVITY).click();
    await expect(page).toHaveURL(/\/events\/sinpo-submarine-site-activity$/);
    await expect(marker(page, SINPO_ACTIVITY)).toHaveAttribute('aria-current', 'true');
    await expect(marker(page, SINPO_MISSILES)).toBeVisible();
  });

  test('an event hovered in the list at one spot is not left highlighted when the list closes', async ({
    page,
  }) => {
    await page.goto('./');
    const samePlace = await zoomToSamePlace(page);
    await samePlace.click();
    const list = page.getByRole('group', { name: '2 events at the same place' });
    const entry = chronologyEntry(page, SINPO_ACTIVITY).getByRole('article');
    await list.getByRole('button', { name: new RegExp(SINPO_ACTIVITY) }).hover();
    await expect(entry).toHaveAttribute('data-highlighted', 'true');
    // Closed by a key, the pointer still where the event was: no mouseleave comes.
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(entry).not.toHaveAttribute('data-highlighted');
  });

  test('the list of events at one spot closes on a press outside the map', async ({ page }) => {
    await page.goto('./');
    const samePlace = await zoomToSamePlace(page);
    await samePlace.click();
    const list = page.getByRole('group', { name: '2 events at the same place' });
    await expect(list.getByRole('button').first()).toBeFocused();

    // Plain text outside the map: the list closes and the focus goes back to the spot's marker.
    await page.getByRole('status').click();
    await expect(list).toHaveCount(0);
    await expect(samePlace).toBeFocused();
  });

  test('both Sinpo events can be reached with the keyboard alone', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    for (let step = 0; step < 12; step += 1) {
      // As a reader would, look at where the map has gone before going on.
      await waitForMapToSettle(page);
      const name = await focusNextClusterByTab(page);
      await page.keyboard.press('Enter');
      if (name.startsWith('2 events at the same place')) break;
    }
    const list = page.getByRole('group', { name: '2 events at the same place' });
    await expect(list.getByRole('button').first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(list.getByRole('button', { name: new RegExp(SINPO_ACTIVITY) })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events\/sinpo-submarine-site-activity$/);
    // The focus follows the choice to the event's own marker, once the map has drawn it.
    await expect(marker(page, SINPO_ACTIVITY)).toBeFocused();

    const other = marker(page, SINPO_MISSILES);
    // The selection moves the map; the marker is focused once it has settled in view.
    await expect(other).toBeInViewport();
    await other.focus();
    await expect(other).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests$/);
    // Selecting a marker from the keyboard keeps the focus on it.
    await expect(marker(page, SINPO_MISSILES)).toBeFocused();
    await expect(marker(page, SINPO_MISSILES)).toHaveAttribute('aria-current', 'true');
  });

  test('a keyboard-only journey: Tab to the list, arrows and j/k, Enter, Escape', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    for (let step = 0; step < 30; step += 1) {
      await page.keyboard.press('Tab');
      if (await chronology(page).evaluate((list) => list.contains(document.activeElement))) break;
    }
    await expect(chronology(page).getByRole('link', { name: SINPO_MISSILES })).toBeFocused();

    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests$/);
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await expect(chronology(page).getByRole('link', { name: SUMMIT })).toBeFocused();
    await page.keyboard.press('j');
    await expect(page).toHaveURL(/\/events\/kim-jong-un-mentions-nuclear-submarine$/);
    await page.keyboard.press('k');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');

    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/$/);
    await expect(chronologyEntries(page).and(page.locator('[aria-current]'))).toHaveCount(0);
    // The focus stays on the entry that was selected (placed after the list's next frames: a
    // loaded machine may take a while to draw them).
    await expect(chronology(page).getByRole('link', { name: SUMMIT })).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');

    // Back returns to the previous selection.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/events\/kim-jong-un-mentions-nuclear-submarine$/);
    await expect(
      chronologyEntry(page, 'Kim Jong-un mentions a new nuclear-powered submarine'),
    ).toHaveAttribute('aria-current', 'true');
  });

  test('under reduced motion the map jumps to the selection instead of flying', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    await chronology(page).getByRole('link', { name: SUMMIT }).click();
    const summitMarker = marker(page, SUMMIT);
    await expect(summitMarker).toHaveAttribute('aria-current', 'true');
    await expect(summitMarker).toBeInViewport();
    const first = await summitMarker.boundingBox();
    await page.waitForTimeout(200);
    const later = await summitMarker.boundingBox();
    expect(later).toEqual(first);
    // It did move: the summit sat inside the Korean cluster before.
    await expect(mapRegion(page).getByRole('button', { name: /^Cluster of 5 events/ })).toHaveCount(
      0,
    );
  });

  test('"Only events in map view" narrows the list to what the map shows', async ({ page }) => {
    await page.goto('./events/pyongyang-summit-defense-pact');
    await expect(marker(page, SUMMIT)).toBeInViewport();
    await page.getByRole('checkbox', { name: 'Only events in map view' }).check();
    await expect(page.getByRole('status')).toHaveText(/^Showing [1-5] of 6 events ·/);
    await expect(chronologyEntry(page, SUMMIT)).toBeVisible();
    await expect(chronologyEntry(page, STRIKE)).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Only events in map view' }).uncheck();
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
  });

  test('a large dataset keeps the chronology to a few hundred rows in the DOM', async ({
    page,
  }) => {
    const features = Array.from({ length: 5000 }, (_, index) =>
      makeFeature({
        id: `event-${index}`,
        coordinates: [-170 + (index % 340), -60 + (index % 120)],
        properties: {
          title: `Event number ${index}`,
          date: `20${10 + (index % 15)}-${String((index % 12) + 1).padStart(2, '0')}`,
        },
      }),
    );
    await serveDataset(page, features);
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 5,000 of 5,000 events( ·|$)/);
    const rows = await chronology(page).getByRole('listitem').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(300);
    const markers = await mapRegion(page).getByRole('button').count();
    expect(markers).toBeLessThan(400);
  });

  test('with online tiles switched on and failing, the outline map stays', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const tileRequests = await failingOnlineTiles(page);
    await page.goto('./');
    await switchOnOnlineTiles(page);
    await expect.poll(tileRequests).toBeGreaterThan(0);
    await expect(marker(page, STRIKE)).toBeVisible();
    await expect(
      mapRegion(page).locator('.leaflet-basemap-pane canvas:not(.place-names)'),
    ).toBeVisible();
    expect(errors).toEqual([]);
  });

  for (const where of ['in a worker', 'on the page (no OffscreenCanvas)'] as const) {
    test(`the offline outline, drawn ${where}, shows land under a marker on land, and sea beside it`, async ({
      page,
    }) => {
      if (where !== 'in a worker') {
        // As in a browser without OffscreenCanvas (Safari before 16.4): the page draws it itself.
        await page.addInitScript(() => {
          Reflect.deleteProperty(globalThis, 'OffscreenCanvas');
        });
      } else {
        // As on a slow connection: the canvas is read before its first drawing has arrived,
        // which must not take it from the worker.
        await page.route(/\/assets\/basemap-110m-[0-9a-f]+\.bin$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          await route.fallback();
        });
      }
      await page.goto('./');
      const canvas = mapRegion(page).locator('.leaflet-basemap-pane canvas:not(.place-names)');
      await expect(canvas).toBeVisible();
      // The first drawing arrives a moment after the canvas (and again after the map fits the
      // events): read until it has.
      await expect(async () => {
        const { underMarker, seaShare, drawnByWorker } = await readOutline(page, STRIKE);
        expect(drawnByWorker).toBe(where === 'in a worker');
        expect(underMarker).toEqual(LAND);
        // The opening view (Europe to Korea) has seas and oceans: left clear, the map's water
        // shows.
        expect(seaShare).toBeGreaterThan(0.1);
        expect(seaShare).toBeLessThan(0.8);
      }).toPass({ timeout: 10_000 });
    });
  }

  test('zoomed in to an event, the detailed outline is drawn under it', async ({ page }) => {
    // Without animation, the map jumps to the event: the outline follows at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const detailed = page.waitForRequest(/\/assets\/basemap-50m-[0-9a-f]+\.bin$/);
    await page.goto('./events/donetsk-strike-north-korean-officers');
    await expect(marker(page, STRIKE)).toHaveAttribute('aria-current', 'true');
    await detailed;
    await expect(async () => {
      const { underMarker } = await readOutline(page, STRIKE);
      expect(underMarker).toEqual(LAND);
    }).toPass({ timeout: 10_000 });
  });

  test('source links open in a new tab without a referrer, and only http(s) is linked', async ({
    page,
  }) => {
    await serveDataset(page, [
      makeFeature({
        id: 'script-link',
        properties: {
          title: 'An event whose source link is a script',
          sources: [{ publisher: 'Hostile Wire', url: 'javascript:alert(1)', quote: 'Click me.' }],
        },
      }),
      makeFeature({
        id: 'with-link',
        properties: {
          title: 'An event with a linked source',
          sources: [
            { publisher: 'Example Wire', url: 'https://example.org/story', quote: 'It happened.' },
          ],
        },
      }),
    ]);
    await page.goto('./events/with-link');
    const link = page.getByRole('link', { name: /Read the source at example\.org/ });
    await expect(link).toHaveAttribute('href', 'https://example.org/story');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(page.getByRole('link', { name: /Hostile|script/i })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Data issues (1)' })).toBeVisible();
    await expect(chronologyEntry(page, 'An event whose source link is a script')).toHaveCount(0);
  });
});

test.describe('accessibility of the explorer', () => {
  test('no axe violations without and with a selection, light and dark', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    await expectNoAxeViolations(page);
    await chronology(page).getByRole('link', { name: STRIKE }).click();
    await expect(marker(page, STRIKE)).toHaveAttribute('aria-current', 'true');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('both Sinpo events are listed in a sheet under the map’s strip, and one is chosen', async ({
    page,
  }) => {
    await page.goto('./');
    const samePlace = await zoomToSamePlace(page);
    await samePlace.tap();
    const sheet = page.getByRole('dialog', { name: '2 events at the same place' });
    const list = sheet.getByRole('group', { name: '2 events at the same place' });
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(list.getByRole('button').first()).toBeFocused();
    // Both events whole on the screen, and the spot's marker still in sight above the sheet.
    await expect(list.getByRole('button').last()).toBeInViewport({ ratio: 1 });
    const sheetTop = (await sheet.boundingBox())?.y ?? 0;
    const spot = await samePlace.boundingBox();
    expect(spot && spot.y + spot.height).toBeLessThanOrEqual(sheetTop);
    await expectNoAxeViolations(page);
    await list.getByRole('button', { name: new RegExp(SINPO_ACTIVITY) }).tap();
    await expect(sheet).toHaveCount(0);
    await expect(page).toHaveURL(/\/events\/sinpo-submarine-site-activity$/);
    await expect(marker(page, SINPO_ACTIVITY)).toHaveAttribute('aria-current', 'true');
    await expect(marker(page, SINPO_ACTIVITY)).toBeFocused();
  });

  test('map and list are both usable, nothing scrolls sideways, touch targets are 44 px', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    // The map comes first; the page scrolls on to the list, which scrolls by itself.
    await expect(mapRegion(page)).toBeInViewport();
    await chronology(page).scrollIntoViewIfNeeded();
    await expect(chronologyEntries(page).first()).toBeInViewport();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const targets = [
      chronologyEntries(page).first().getByRole('article'),
      page.getByRole('button', { name: 'Filters', exact: true }),
      marker(page, STRIKE),
      mapRegion(page).getByRole('button', { name: 'Zoom in' }),
    ];
    for (const target of targets) {
      const box = await target.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }

    await chronology(page).getByRole('link', { name: SUMMIT }).tap();
    await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
    await expect(marker(page, SUMMIT)).toBeInViewport();
    await expectNoAxeViolations(page);
  });

  test('no axe violations on a phone without a selection', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
    await expectNoAxeViolations(page);
  });
});

/** Presses Tab until a cluster has the focus; returns its accessible name. */
async function focusNextClusterByTab(page: Page): Promise<string> {
  // Enough presses to go round the page once: the header, search, export, timeline and list
  // come before the map's markers.
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? '',
    );
    if (/^(Cluster of \d+ events|\d+ events at the same place)/.test(name)) return name;
  }
  throw new Error('no cluster reached with Tab');
}

test('on a phone, tapping a marker shows what was selected under the map, with a way to its details', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await marker(
    page,
    'Six North Korean officers reported killed in a missile strike near Donetsk',
  ).click();
  const details = page.getByRole('button', { name: 'Details' });
  await expect(details).toBeInViewport();
  // The card under the map: the whole title, in sight.
  await expect(
    details
      .locator('..')
      .getByText('Six North Korean officers reported killed in a missile strike near Donetsk', {
        exact: true,
      }),
  ).toBeInViewport();
  await details.click();
  const entry = chronologyEntry(
    page,
    'Six North Korean officers reported killed in a missile strike near Donetsk',
  );
  await expect(entry).toBeInViewport();
  await expect(
    entry.getByRole('link', {
      name: 'Six North Korean officers reported killed in a missile strike near Donetsk',
    }),
  ).toBeFocused();
  await expectNoAxeViolations(page);
});
