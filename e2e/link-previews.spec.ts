/**
 * What a chat app or a search engine sees: the built pages fetched as plain HTTP, with no
 * JavaScript run.
 */
import { test, expect } from './fixtures.ts';

const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';

function meta(html: string, attribute: 'property' | 'name', key: string): string | null {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(html);
  return match?.[1] ?? null;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('an event page carries its own title, description and Open Graph tags, and its card is a 1200×630 PNG', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('events/pyongyang-summit-defense-pact/');
  expect(response.ok()).toBe(true);
  const html = await response.text();
  expect(html).toContain(`<title>${SUMMIT} — Dateline</title>`);
  expect(meta(html, 'name', 'description')).toMatch(/^June 2024, Pyongyang, North Korea\. /);
  expect(meta(html, 'property', 'og:title')).toBe(SUMMIT);
  expect(meta(html, 'property', 'og:type')).toBe('article');
  expect(meta(html, 'property', 'og:description')).toContain('mutual defence pact');
  expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
  const basePath = new URL(baseURL ?? 'http://127.0.0.1/').pathname;
  expect(meta(html, 'property', 'og:url')).toMatch(
    new RegExp(`${basePath}events/pyongyang-summit-defense-pact$`),
  );
  expect(html).toMatch(
    new RegExp(`<link rel="canonical" href="[^"]*${basePath}events/pyongyang-summit-defense-pact"`),
  );

  const image = meta(html, 'property', 'og:image') ?? '';
  expect(image).toMatch(new RegExp(`${basePath}events/pyongyang-summit-defense-pact/card\\.png$`));
  const png = await request.get(new URL(image, baseURL).href);
  expect(png.ok()).toBe(true);
  expect(png.headers()['content-type']).toContain('image/png');
  expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });
});

test('the build writes a 404 fallback, robots.txt and a sitemap of the event and story pages', async ({
  request,
}) => {
  const notFound = await request.get('404.html');
  expect(notFound.ok()).toBe(true);
  expect(await notFound.text()).toContain('<div id="root">');
  const robots = await request.get('robots.txt');
  // Built without SITE_URL, as the tests are: a sitemap must be an absolute URL, so none is named.
  expect(await robots.text()).toBe('User-agent: *\nAllow: /\n');
  const sitemap = await (await request.get('sitemap.xml')).text();
  expect(sitemap.match(/<loc>/g)).toHaveLength(8);
  expect(sitemap).toContain('events/sinpo-cruise-missile-tests</loc>');
});

test('an event page opened in the browser is the app, on that event', async ({ page }) => {
  await page.goto('./events/pyongyang-summit-defense-pact/');
  await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
  await expect(
    page
      .getByRole('list', { name: 'Chronology' })
      .getByRole('listitem')
      .filter({ hasText: SUMMIT }),
  ).toHaveAttribute('aria-current', 'true');
});

test('a story page carries the story’s title, description and card, and the sitemap lists it', async ({
  request,
  baseURL,
}) => {
  const story = 'stories/north-korean-troops-in-russias-war';
  const response = await request.get(`${story}/`);
  expect(response.ok()).toBe(true);
  const html = await response.text();
  expect(html).toContain('<title>North Korean troops in Russia’s war — Dateline</title>');
  expect(meta(html, 'property', 'og:title')).toBe('North Korean troops in Russia’s war');
  expect(meta(html, 'name', 'description')).toMatch(/^How a June summit in Pyongyang led to /);
  const basePath = new URL(baseURL ?? 'http://127.0.0.1/').pathname;
  expect(meta(html, 'property', 'og:url')).toMatch(new RegExp(`${basePath}${story}$`));
  const image = meta(html, 'property', 'og:image') ?? '';
  expect(image).toMatch(new RegExp(`${basePath}${story}/card\\.png$`));
  const png = await request.get(new URL(image, baseURL).href);
  expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });

  const sitemap = await (await request.get('sitemap.xml')).text();
  expect(sitemap).toContain(`${basePath}${story}</loc>`);
  const index = (await (await request.get('data/stories/index.json')).json()) as unknown;
  expect(index).toEqual([
    expect.objectContaining({ id: 'north-korean-troops-in-russias-war', steps: 6 }),
  ]);
  const file = await request.get('data/stories/north-korean-troops-in-russias-war.json');
  expect(((await file.json()) as { steps: unknown[] }).steps).toHaveLength(6);

  // What the page fetches beside the app, so that the story draws in the first render: its file
  // and story mode's code, each a file that exists.
  const preloads = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map(
    ([, href]) => href ?? '',
  );
  expect(preloads).toContain(`${basePath}data/stories/north-korean-troops-in-russias-war.json`);
  expect(preloads.some((href) => /\/assets\/story-mode-[\w-]+\.js$/.test(href))).toBe(true);
  for (const href of preloads)
    expect((await request.get(new URL(href, baseURL).href)).ok()).toBe(true);
});
