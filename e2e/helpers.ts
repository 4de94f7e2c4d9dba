import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';

export const DATASET_ROUTE = '**/data/events.geojson';

/** The chronology, by its name in English or Korean. */
export function chronology(page: Page) {
  return page.getByRole('list', { name: /^(Chronology|연대표)$/ });
}

/** Entries of the chronology (month headings are list items too, but hold no link). */
export function chronologyEntries(page: Page) {
  return chronology(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link') });
}

export function chronologyEntry(page: Page, title: string | RegExp) {
  return chronologyEntries(page).filter({ has: page.getByRole('link', { name: title }) });
}

/** The map, by its name in English or Korean. */
export function mapRegion(page: Page) {
  return page.getByRole('region', { name: /^(Map|지도)$/ });
}

/**
 * How many events the map's markers show inside the map's own box: a cluster counts its events,
 * an event's marker one. Markers drawn in the margin beyond the box are not counted.
 */
export async function eventsInView(page: Page): Promise<number> {
  // Read at one moment, in the page: markers come and go as the server's clusters do.
  return mapRegion(page)
    .locator('.leaflet-container')
    .evaluate((map) => {
      const box = map.getBoundingClientRect();
      let count = 0;
      for (const icon of map.querySelectorAll('.leaflet-marker-icon')) {
        const place = icon.getBoundingClientRect();
        const [x, y] = [place.x + place.width / 2, place.y + place.height / 2];
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
        const label = icon.getAttribute('aria-label') ?? '';
        count += Number(/^Cluster of (\d+) events/.exec(label)?.[1] ?? 1);
      }
      return count;
    });
}

export function marker(page: Page, title: string | RegExp) {
  const name =
    typeof title === 'string'
      ? new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
      : title;
  return mapRegion(page).getByRole('button', { name });
}

/**
 * Every control of the header is whole on the screen: none starts left of it or ends right of
 * the viewport's width (a phone's browser would otherwise widen the page and zoom it out), and
 * the page itself is no wider. The skip link, off screen until focused, is left out.
 */
export async function expectHeaderFits(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const controls = await page.getByRole('banner').evaluate((header) =>
    [...header.querySelectorAll<HTMLElement>('a, button')]
      .filter((control) => !control.classList.contains('skip-link'))
      .map((control) => {
        const { left, right, top, bottom } = control.getBoundingClientRect();
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
        return { name, left, right, top, bottom };
      }),
  );
  expect(controls.length).toBeGreaterThan(1);
  for (const [index, control] of controls.entries()) {
    expect(control.left, `${control.name}'s left edge`).toBeGreaterThanOrEqual(0);
    expect(control.right, `${control.name}'s right edge`).toBeLessThanOrEqual(width);
    // Each is reachable: none lies over another.
    for (const other of controls.slice(index + 1)) {
      const overlaps =
        control.left < other.right - 0.5 &&
        other.left < control.right - 0.5 &&
        control.top < other.bottom - 0.5 &&
        other.top < control.bottom - 0.5;
      expect(overlaps, `${control.name} over ${other.name}`).toBe(false);
    }
  }
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(width);
}

/** Serves a dataset in place of the bundled one. */
/**
 * Holds the bundled dataset's download back, as a slow connection would, until the returned
 * function is called: the page is drawn before the events can be.
 */
export async function holdDataset(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(DATASET_ROUTE, async (route) => {
    await held;
    await route.fallback();
  });
  return release;
}

export async function serveDataset(page: Page, features: unknown[], title = 'Test dataset') {
  await page.route(DATASET_ROUTE, (route) =>
    route.fulfill({ json: makeFeatureCollection(features, title) }),
  );
}

/**
 * Many events spread over Europe across 2020–2023, and one lone event in Buenos Aires, last in
 * the chronology: far down the list, alone on the map.
 */
export function longDataset(count = 60) {
  const features = Array.from({ length: count }, (_, index) =>
    makeFeature({
      id: `europe-${index}`,
      coordinates: [5 + (index % 10) * 1.5, 45 + Math.floor(index / 10) * 1.2],
      properties: {
        title: `European event ${index}`,
        date: `${2020 + Math.floor(index / 20)}-${String((index % 12) + 1).padStart(2, '0')}-15`,
        category: index % 2 ? 'statement' : 'strike',
      },
    }),
  );
  features.push(
    makeFeature({
      id: 'buenos-aires-finale',
      coordinates: [-58.38, -34.6],
      properties: {
        title: 'The Buenos Aires finale',
        date: '2024-12-01',
        locationPrecision: 'city',
      },
    }),
  );
  return features;
}

/** What the map's scale bar says, in kilometres ("200 km" → 200, "500 m" → 0.5). */
export async function scaleKilometres(page: Page): Promise<number> {
  const text = (await mapRegion(page).locator('.leaflet-control-scale-line').textContent()) ?? '';
  const [, amount = 'NaN', unit = ''] = /([\d.]+)\s*(km|m)\b/.exec(text) ?? [];
  return Number(amount) / (unit === 'm' ? 1000 : 1);
}

/**
 * How many requests the active service worker has stored whose address matches `urlPattern`, in
 * its caches named starting with `cachePrefix`; 0 while no worker is active. Poll it after a first
 * visit, before going offline.
 */
function storedOffline(page: Page, cachePrefix: string, urlPattern: RegExp): Promise<number> {
  return page.evaluate(
    async ({ prefix, source, flags }) => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration?.active) return 0;
      const pattern = new RegExp(source, flags);
      let stored = 0;
      for (const key of await caches.keys()) {
        if (!key.startsWith(prefix)) continue;
        const requests = await (await caches.open(key)).keys();
        stored += requests.filter((request) => pattern.test(request.url)).length;
      }
      return stored;
    },
    { prefix: cachePrefix, source: urlPattern.source, flags: urlPattern.flags },
  );
}

