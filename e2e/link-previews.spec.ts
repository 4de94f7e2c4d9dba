/**
 * What a chat app or a search engine sees: the built pages fetched as plain HTTP, with no
 * JavaScript run.
 */
import { readFileSync } from 'node:fs';
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
  // The home page, six events and a story, each in English and in Korean.
  expect(sitemap.match(/<loc>/g)).toHaveLength(16);
  expect(sitemap).toContain('/events/sinpo-cruise-missile-tests</loc>');
  expect(sitemap).toContain('/ko/events/sinpo-cruise-missile-tests</loc>');
  expect(sitemap).toContain(
    'hreflang="ko" href="' /* each entry names the other language's address */,
  );
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

/** The bundled event's Korean title: its `translations.ko.title`, else its own (shape.md). */
function koreanTitle(id: string): string {
  const dataset = JSON.parse(readFileSync('data/events.geojson', 'utf8')) as {
    features: { id: string; properties: { title: string; translations?: unknown } }[];
  };
  const feature = dataset.features.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`no event ${id}`);
  const translations = feature.properties.translations as
    Record<string, { title?: string } | undefined> | undefined;
  return translations?.ko?.title || feature.properties.title;
}

function links(html: string, hreflang: string): string[] {
  return [
    ...html.matchAll(
      new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="([^"]*)"`, 'g'),
    ),
  ].map(([, href]) => href ?? '');
}

test('a Korean event page (/ko/events/<id>) has its Korean title, ko_KR, a Korean card and both languages’ addresses', async ({
  request,
  baseURL,
}) => {
  const id = 'pyongyang-summit-defense-pact';
  const basePath = new URL(baseURL ?? 'http://127.0.0.1/').pathname;
  const response = await request.get(`ko/events/${id}/`);
  expect(response.ok()).toBe(true);
  const html = await response.text();
  const title = koreanTitle(id);
  expect(html).toContain('<html lang="ko">');
  expect(html).toContain(`<title>${title} — Dateline</title>`);
  expect(meta(html, 'property', 'og:title')).toBe(title);
  expect(meta(html, 'name', 'description')).toMatch(/^2024년 6월, /);
  expect(meta(html, 'property', 'og:locale')).toBe('ko_KR');
  expect(meta(html, 'property', 'og:locale:alternate')).toBe('en_US');
  expect(meta(html, 'property', 'og:url')).toMatch(new RegExp(`${basePath}ko/events/${id}$`));
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${basePath}ko/events/${id}"`));
  expect(links(html, 'ko')).toEqual([
    expect.stringMatching(new RegExp(`${basePath}ko/events/${id}$`)),
  ]);
  expect(links(html, 'en')).toEqual([
    expect.stringMatching(new RegExp(`${basePath}events/${id}$`)),
  ]);
  expect(links(html, 'x-default')).toEqual(links(html, 'en'));
  // The static shell painted before the script runs is Korean too.
  expect(html).toContain('데이터셋 불러오는 중…');

  const image = meta(html, 'property', 'og:image') ?? '';
  expect(image).toMatch(new RegExp(`${basePath}ko/events/${id}/card\\.png$`));
  const png = await request.get(new URL(image, baseURL).href);
  expect(png.ok()).toBe(true);
  expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });
  const english = await png.body();
  expect(english.equals(await (await request.get(`events/${id}/card.png`)).body())).toBe(false);

  // And the English page names the Korean one.
  const englishHtml = await (await request.get(`events/${id}/`)).text();
  expect(meta(englishHtml, 'property', 'og:locale')).toBe('en_US');
  expect(meta(englishHtml, 'property', 'og:locale:alternate')).toBe('ko_KR');
  expect(links(englishHtml, 'ko')).toEqual(links(html, 'ko'));
});

test('the Korean explorer (/ko/) is a Korean page, and a Korean event page opens the app in Korean on that event', async ({
  page,
  request,
}) => {
  const home = await (await request.get('ko/')).text();
  expect(home).toContain('<html lang="ko">');
  expect(home).toContain('<title>Dateline — 언제, 어디서 일어났나</title>');
  expect(meta(home, 'property', 'og:locale')).toBe('ko_KR');
  expect(links(home, 'en')).toHaveLength(1);

  const id = 'pyongyang-summit-defense-pact';
  await page.goto(`./ko/events/${id}/`);
  await expect(page).toHaveURL(new RegExp(`/ko/events/${id}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(
    page
      .locator('[aria-current="true"]')
      .filter({ hasText: koreanTitle(id) })
      .or(
        page.locator('[aria-current="true"]').filter({
          hasText: 'Putin and Kim Jong-un agree a mutual defence pact',
        }),
      ),
  ).toHaveCount(1);
});
