/**
 * After `vite build`: a page per event of the bundled dataset, so a link pasted into a chat or a
 * post unfurls with the event's own title, summary and picture, with no JavaScript run.
 *
 *   dist/events/<id>/index.html   the app, with the event's <title>, description, canonical URL,
 *                                 Open Graph and Twitter Card tags
 *   dist/events/<id>/card.png     the 1200×630 social card
 *   dist/404.html                 the app again, for static hosts' "not found" fallback
 *   dist/sitemap.xml, robots.txt  the event pages, for search engines
 *
 *   dist/events/<id>/oembed.json  the event's oEmbed answer (its embed view in an iframe), which
 *                                 the page names in a <link rel="alternate">
 *
 * BASE_PATH (as for the build) puts it all under a sub-path; SITE_URL (https://example.org) makes
 * the URLs absolute, which link previews and sitemaps need on a public host. A site built from
 * another dataset (scripts/build-site.ts) calls prerenderSite with its file and title.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { formatEventDate } from '../src/data/model/date-label.ts';
import { categoryPalette, countCategories } from '../src/data/model/categories.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import { embedSnippet } from '../src/data/export/embed-snippet.ts';
import { CARD_HEIGHT, CARD_WIDTH, escapeXml, socialCardSvg } from './social-card.ts';

const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];

/** Where the pages go and what they are called: one site's settings. */
export interface SiteOptions {
  /** The public origin, e.g. `https://example.org` (no slash at the end), or '' for relative URLs. */
  site: string;
  /** The path the site is under, `/` or `/news/dateline/`. */
  base: string;
  /** What the pages call the site: "Dateline", or a published dataset's own title. */
  siteName: string;
}

/** The oEmbed frame's size: a column of an article, tall enough for the card, map and timeline. */
export const OEMBED_WIDTH = 680;
export const OEMBED_HEIGHT = 520;

function eventUrl(event: DatasetEvent, { site, base }: SiteOptions): string {
  return `${site}${base}events/${encodeURIComponent(event.id)}`;
}

/** The event's oEmbed answer (oembed.com, "rich"): its embed view in a frame, and its card. */
export function oembedJson(event: DatasetEvent, options: SiteOptions): string {
  const pageUrl = eventUrl(event, options);
  return `${JSON.stringify(
    {
      type: 'rich',
      version: '1.0',
      title: event.title,
      provider_name: options.siteName,
      provider_url: `${options.site}${options.base}`,
      html: embedSnippet({
        src: `${pageUrl}?embed=1`,
        title: `${event.title} — ${options.siteName}`,
        width: OEMBED_WIDTH,
        height: OEMBED_HEIGHT,
      }),
      width: OEMBED_WIDTH,
      height: OEMBED_HEIGHT,
      thumbnail_url: `${pageUrl}/card.png`,
      thumbnail_width: CARD_WIDTH,
      thumbnail_height: CARD_HEIGHT,
    },
    null,
    2,
  )}\n`;
}

export function eventDescription(event: DatasetEvent): string {
  const text =
    `${formatEventDate(event.date)}, ${event.place || 'place not given'}. ${event.summary}`.trim();
  return text.length > 200 ? `${text.slice(0, 199).replace(/\s+\S*$/, '')}…` : text;
}

/** The app's index.html with one event's head: title, description, canonical and social tags. */
export function eventPageHtml(
  indexHtml: string,
  event: DatasetEvent,
  datasetTitle: string,
  options: SiteOptions = { site: '', base: '/', siteName: 'Dateline' },
): string {
  const pageUrl = eventUrl(event, options);
  const imageUrl = `${pageUrl}/card.png`;
  const title = `${event.title} — ${options.siteName}`;
  const description = eventDescription(event);
  const tags = [
    `<link rel="canonical" href="${escapeXml(pageUrl)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="${escapeXml(options.siteName)}" />`,
    `<meta property="og:title" content="${escapeXml(event.title)}" />`,
    `<meta property="og:description" content="${escapeXml(description)}" />`,
    `<meta property="og:url" content="${escapeXml(pageUrl)}" />`,
    `<meta property="og:image" content="${escapeXml(imageUrl)}" />`,
    `<meta property="og:image:width" content="${CARD_WIDTH}" />`,
    `<meta property="og:image:height" content="${CARD_HEIGHT}" />`,
    `<meta property="og:image:alt" content="${escapeXml(`Map of ${event.place || 'the event'}: ${event.title}`)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeXml(event.title)}" />`,
    `<meta name="twitter:description" content="${escapeXml(description)}" />`,
    `<meta name="twitter:image" content="${escapeXml(imageUrl)}" />`,
    `<meta name="dateline:dataset" content="${escapeXml(datasetTitle)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeXml(`${pageUrl}/oembed.json`)}" title="${escapeXml(event.title)}" />`,
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(title)}</title>`)
    .replace(
      /<meta\s+name="description"[^>]*>/,
      `<meta name="description" content="${escapeXml(description)}" />`,
    )
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

export async function prerenderSite({
  outDir,
  datasetFile,
  ...options
}: SiteOptions & { outDir: string; datasetFile: string }): Promise<void> {
  const { site, base } = options;
  const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
  const dataset = parseDatasetText(await readFile(datasetFile, 'utf8'));
  const basemap = buildBasemap(world as unknown as Parameters<typeof buildBasemap>[0]);
  if (!site) {
    console.warn(
      'SITE_URL is not set: link previews and the sitemap use site-relative URLs. Set it for a public host.',
    );
  }
  const palette = categoryPalette(
    [...countCategories(dataset.events).keys()],
    null,
    dataset.metadata.categories,
  );
  for (const event of dataset.events) {
    const folder = join(outDir, 'events', event.id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'index.html'),
      eventPageHtml(indexHtml, event, dataset.metadata.title, options),
    );
    await writeFile(join(folder, 'oembed.json'), oembedJson(event, options));
    const svg = socialCardSvg(event, basemap, dataset.metadata.title, palette);
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: CARD_WIDTH },
      font: { fontFiles: FONTS, loadSystemFonts: true, defaultFontFamily: 'Inter' },
    })
      .render()
      .asPng();
    await writeFile(join(folder, 'card.png'), png);
  }
  await writeFile(join(outDir, '404.html'), indexHtml);
  const urls = [
    `${site}${base}`,
    ...dataset.events.map((event) => `${site}${base}events/${encodeURIComponent(event.id)}`),
  ];
  await writeFile(
    join(outDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`)
      .join('\n')}\n</urlset>\n`,
  );
  await writeFile(
    join(outDir, 'robots.txt'),
    // A sitemap must be named by an absolute URL: without SITE_URL there is none to give.
    `User-agent: *\nAllow: /\n${site ? `Sitemap: ${site}${base}sitemap.xml\n` : ''}`,
  );
  console.log(
    `Pre-rendered ${dataset.events.length} event pages with social cards and oEmbed answers, 404.html, sitemap.xml and robots.txt in ${outDir}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prerenderSite({
    outDir: resolve(process.argv[2] ?? 'dist'),
    datasetFile: resolve('data/events.geojson'),
    site: (process.env.SITE_URL ?? '').replace(/\/$/, ''),
    base: process.env.BASE_PATH ?? '/',
    siteName: 'Dateline',
  });
}
