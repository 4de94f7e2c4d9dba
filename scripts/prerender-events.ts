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
 *   dist/stories/<id>/index.html  a page per story of the site (site-stories.ts): the story's
 *   dist/stories/<id>/card.png    title, description, social tags and card (its cover event's map)
 *   dist/data/stories/<id>.json   the story files, checked, and index.json listing them
 *
 * BASE_PATH (as for the build) puts it all under a sub-path; SITE_URL (https://example.org) makes
 * the URLs absolute, which link previews and sitemaps need on a public host. A site built from
 * another dataset (scripts/build-site.ts) calls prerenderSite with its file and title.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { formatEventDate } from '../src/data/model/date-label.ts';
import { categoryPalette, countCategories } from '../src/data/model/categories.ts';
import type { DatasetEvent } from '../src/data/model/schema.ts';
import { embedSnippet } from '../src/data/export/embed-snippet.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardTextLines,
  escapeXml,
  renderCard,
  socialCardSvg,
  type CardOptions,
  type CardText,
} from './social-card.ts';
import { subsetCardFonts } from './card-fonts.ts';
import { readStoriesFolder, storyIndex, type SiteStory } from './site-stories.ts';
import { SiteBuildError } from './site-dataset.ts';

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

function storyUrl(id: string, { site, base }: SiteOptions): string {
  return `${site}${base}stories/${encodeURIComponent(id)}`;
}

function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199).replace(/\s+\S*$/, '')}…` : flat;
}

/** The chunks `file` imports (`import … from "./x.js"`), and theirs, in `assets`. */
async function staticImports(assets: string, file: string, found = new Set<string>()) {
  if (found.has(file)) return found;
  found.add(file);
  const code = await readFile(join(assets, file), 'utf8');
  for (const [, imported] of code.matchAll(
    /\bimport\s*(?:[^"'()]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g,
  ))
    if (imported) await staticImports(assets, imported, found);
  return found;
}

/**
 * Story mode's chunk and the chunks it imports that the app's own (`start-app-*.js`) does not:
 * what a story page preloads so that they come at once rather than one after the other.
 */
async function storyModeChunks(assets: string): Promise<string[]> {
  const names = await readdir(assets);
  const storyMode = names.find((name) => /^story-mode-.*\.js$/.test(name));
  const app = names.find((name) => /^start-app-.*\.js$/.test(name));
  if (!storyMode) return [];
  const appChunks = app ? await staticImports(assets, app) : new Set<string>();
  return [...(await staticImports(assets, storyMode))].filter((file) => !appChunks.has(file));
}

/** The app's index.html with a story's head: its title, description, canonical and social tags. */
export function storyPageHtml(
  indexHtml: string,
  { id, story }: SiteStory,
  datasetTitle: string,
  options: SiteOptions = { site: '', base: '/', siteName: 'Dateline' },
  storyModeScripts: readonly string[] = [],
): string {
  const pageUrl = storyUrl(id, options);
  // The story's file and story mode's code are fetched at once, beside the app, not after it:
  // the step card is what the reader came for (its paint is the page's largest).
  const preloads = [
    `<link rel="preload" href="${escapeXml(`${options.base}data/stories/${encodeURIComponent(id)}.json`)}" as="fetch" crossorigin="anonymous" />`,
    ...storyModeScripts.map(
      (script) =>
        `<link rel="modulepreload" href="${escapeXml(`${options.base}assets/${script}`)}" />`,
    ),
  ];
  const imageUrl = `${pageUrl}/card.png`;
  const description =
    shortDescription(story.description) || `A story in ${story.steps.length} steps`;
  const tags = [
    `<link rel="canonical" href="${escapeXml(pageUrl)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="${escapeXml(options.siteName)}" />`,
    `<meta property="og:title" content="${escapeXml(story.title)}" />`,
    `<meta property="og:description" content="${escapeXml(description)}" />`,
    `<meta property="og:url" content="${escapeXml(pageUrl)}" />`,
    `<meta property="og:image" content="${escapeXml(imageUrl)}" />`,
    `<meta property="og:image:width" content="${CARD_WIDTH}" />`,
    `<meta property="og:image:height" content="${CARD_HEIGHT}" />`,
    `<meta property="og:image:alt" content="${escapeXml(`Map for the story “${story.title}”`)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeXml(story.title)}" />`,
    `<meta name="twitter:description" content="${escapeXml(description)}" />`,
    `<meta name="twitter:image" content="${escapeXml(imageUrl)}" />`,
    `<meta name="dateline:dataset" content="${escapeXml(datasetTitle)}" />`,
    ...preloads,
  ];
  return indexHtml
    .replace(
      /<title>[^<]*<\/title>/,
      `<title>${escapeXml(`${story.title} — ${options.siteName}`)}</title>`,
    )
    .replace(
      /<meta\s+name="description"[^>]*>/,
      `<meta name="description" content="${escapeXml(description)}" />`,
    )
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