/**
 * A first visit to the bundled dataset; once the service worker (which installs when the page has
 * settled) has stored more than `atLeast` matching requests in the caches named `cachePrefix`…,
 * the network is cut and the page reloaded, and the dataset shows again.
 */
export async function visitThenReloadOffline(
  page: Page,
  stored: { cachePrefix: string; urlPattern: RegExp; atLeast: number },
): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await expect
    .poll(() => storedOffline(page, stored.cachePrefix, stored.urlPattern), {
      timeout: 30_000,
      intervals: [250],
    })
    .toBeGreaterThan(stored.atLeast);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
}

/**
 * Points the online street map at a local address whose tiles fail: its address is set at run time
 * through a meta tag (tile-source.ts), so no request leaves 127.0.0.1. Gives back how many tiles
 * were asked for so far.
 */
export async function failingOnlineTiles(page: Page): Promise<() => number> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</head>',
      '<meta name="dateline:tile-url" content="/tiles-that-fail/{z}/{x}/{y}.png"></head>',
    );
    await route.fulfill({ response, body: html });
  });
  let requests = 0;
  await page.route('**/tiles-that-fail/**', (route) => {
    requests += 1;
    return route.fulfill({ status: 503, body: '' });
  });
  return () => requests;
}

/** Switches the online street map on in the map's layers control, as a reader would. */
export async function switchOnOnlineTiles(page: Page) {
  // Opened the keyboard's way: a hover would race Leaflet's own expand-on-mouse-over.
  await mapRegion(page).getByRole('button', { name: 'Layers' }).focus();
  await page.keyboard.press('Enter');
  // Leaflet ignores a click in the same moment the pointer enters the control (a guard against
  // taps that open it), so the pointer arrives first, as a person's would.
  const tilesCheckbox = page.getByRole('checkbox', { name: 'Street map tiles (online)' });
  await tilesCheckbox.hover();
  await page.waitForTimeout(100);
  await tilesCheckbox.click();
  await expect(tilesCheckbox).toBeChecked();
}

/** A marker on the map as a circle on the screen. */
export interface DrawnCircle {
  name: string;
  selected: boolean;
  /** The visible disc or dot. */
  x: number;
  y: number;
  radius: number;
  /** The whole target a pointer can hit. */
  targetX: number;
  targetY: number;
  targetRadius: number;
}

