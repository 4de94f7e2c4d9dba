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
 *   dist/ko/…                     the same pages in Korean (site-languages.ts): the explorer's
 *                                 shell (ko/index.html), ko/events/<id>/ with the event's Korean
 *                                 title and summary (its `translations.ko`) and a Korean card,
 *                                 ko/stories/<id>/; every page names the other language's
 *                                 (hreflang) and the sitemap lists both
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
import {
  categoryPalette,
  countCategories,
  type CategoryPalette,
} from '../src/data/model/categories.ts';
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
import {
  OG_LOCALES,
  PAGE_LANGUAGES,
  PAGE_WORDS,
  eventDate,
  eventText,
  koreanShellHtml,
  languagePrefix,
  type EventText,
  type PageLanguage,
} from './site-languages.ts';

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

/** A page in one language: its language, and the dataset file's features (for translations). */
export interface PageOptions {
  language?: PageLanguage;
  /** The dataset file's `features`, where an event's `translations` are read (site-languages.ts). */
  rawFeatures?: readonly unknown[];
}

function eventUrl(
  event: DatasetEvent,
  { site, base }: SiteOptions,
  language: PageLanguage = 'en',
): string {
  return `${site}${base}${languagePrefix(language)}events/${encodeURIComponent(event.id)}`;
}

/** The page's own locale and canonical, and the links to it in every language (hreflang). */
function languageTags(url: (language: PageLanguage) => string, language: PageLanguage): string[] {
  return [
    `<link rel="canonical" href="${escapeXml(url(language))}" />`,
    ...PAGE_LANGUAGES.map(
      (other) => `<link rel="alternate" hreflang="${other}" href="${escapeXml(url(other))}" />`,
    ),
    `<link rel="alternate" hreflang="x-default" href="${escapeXml(url(PAGE_LANGUAGES[0] ?? 'en'))}" />`,
    `<meta property="og:locale" content="${OG_LOCALES[language]}" />`,
    ...PAGE_LANGUAGES.filter((other) => other !== language).map(
      (other) => `<meta property="og:locale:alternate" content="${OG_LOCALES[other]}" />`,
    ),
  ];
}

/** The event's oEmbed answer (oembed.com, "rich"): its embed view in a frame, and its card. */
export function oembedJson(
  event: DatasetEvent,
  options: SiteOptions,
  { language = 'en', rawFeatures = [] }: PageOptions = {},
): string {
  const pageUrl = eventUrl(event, options, language);
  const { title } = eventText(event, language, rawFeatures);
  return `${JSON.stringify(
    {
      type: 'rich',
      version: '1.0',
      title,
      provider_name: options.siteName,
      provider_url: `${options.site}${options.base}${languagePrefix(language)}`,
      html: embedSnippet({
        src: `${pageUrl}?embed=1`,
        title: `${title} — ${options.siteName}`,
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

export function eventDescription(
  event: DatasetEvent,
  language: PageLanguage = 'en',
  text: EventText = eventText(event, language),
): string {
  const place = text.place || PAGE_WORDS[language].placeNotGiven;
  const description = `${eventDate(event.date, language)}, ${place}. ${text.summary}`.trim();
  return description.length > 200
    ? `${description.slice(0, 199).replace(/\s+\S*$/, '')}…`
    : description;
}

/** The shell's map, and the place the phone's card takes under it (selection-bar.css). */
const MAP_IN_SHELL = '<div class="map-region"></div>';
const SELECTION_CARD_IN_SHELL = '<div class="selection-bar-waiting" aria-hidden="true"></div>';

/**
 * The app's index.html (the Korean shell for a Korean page) with one event's head: title,
 * description, canonical, the other language's address and social tags; and, in the shell, the
 * place of the phone's card for the event.
 */
export function eventPageHtml(
  indexHtml: string,
  event: DatasetEvent,
  datasetTitle: string,
  options: SiteOptions = { site: '', base: '/', siteName: 'Dateline' },
  { language = 'en', rawFeatures = [] }: PageOptions = {},
): string {
  const pageUrl = eventUrl(event, options, language);
  const imageUrl = `${pageUrl}/card.png`;
  const text = eventText(event, language, rawFeatures);
  const title = `${text.title} — ${options.siteName}`;
  const description = eventDescription(event, language, text);
  const tags = [
    ...languageTags((other) => eventUrl(event, options, other), language),
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="${escapeXml(options.siteName)}" />`,
    `<meta property="og:title" content="${escapeXml(text.title)}" />`,
    `<meta property="og:description" content="${escapeXml(description)}" />`,
    `<meta property="og:url" content="${escapeXml(pageUrl)}" />`,
    `<meta property="og:image" content="${escapeXml(imageUrl)}" />`,
    `<meta property="og:image:width" content="${CARD_WIDTH}" />`,
    `<meta property="og:image:height" content="${CARD_HEIGHT}" />`,
    `<meta property="og:image:alt" content="${escapeXml(PAGE_WORDS[language].mapOf(text.place, text.title))}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeXml(text.title)}" />`,
    `<meta name="twitter:description" content="${escapeXml(description)}" />`,
    `<meta name="twitter:image" content="${escapeXml(imageUrl)}" />`,
    `<meta name="dateline:dataset" content="${escapeXml(datasetTitle)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeXml(`${pageUrl}/oembed.json`)}" title="${escapeXml(text.title)}" />`,
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(title)}</title>`)
    .replace(
      /<meta\s+name="description"[^>]*>/,
      `<meta name="description" content="${escapeXml(description)}" />`,
    )
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`)
    .replace(MAP_IN_SHELL, `${MAP_IN_SHELL}${SELECTION_CARD_IN_SHELL}`);
}