/** The event a story's card shows: its cover, else its first step's event, else the first one. */
function storyCardEvent(
  { story }: SiteStory,
  events: readonly DatasetEvent[],
): DatasetEvent | null {
  const ids = [story.coverId, ...story.steps.map((step) => step.view.selectedId)];
  for (const id of ids) {
    const event = events.find((candidate) => candidate.id === id);
    if (event) return event;
  }
  return events[0] ?? null;
}

export async function prerenderSite({
  outDir,
  datasetFile,
  storiesDir = null,
  ...options
}: SiteOptions & {
  outDir: string;
  datasetFile: string;
  /** The site's `stories/` folder (docs/stories.md), or null for none. */
  storiesDir?: string | null;
}): Promise<void> {
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
  // The cards are drawn last, in fonts subset to the characters all of them use.
  const cards: { file: string; event: DatasetEvent; options: CardOptions }[] = [];
  const { stories, problems } = storiesDir
    ? await readStoriesFolder(storiesDir, dataset.events)
    : { stories: [], problems: [] };
  if (problems.length > 0) {
    throw new SiteBuildError(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} with the stories (docs/stories.md):\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  await mkdir(join(outDir, 'data', 'stories'), { recursive: true });
  await writeFile(
    join(outDir, 'data', 'stories', 'index.json'),
    `${JSON.stringify(storyIndex(stories), null, 2)}\n`,
  );
  const storyModeScripts = await storyModeChunks(join(outDir, 'assets'));
  for (const siteStory of stories) {
    const { id, story, text } = siteStory;
    await writeFile(join(outDir, 'data', 'stories', `${id}.json`), text);
    const folder = join(outDir, 'stories', id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'index.html'),
      storyPageHtml(indexHtml, siteStory, dataset.metadata.title, options, storyModeScripts),
    );
    const event = storyCardEvent(siteStory, dataset.events);
    if (!event) continue;
    const steps = `${story.steps.length} ${story.steps.length === 1 ? 'step' : 'steps'}`;
    const cardText: CardText = {
      title: story.title,
      meta: `Story  ·  ${steps}`,
      detail: story.description,
    };
    cards.push({ file: join(folder, 'card.png'), event, options: { palette, text: cardText } });
  }
  for (const event of dataset.events) {
    const folder = join(outDir, 'events', event.id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'index.html'),
      eventPageHtml(indexHtml, event, dataset.metadata.title, options),
    );
    await writeFile(join(folder, 'oembed.json'), oembedJson(event, options));
    cards.push({ file: join(folder, 'card.png'), event, options: { palette } });
  }
  const cardText = cards
    .flatMap(({ event, options }) =>
      cardTextLines(event, dataset.metadata.title, options).map((line) => line.text),
    )
    .join('');
  const cardsStarted = performance.now();
  const cardFonts = await subsetCardFonts(cardText);
  try {
    for (const { file, event, options } of cards) {
      const svg = socialCardSvg(event, basemap, dataset.metadata.title, options);
      await writeFile(file, renderCard(svg, cardFonts.files).asPng());
    }
  } finally {
    await cardFonts.remove();
  }
  console.log(
    `Drew ${cards.length} social cards in ${((performance.now() - cardsStarted) / 1000).toFixed(1)} s, in fonts subset to ${new Set(cardText).size} characters (${(cardFonts.bytes / 1024).toFixed(0)} KB)`,
  );
  await writeFile(join(outDir, '404.html'), indexHtml);
  const urls = [
    `${site}${base}`,
    ...dataset.events.map((event) => `${site}${base}events/${encodeURIComponent(event.id)}`),
    ...stories.map(({ id }) => storyUrl(id, options)),
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
    `Pre-rendered ${dataset.events.length} event pages with social cards and oEmbed answers, ${stories.length} story ${stories.length === 1 ? 'page' : 'pages'}, 404.html, sitemap.xml and robots.txt in ${outDir}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await prerenderSite({
      outDir: resolve(process.argv[2] ?? 'dist'),
      datasetFile: resolve('data/events.geojson'),
      storiesDir: resolve('data/stories'),
      site: (process.env.SITE_URL ?? '').replace(/\/$/, ''),
      base: process.env.BASE_PATH ?? '/',
      siteName: 'Dateline',
    });
  } catch (error) {
    if (!(error instanceof SiteBuildError)) throw error;
    console.error(`\nThe pages were not built.\n${error.message}`);
    process.exit(1);
  }
}
