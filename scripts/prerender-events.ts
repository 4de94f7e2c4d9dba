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
 * BASE_PATH (as for the build) puts it all under a sub-path; SITE_URL (https://example.org) makes
 * the URLs absolute, which link previews and sitemaps need on a public host.
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
import { CARD_HEIGHT, CARD_WIDTH, escapeXml, socialCardSvg } from './social-card.ts';

const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];

const outDir = resolve(process.argv[2] ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
const site = (process.env.SITE_URL ?? '').replace(/\/$/, '');

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
): string {
  const pageUrl = `${site}${base}events/${encodeURIComponent(event.id)}`;
  const imageUrl = `${site}${base}events/${encodeURIComponent(event.id)}/card.png`;
  const title = `${event.title} — Dateline`;
  const description = eventDescription(event);
  const tags = [
    `<link rel="canonical" href="${escapeXml(pageUrl)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="Dateline" />`,
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
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(title)}</title>`)
    .replace(
      /<meta\s+name="description"[^>]*>/,
      `<meta name="description" content="${escapeXml(description)}" />`,
    )
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

async function main() {
  const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
  const dataset = parseDatasetText(await readFile(resolve('data/events.geojson'), 'utf8'));
  const basemap = buildBasemap(world as unknown as Parameters<typeof buildBasemap>[0]);
  if (!site) {
    console.warn(
      'SITE_URL is not set: link previews and the sitemap use site-relative URLs. Set it for a public host.',
    );
  }
  const palette = categoryPalette([...countCategories(dataset.events).keys()]);
  for (const event of dataset.events) {
    const folder = join(outDir, 'events', event.id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'index.html'),
      eventPageHtml(indexHtml, event, dataset.metadata.title),
    );
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
    `Pre-rendered ${dataset.events.length} event pages with social cards, 404.html, sitemap.xml and robots.txt in ${outDir}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
