import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { syntheticFeatures } from '../scripts/synthetic-dataset.ts';
import { chronologyEntries, holdDataset } from './helpers.ts';

const DATASET = '**/data/events.geojson';

test('the bundled events appear in date order with honest date labels', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'North Korea, Russia and the war in Ukraine',
  );
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);

  const entries = chronologyEntries(page);
  await expect(entries).toHaveCount(6);
  const dates = await entries.locator('time').allTextContents();
  expect(dates).toEqual([
    'Jan 2024',
    'June 2024',
    'Sept 2024',
    'c. Sept 2024',
    '4 Oct 2024?',
    '8 Oct 2024',
  ]);
  await expect(entries.nth(1)).toContainText('Putin and Kim Jong-un agree a mutual defence pact');
  await expect(entries.nth(1)).toContainText('Pyongyang, North Korea');
  await expect(entries.nth(5)).toContainText('Ministry of National Defense, Yongsan, Seoul');
  await expect(page.getByRole('button', { name: /Data issues/ })).toHaveCount(0);
});

test('a broken record is listed under Data issues while the good events show', async ({ page }) => {
  const good = makeFeature({ id: 'good-one', properties: { title: 'A good event' } });
  const alsoGood = makeFeature({
    id: 'good-two',
    properties: { title: 'Another good event', date: '2023-05' },
  });
  const broken = makeFeature({
    id: 'broken-one',
    properties: { title: 'A broken event', date: 'yesterday' },
  });
  await page.route(DATASET, (route) =>
    route.fulfill({ json: makeFeatureCollection([good, broken, alsoGood]) }),
  );

  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 2 of 2 events( ·|$)/);
  const chronology = page.getByRole('list', { name: 'Chronology' });
  await expect(chronologyEntries(page)).toHaveText([/Another good event/, /A good event/]);
  await expect(chronology).not.toContainText('A broken event');

  const issuesButton = page.getByRole('button', { name: 'Data issues (1)' });
  await issuesButton.click();
  await expect(issuesButton).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Data issues' });
  await expect(panel).toContainText('Record 2');
  await expect(panel).toContainText('broken-one');
  await expect(panel).toContainText('properties.date');
  await expect(panel).toContainText('"yesterday" is not an EDTF date');
  await expectNoAxeViolations(page);
});

test('a response that is not JSON shows the error, and Retry recovers once it is fixed', async ({
  page,
}) => {
  let serveBroken = true;
  await page.route(DATASET, async (route) => {
    if (serveBroken) {
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<html><body>Gateway error</body></html>',
      });
    } else {
      await route.fulfill({
        json: makeFeatureCollection([makeFeature({ properties: { title: 'Recovered event' } })]),
      });
    }
  });

  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The events could not be loaded');
  await expect(alert).toContainText('events.geojson looks like an HTML page, not a dataset');
  await expect(page.getByRole('status')).toHaveText('No events loaded');
  await expectNoAxeViolations(page);

  serveBroken = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('list', { name: 'Chronology' })).toContainText('Recovered event');
  await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 1 event( ·|$)/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a server error names the status and a JSON file that is not a FeatureCollection says so', async ({
  page,
}) => {
  let response: 'server-error' | 'wrong-shape' = 'server-error';
  await page.route(DATASET, (route) =>
    response === 'server-error'
      ? route.fulfill({ status: 500, body: 'oops' })
      : route.fulfill({ json: { type: 'Feature', properties: {} } }),
  );
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('500');
  response = 'wrong-shape';
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'No records were found in events.geojson: expected a GeoJSON FeatureCollection',
  );
});

test('the loaded page has no accessibility violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
  await expectNoAxeViolations(page);
});

test('a slow load says how far it has got on the first screen of a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const answer = await holdDataset(page);
  await page.goto('./');
  // On a phone the chronology is below the map: the progress must not be down there.
  const progress = page.getByText(/^Waiting for the server: no answer for \d+ s$/);
  await expect(progress).toBeInViewport();
  await expect(page.getByRole('progressbar', { name: 'Loading the dataset' })).toBeInViewport();
  await expectNoAxeViolations(page);
  answer();
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events( ·|$)/);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('a large dataset lands in one piece: the status line says loading until its events are shown', async ({
  page,
}) => {
  // Above 20,000 events the first render runs in the background (app.tsx): meanwhile the page
  // must say it is still loading, never "Showing 0 of 0 events".
  const features = [...syntheticFeatures(30_000)];
  await page.route(DATASET, (route) =>
    route.fulfill({ json: { type: 'FeatureCollection', features } }),
  );
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 30,000 of 30,000 events · /, {
    timeout: 30_000,
  });
  await expect(chronologyEntries(page).first()).toBeVisible();
  const texts = await page.evaluate(
    () => (window as unknown as { statusTexts: string[] }).statusTexts,
  );
  expect(texts.filter((text) => text.startsWith('Showing'))).toEqual([
    expect.stringMatching(/^Showing 30,000 of 30,000 events · /),
  ]);
  expect(texts.slice(0, -1).every((text) => /^(Loading|Reading|Checking)/.test(text))).toBe(true);
});

test('Back from one large dataset to another keeps the link’s filters for the right events', async ({
  page,
}) => {
  const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const first = [...syntheticFeatures(25_000, 1)];
  // The second dataset has none of the first one's categories.
  const second = [...syntheticFeatures(25_000, 2)].map((feature) => ({
    ...feature,
    properties: { ...feature.properties, category: 'other' },
  }));
  await page.route('**/big-first.geojson', (route) => route.fulfill({ json: collection(first) }));
  await page.route('**/big-second.geojson', (route) => route.fulfill({ json: collection(second) }));
  await page.goto('./?data=big-first.geojson&cat=strike');
  await expect(page.getByRole('status')).toHaveText(/^Showing [\d,]+ of 25,000 events · /, {
    timeout: 30_000,
  });
  const shown = await page.getByRole('status').textContent();
  await page.evaluate(() => {
    history.pushState(null, '', '/?data=big-second.geojson');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('status')).toHaveText(/^Showing 25,000 of 25,000 events · /, {
    timeout: 30_000,
  });
  await page.goBack();
  await expect(page.getByRole('status')).toHaveText(shown ?? '', { timeout: 30_000 });
  await expect(page).toHaveURL(/[?&]cat=strike(&|$)/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
