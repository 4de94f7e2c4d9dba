import { test, expect } from './fixtures.ts';
import { chronologyEntry, marker, serveDataset } from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';
const MISSILES = 'North Korea tests cruise missiles fired from near the Sinpo submarine base';

test('a cold deep link opens on its event: entry, marker, details, title and focus', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./events/pyongyang-summit-defense-pact');
  const entry = chronologyEntry(page, SUMMIT);
  await expect(entry).toHaveAttribute('aria-current', 'true');
  await expect(entry).toBeInViewport();
  await expect(entry.getByRole('region', { name: SUMMIT })).toContainText('Yonhap');
  await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
  await expect(marker(page, SUMMIT)).toBeInViewport();
  await expect(page).toHaveTitle(new RegExp(`^${SUMMIT}`));
  // A screen reader announces the event the reader came for.
  await expect(entry.getByRole('link', { name: SUMMIT })).toBeFocused();
});

test('a link whose own filters would hide its event widens them, and says so', async ({ page }) => {
  await page.goto('./events/sinpo-cruise-missile-tests?from=2024-06-01&q=summit&cat=diplomacy');
  await expect(page.getByRole('alert')).toContainText(
    `“${MISSILES}” was outside this link's filters`,
  );
  await expect(chronologyEntry(page, MISSILES)).toHaveAttribute('aria-current', 'true');
  // The corrected link replaces the address a moment later (ADDRESS_WRITE_DELAY_MS), so poll.
  await expect
    .poll(() => {
      const url = new URL(page.url());
      const { searchParams } = url;
      return [
        url.pathname,
        searchParams.get('from'),
        searchParams.get('q'),
        searchParams.get('cat'),
      ];
    })
    .toEqual([
      expect.stringMatching(/\/events\/sinpo-cruise-missile-tests$/),
      '2024-01-01',
      null,
      'diplomacy,missile-test',
    ]);
});

test('a link to an id that does not exist says "not found", offers the closest events, and the rest works', async ({
  page,
}) => {
  await page.goto('./events/pyongyang-summit');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Event not found');
  await expect(alert).toContainText('pyongyang-summit');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await alert.getByRole('link', { name: SUMMIT }).click();
  await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
});

test('suggestions that share a title say their dates and places, so a reader can choose', async ({
  page,
}) => {
  const report = (id: string, date: string, place: string, longitude: number) =>
    makeFeature({
      id,
      coordinates: [longitude, 49.2],
      properties: { title: 'Russia - Ukraine', date, place },
    });
  await serveDataset(page, [
    report('ucdp-149866', '2022-03-12', 'Izium', 37.25),
    report('ucdp-149870', '2022-03', 'Izium', 37.3),
    report('ucdp-149871', '2022-03-12', 'Kharkiv', 36.23),
  ]);
  await page.goto('./events/russia-ukraine-izyum');
  const suggestions = page.getByRole('alert').getByRole('link');
  await expect(suggestions).toHaveText([
    'Russia - Ukraine (March 2022)',
    'Russia - Ukraine (12 March 2022, Izium)',
    'Russia - Ukraine (12 March 2022, Kharkiv)',
  ]);
  await suggestions.first().click();
  await expect(page).toHaveURL(/\/events\/ucdp-149870$/);
});

test('a path that is not part of the app is corrected with a notice', async ({ page }) => {
  await page.goto('./events/');
  await expect(page.getByRole('alert')).toContainText('does not point to an event');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
});

test('Copy link copies the event address, with the filters if asked; it opens on the same event', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?q=pyongyang');
  await page.getByRole('link', { name: SUMMIT }).click();
  const details = chronologyEntry(page, SUMMIT).getByRole('region', { name: SUMMIT });
  await details.getByRole('button', { name: 'Copy link' }).click();
  await expect(details.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*events\/pyongyang-summit-defense-pact$/);

  const other = await context.newPage();
  await other.goto(copied);
  await expect(chronologyEntry(other, SUMMIT)).toHaveAttribute('aria-current', 'true');
  await expect(other.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);

  await details.getByRole('checkbox', { name: 'Include the current filters' }).check();
  await details.getByRole('button', { name: 'Copy link' }).click();
  const withFilters = await page.evaluate(() => navigator.clipboard.readText());
  expect(withFilters).toMatch(/events\/pyongyang-summit-defense-pact\?q=pyongyang$/);
  await other.goto(withFilters);
  await expect(other.getByRole('status')).toHaveText(/^Showing 1 of 6 events/);
});

test('where the clipboard is refused, the link is shown selected, to copy by hand', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.goto('./events/pyongyang-summit-defense-pact');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: /The clipboard is not available here/ });
  await expect(field).toHaveValue(/events\/pyongyang-summit-defense-pact$/);
  await expect(field).toBeFocused();
});

test('where the device can share, Share… hands it the event title and address', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shared: unknown[] = [];
    Object.defineProperty(window, '__shared', { value: shared });
    Object.defineProperty(navigator, 'share', {
      value: (data: unknown) => {
        shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await page.goto('./events/pyongyang-summit-defense-pact');
  await page.getByRole('button', { name: 'Share…' }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { __shared: { title: string; url: string }[] }).__shared,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]?.title).toBe(SUMMIT);
  expect(shared[0]?.url).toMatch(/\/events\/pyongyang-summit-defense-pact$/);
});