function storyUrl(id: string, { site, base }: SiteOptions, language: PageLanguage = 'en'): string {
  return `${site}${base}${languagePrefix(language)}stories/${encodeURIComponent(id)}`;
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
  language: PageLanguage = 'en',
): string {
  const pageUrl = storyUrl(id, options, language);
  const words = PAGE_WORDS[language];
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
  const description = shortDescription(story.description) || words.storyInSteps(story.steps.length);
  const tags = [
    ...languageTags((other) => storyUrl(id, options, other), language),
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="${escapeXml(options.siteName)}" />`,
    `<meta property="og:title" content="${escapeXml(story.title)}" />`,
    `<meta property="og:description" content="${escapeXml(description)}" />`,
    `<meta property="og:url" content="${escapeXml(pageUrl)}" />`,
    `<meta property="og:image" content="${escapeXml(imageUrl)}" />`,
    `<meta property="og:image:width" content="${CARD_WIDTH}" />`,
    `<meta property="og:image:height" content="${CARD_HEIGHT}" />`,
    `<meta property="og:image:alt" content="${escapeXml(words.mapForStory(story.title))}" />`,
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

/** The dataset file's `features` as written (where translations are read), or none. */
function rawFeaturesOf(text: string): unknown[] {
  const json = JSON.parse(text) as { features?: unknown };
  return Array.isArray(json.features) ? json.features : [];
}

/** What an event's card says in a language: its title, the date there, its category and place. */
export function eventCardText(
  event: DatasetEvent,
  palette: CategoryPalette,
  { language = 'en', rawFeatures = [] }: PageOptions = {},
): CardText {
  const text = eventText(event, language, rawFeatures);
  return {
    title: text.title,
    meta: [
      eventDate(event.date, language),
      PAGE_WORDS[language].category(palette.labelOf(event.category)),
    ].join('  ·  '),
    detail: text.place,
  };
}

/** Every page in every language, each naming its other languages (xhtml:link, as hreflang). */
function sitemapXml(pages: readonly ((language: PageLanguage) => string)[]): string {
  const entries = pages.flatMap((url) =>
    PAGE_LANGUAGES.map((language) =>
      [
        `  <url><loc>${escapeXml(url(language))}</loc>`,
        ...PAGE_LANGUAGES.map(
          (other) =>
            `<xhtml:link rel="alternate" hreflang="${other}" href="${escapeXml(url(other))}"/>`,
        ),
        '</url>',
      ].join(''),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
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
  const englishHtml = await readFile(join(outDir, 'index.html'), 'utf8');
  const datasetText = await readFile(datasetFile, 'utf8');
  const dataset = parseDatasetText(datasetText);
  // Translations are read from the file itself while the model does not carry them.
  const rawFeatures = rawFeaturesOf(datasetText);
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
  // The explorer in each language: the English page as built, the Korean shell beside it.
  // A Korean page fetches the Korean catalogue beside the app, not after it: the first render
  // waits for it (prepareFirstRender in src/app/app.tsx).
  const koreanCatalogue = (await readdir(join(outDir, 'assets'))).find((name) =>
    /^ko-[\w-]+\.js$/.test(name),
  );
  const koreanPreload = koreanCatalogue
    ? `    <link rel="modulepreload" href="${escapeXml(`${base}assets/${koreanCatalogue}`)}" />\n  </head>`
    : '</head>';
  const shells: Record<PageLanguage, string> = {
    en: englishHtml,
    ko: koreanShellHtml(englishHtml, options.siteName !== 'Dateline').replace(
      '</head>',
      koreanPreload,
    ),
  };
  const homeUrl = (language: PageLanguage) => `${site}${base}${languagePrefix(language)}`;
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
    await writeFile(join(outDir, 'data', 'stories', `${siteStory.id}.json`), siteStory.text);
  }
  for (const language of PAGE_LANGUAGES) {
    const languageDir = join(outDir, languagePrefix(language));
    const indexHtml = shells[language];
    const words = PAGE_WORDS[language];
    for (const siteStory of stories) {
      const { id, story } = siteStory;
      const folder = join(languageDir, 'stories', id);
      await mkdir(folder, { recursive: true });
      await writeFile(
        join(folder, 'index.html'),
        storyPageHtml(
          indexHtml,
          siteStory,
          dataset.metadata.title,
          options,
          storyModeScripts,
          language,
        ),
      );
      const event = storyCardEvent(siteStory, dataset.events);
      if (!event) continue;
      const cardText: CardText = {
        title: story.title,
        meta: words.storyMeta(story.steps.length),
        detail: story.description,
      };
      cards.push({
        file: join(folder, 'card.png'),
        event,
        options: { palette, text: cardText, language },
      });
    }
    for (const event of dataset.events) {
      const folder = join(languageDir, 'events', event.id);
      await mkdir(folder, { recursive: true });
      const page = { language, rawFeatures };
      await writeFile(
        join(folder, 'index.html'),
        eventPageHtml(indexHtml, event, dataset.metadata.title, options, page),
      );
      await writeFile(join(folder, 'oembed.json'), oembedJson(event, options, page));
      cards.push({
        file: join(folder, 'card.png'),
        event,
        options: { palette, language, text: eventCardText(event, palette, page) },
      });
    }
  }
  // The explorer's pages name each other too; written after the event pages, which are made
  // from the shells without these tags (each event page has its own).
  await mkdir(join(outDir, languagePrefix('ko')), { recursive: true });
  for (const language of PAGE_LANGUAGES) {
    const tags = languageTags(homeUrl, language).filter((tag) => !tag.includes('canonical'));
    await writeFile(
      join(outDir, languagePrefix(language), 'index.html'),
      shells[language].replace('</head>', `    ${tags.join('\n    ')}\n  </head>`),
    );
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
  await writeFile(join(outDir, '404.html'), englishHtml);
  await writeFile(
    join(outDir, 'sitemap.xml'),
    sitemapXml([
      homeUrl,
      ...dataset.events.map(
        (event) => (language: PageLanguage) => eventUrl(event, options, language),
      ),
      ...stories.map(
        ({ id }) =>
          (language: PageLanguage) =>
            storyUrl(id, options, language),
      ),
    ]),
  );
  await writeFile(
    join(outDir, 'robots.txt'),
    // A sitemap must be named by an absolute URL: without SITE_URL there is none to give.
    `User-agent: *\nAllow: /\n${site ? `Sitemap: ${site}${base}sitemap.xml\n` : ''}`,
  );
  console.log(
    `Pre-rendered ${dataset.events.length} event pages with social cards and oEmbed answers, ${stories.length} story ${stories.length === 1 ? 'page' : 'pages'}, each in ${PAGE_LANGUAGES.join(' and ')}, 404.html, sitemap.xml and robots.txt in ${outDir}`,
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
