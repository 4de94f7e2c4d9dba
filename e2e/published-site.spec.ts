/**
 * A site built around another dataset (npm run test:e2e:published): the vendored CSV excerpt in
 * e2e/fixtures/publish/ with its dateline.config.json, built by `DATASET=… npm run build` into
 * dist-published. One of its rows is broken on purpose (a latitude of "unknown").
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

const TITLE = 'Ukraine conflict events, 2014–2022';
const ODESSA = 'Death toll from Odessa violence rises to 3: police';
const SCHEMA_COLOUR = 'rgb(204, 85, 0)'; // #cc5500, the config's colour for category "1"

function meta(html: string, attribute: 'property' | 'name', key: string): string | null {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(html);
  return match?.[1] ?? null;
}

test('every event of the file has a page named after the dataset, with its social card', async ({
  request,
}) => {
  const sitemap = await (await request.get('sitemap.xml')).text();
  // 18 rows, one of them unreadable; plus the home page: each in English and in Korean (/ko/).
  expect(sitemap.match(/<loc>/g)).toHaveLength(36);
  expect(sitemap).not.toContain('events/415735<');

  const page = await (await request.get('events/153030/')).text();
  expect(page).toContain(`<title>${ODESSA} — ${TITLE}</title>`);
  expect(meta(page, 'property', 'og:title')).toBe(ODESSA);
  expect(meta(page, 'property', 'og:site_name')).toBe(TITLE);
  expect(meta(page, 'name', 'dateline:dataset')).toBe(TITLE);
  expect(meta(page, 'name', 'description')).toMatch(/^2 May 2014, Odessa town\./);
  const card = await request.get('events/153030/card.png');
  expect(card.headers()['content-type']).toContain('image/png');

  const home = await (await request.get('./')).text();
  expect(home).toContain(`<title>${TITLE}</title>`);
  expect(meta(home, 'name', 'description')).toMatch(/^Twenty events from the UCDP/);
  // The shell painted before the script runs names the dataset too.
  expect(home).toContain(`<p class="dataset-title">${TITLE}</p>`);
});

test('each event page links its oEmbed answer: a rich embed of the event with its card', async ({
  request,
  baseURL,
}) => {
  const page = await (await request.get('events/153030/')).text();
  const link =
    /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)"/.exec(
      page,
    );
  expect(link?.[2]).toBe(ODESSA);
  const response = await request.get(new URL(link?.[1] ?? '', baseURL).href);
  expect(response.ok()).toBe(true);
  const oembed = (await response.json()) as Record<string, unknown>;
  expect(oembed).toMatchObject({
    type: 'rich',
    version: '1.0',
    title: ODESSA,
    provider_name: TITLE,
    width: 680,
    height: 520,
  });
  expect(String(oembed.thumbnail_url)).toMatch(/events\/153030\/card\.png$/);
  const html = String(oembed.html);
  expect(html).toMatch(/<iframe src="[^"]*events\/153030\?embed=1"/);
  expect(html).toContain(`title="${ODESSA} — ${TITLE}"`);
  expect(html).toContain('loading="lazy"');
});

test('the built headers let any page frame the site only as the config says', () => {
  const headers = readFileSync('dist-published/_headers', 'utf8');
  expect(headers).toMatch(
    /Content-Security-Policy: default-src 'self';.*; frame-ancestors 'self' https:\/\/news\.example\n/,
  );
});

test('the app shows the dataset under its title, with the config’s category names and colour, and lists the broken row', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 17 of 17 events/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(new RegExp(TITLE));

  const legend = page.getByRole('complementary', { name: 'Legend' });
  const stateBased = legend.getByRole('button', { name: /^State-based conflict \(\d+\)$/ });
  await expect(stateBased).toBeVisible();
  await expect(legend.getByRole('button', { name: /^One-sided violence \(\d+\)$/ })).toBeVisible();
  await expect(stateBased.locator('.category-swatch')).toHaveCSS('background-color', SCHEMA_COLOUR);
  // The cluster rings take the colour from a style sheet made by script (the policy forbids
  // style attributes and <style> elements): no violation is reported (fixtures.ts).
  await expect(page.locator('.ring-custom-1').first()).toHaveCSS('stroke', SCHEMA_COLOUR);

  await page.getByRole('button', { name: 'Data issues (1)' }).click();
  const issues = page.getByRole('region', { name: 'Data issues' });
  await expect(issues).toContainText('Row 8');
  await expect(issues).toContainText('line 9');
  await expect(issues).toContainText('“unknown” is not a number');
});
