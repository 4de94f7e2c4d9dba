import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  chronology,
  circlesCut,
  circlesUnderLegend,
  drawnCircles,
  mapRegion,
  overlaps,
  type DrawnCircle,
} from './helpers.ts';

/**
 * Clusters that read at a glance on a real file: 563 events of civilian harm in 2022, most of them
 * in the Donbas. At the first view and zoomed in on Donetsk, no two circles on the map overlap,
 * none covers the selected marker, and each cluster says what it holds.
 */
const CIVILIAN_HARM = fileURLToPath(
  new URL('fixtures/real/ukraine-civilian-harm-2022.csv', import.meta.url),
);
/** A week of the world's earthquakes (USGS, June 2019): events on every continent and ocean. */
const EARTHQUAKES = fileURLToPath(
  new URL('fixtures/real/usgs-earthquakes-week-2019-06.geojson', import.meta.url),
);
/** An event in Donetsk (48.0° N, 37.8° E), located exactly: selecting it shows it at zoom 10. */
const IN_DONETSK = /Storage units on fire in Donetsk/;
const CLUSTER_NAME = /^Cluster of [\d,]+ events: /;
const SAME_PLACE_NAME = /^[\d,]+ events at the same place \(.+\): list them$/;

/** Opens a file from the reader's device, as they would, and waits for its events to show. */
async function openFile(page: Page, file: string, shown: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(file);
  await expect(page.getByRole('status')).toHaveText(
    new RegExp(`^Showing ${shown} of ${shown} events`),
    {
      timeout: 20_000,
    },
  );
}

/** The first number in a text: "1,250" in "Cluster of 1,250 events". */
function countIn(text: string): number {
  return Number(/[\d,]+/.exec(text)?.[0].replace(/,/g, ''));
}

function expectClustersNamedByTheirMix(circles: DrawnCircle[]) {
  const clusters = circles.filter(({ name }) => /^(Cluster of|[\d,]+ events at)/.test(name));
  expect(clusters.length).toBeGreaterThan(0);
  for (const { name } of clusters) {
    expect(name).toMatch(name.startsWith('Cluster') ? CLUSTER_NAME : SAME_PLACE_NAME);
    // The parts of the mix ("600 shelling, 258 other") add up to the count.
    const count = countIn(name);
    const mix = name.startsWith('Cluster') ? name.split(': ')[1] : /\((.+)\)/.exec(name)?.[1];
    const parts = (mix ?? '').split(', ').map(countIn);
    expect(
      parts.reduce((sum, part) => sum + part, 0),
      name,
    ).toBe(count);
  }
}

/** Selects the Donetsk event from the list: the map jumps to it at zoom 10. */
async function selectInDonetsk(page: Page) {
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('Storage units on fire');
  await chronology(page).getByRole('link', { name: IN_DONETSK }).click();
  await expect(mapRegion(page).getByRole('button', { name: IN_DONETSK })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await search.fill('');
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/);
}

async function zoomOut(page: Page, steps: number) {
  for (let step = 0; step < steps; step += 1) {
    await mapRegion(page).getByRole('button', { name: 'Zoom out' }).click();
  }
}

test('at the first view and on the Donbas at zooms 9 and 7, no two circles overlap and clusters name their mix', async ({
  page,
}) => {
  await openFile(page, CIVILIAN_HARM, '563');
  const first = await drawnCircles(page);
  expect(overlaps(first, 'visible')).toEqual([]);
  expect(overlaps(first, 'target')).toEqual([]);
  expectClustersNamedByTheirMix(first);
  // The first view holds every event, each counted once.
  const counted = first.reduce(
    (sum, { name }) => sum + (/^(Cluster of|[\d,]+ events at)/.test(name) ? countIn(name) : 1),
    0,
  );
  expect(counted).toBe(563);

  await selectInDonetsk(page);
  // Cleared from the list, so the map shows every event alike.
  await chronology(page).getByRole('link', { name: IN_DONETSK }).focus();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/\/events\//);
  for (const steps of [1, 2]) {
    await zoomOut(page, steps);
    const circles = await drawnCircles(page);
    expect(overlaps(circles, 'visible')).toEqual([]);
    expect(overlaps(circles, 'target')).toEqual([]);
    expectClustersNamedByTheirMix(circles);
  }
});

test('with an event selected in the Donbas, nothing overlaps its marker', async ({ page }) => {
  await openFile(page, CIVILIAN_HARM, '563');
  await selectInDonetsk(page);
  for (const steps of [0, 1, 2]) {
    await zoomOut(page, steps);
    const circles = await drawnCircles(page);
    const selected = circles.filter((circle) => circle.selected);
    expect(selected.map(({ name }) => name)).toEqual([expect.stringMatching(IN_DONETSK)]);
    const others = circles.filter((circle) => !circle.selected);
    expect(others.length).toBeGreaterThan(1);
    const onSelected = [...overlaps(circles, 'visible'), ...overlaps(circles, 'target')].filter(
      (pair) => IN_DONETSK.test(pair),
    );
    expect(onSelected).toEqual([]);
    expect(overlaps(circles, 'visible')).toEqual([]);
  }
});

test('a click on a cluster zooms to its events clear of the legend', async ({ page }) => {
  await openFile(page, EARTHQUAKES, '2,241');
  const before = await drawnCircles(page);
  // The week's largest cluster, round the Pacific's eastern rim: its box reaches the map's
  // lower left, where the legend is.
  const largest = before.reduce((a, b) => (countIn(b.name) > countIn(a.name) ? b : a));
  expect(countIn(largest.name)).toBe(1_406);
  await mapRegion(page).getByRole('button', { name: largest.name }).click();
  await expect(mapRegion(page).getByRole('button', { name: largest.name })).toHaveCount(0);
  const after = await drawnCircles(page);
  expect(after.length).toBeGreaterThan(before.length);
  expect(await circlesUnderLegend(page, after)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the first view of a world of earthquakes cuts no cluster at the edge, none overlapping', async ({
    page,
  }) => {
    await openFile(page, EARTHQUAKES, '2,241');
    const circles = await drawnCircles(page);
    expect(circles.length).toBeGreaterThan(1);
    expect(await circlesCut(page, circles)).toEqual([]);
    expect(overlaps(circles, 'visible')).toEqual([]);
    expectClustersNamedByTheirMix(circles);
  });

  test('the world view names no city beside a cluster: at that scale a circle spans countries', async ({
    page,
  }) => {
    await openFile(page, EARTHQUAKES, '2,241');
    const labels = mapRegion(page).locator('canvas.place-names');
    await expect(labels).toHaveAttribute('data-labels', /\w/, { timeout: 15_000 });
    // A city named beside a marker has no dot of its own (the marker stands in for it); countries,
    // written in capitals across their land, have none either.
    const namedBesideMarkers = await labels.evaluate((canvas: HTMLElement) => {
      const names = (canvas.dataset.labels ?? '').split('|');
      const dots = JSON.parse(canvas.dataset.labelDots ?? '[]') as unknown[];
      return names.filter((name, index) => dots[index] === null && name !== name.toUpperCase());
    });
    expect(namedBesideMarkers).toEqual([]);
    const names = (await labels.getAttribute('data-labels'))?.split('|') ?? [];
    expect(names.length).toBeGreaterThan(1);
  });
});