/** Every marker on the map as circles, read once the map has stopped moving and redrawing. */
export async function drawnCircles(page: Page): Promise<DrawnCircle[]> {
  // No pointer over a marker: hovering enlarges its dot.
  await page.mouse.move(0, 0);
  let previous = '';
  let circles: DrawnCircle[] = [];
  await expect
    .poll(
      async () => {
        circles = await page.evaluate(() => {
          const map = document.querySelector('.leaflet-container');
          if (!map || map.querySelector('.leaflet-zoom-anim')) return [];
          return [...map.querySelectorAll<HTMLElement>('.leaflet-marker-icon')].map((marker) => {
            const target = marker.getBoundingClientRect();
            const visible = (
              marker.querySelector('.cluster-marker-disc, .event-marker-dot') ?? marker
            ).getBoundingClientRect();
            return {
              name: marker.getAttribute('aria-label') ?? '',
              selected: marker.getAttribute('aria-current') === 'true',
              x: visible.left + visible.width / 2,
              y: visible.top + visible.height / 2,
              radius: Math.max(visible.width, visible.height) / 2,
              targetX: target.left + target.width / 2,
              targetY: target.top + target.height / 2,
              targetRadius: Math.max(target.width, target.height) / 2,
            };
          });
        });
        const current = JSON.stringify(circles);
        const settled = circles.length > 0 && current === previous;
        previous = current;
        return settled;
      },
      { intervals: [250] },
    )
    .toBe(true);
  return circles;
}

/** Pairs of circles closer than their radii (half a pixel allowed for rounding). */
export function overlaps(circles: DrawnCircle[], which: 'visible' | 'target'): string[] {
  const found: string[] = [];
  circles.forEach((a, index) => {
    for (const b of circles.slice(index + 1)) {
      const apart =
        which === 'visible'
          ? Math.hypot(a.x - b.x, a.y - b.y) - a.radius - b.radius
          : Math.hypot(a.targetX - b.targetX, a.targetY - b.targetY) -
            a.targetRadius -
            b.targetRadius;
      if (apart < -0.5) found.push(`${a.name} ↔ ${b.name} (${apart.toFixed(1)} px)`);
    }
  });
  return found;
}

/** The drawn circles the map's edge cuts: a reader sees part of a disc and not its count. */
export async function circlesCut(page: Page, circles: DrawnCircle[]): Promise<string[]> {
  const map = await page.evaluate(() => {
    const box = document.querySelector('.map-region .leaflet-container')?.getBoundingClientRect();
    return box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null;
  });
  if (!map) return ['no map'];
  return circles.flatMap((circle) => {
    const margin = Math.min(
      circle.x - circle.radius - map.left,
      map.right - circle.x - circle.radius,
      circle.y - circle.radius - map.top,
      map.bottom - circle.y - circle.radius,
    );
    return margin < -0.5 ? [`${circle.name} (${margin.toFixed(1)} px)`] : [];
  });
}

/** The names of the drawn circles the map's legend covers, in part or whole. */
export async function circlesUnderLegend(page: Page, circles: DrawnCircle[]): Promise<string[]> {
  const legend = await mapRegion(page).locator('.map-legend').boundingBox();
  if (!legend) return ['no legend'];
  return circles
    .filter((circle) => {
      const dx = Math.max(legend.x - circle.x, 0, circle.x - legend.x - legend.width);
      const dy = Math.max(legend.y - circle.y, 0, circle.y - legend.y - legend.height);
      return Math.hypot(dx, dy) < circle.radius;
    })
    .map(({ name }) => name);
}

/**
 * Waits until the map has stopped moving, its markers stay the same for a moment and, over a data
 * server, no answer for the view is still awaited (the last view's markers stay drawn meanwhile).
 */
export async function waitForMapToSettle(page: Page): Promise<void> {
  let previous = '';
  await expect
    .poll(
      async () => {
        const current = await page.evaluate(() => {
          const map = document.querySelector('.leaflet-container');
          const moving =
            map?.querySelector('.leaflet-zoom-anim') !== null ||
            document.querySelector('.server-view-loading') !== null;
          const markers = [...(map?.querySelectorAll('.leaflet-marker-icon') ?? [])].map(
            (element) => element.getAttribute('aria-label'),
          );
          return `${moving ? 'moving' : 'still'}:${markers.join('|')}`;
        });
        const settled = current === previous && current.startsWith('still:');
        previous = current;
        return settled;
      },
      { intervals: [200] },
    )
    .toBe(true);
}
