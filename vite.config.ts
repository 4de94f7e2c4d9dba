/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { buildBasemap } from './src/features/map/basemap-shapes.ts';
import { encodeOutlines } from './src/features/map/outline-data.ts';
import { placeNamesPlugin } from './scripts/place-names-plugin.ts';
import { readStory } from './src/data/story/read-story.ts';

// A site built around another dataset (scripts/build-site.ts) names its converted file here.
const bundledDataset =
  process.env.DATELINE_DATASET_FILE ??
  fileURLToPath(new URL('./data/events.geojson', import.meta.url));

// The bundled stories (docs/stories.md): served in dev as the build publishes them.
const storiesFolder = fileURLToPath(new URL('./data/stories', import.meta.url));

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A site built around another dataset (scripts/build-site.ts) is named after it: the page's title
 * and description, and the shell painted before the script runs. Without one, index.html is kept.
 */
function siteIdentityPlugin(): Plugin {
  const title = process.env.DATELINE_SITE_TITLE;
  const description = process.env.DATELINE_SITE_DESCRIPTION;
  return {
    name: 'dateline-site-identity',
    apply: 'build',
    transformIndexHtml(html) {
      if (!title) return html;
      return html
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
        .replace(
          /<meta\s+name="description"[^>]*>/,
          `<meta name="description" content="${escapeHtml(description || title)}" />`,
        )
        .replace(
          '<p class="dataset-title">Loading dataset…</p>',
          `<p class="dataset-title">${escapeHtml(title)}</p>`,
        );
    },
  };
}

/**
 * A story file, or the list of stories (index.json), as the build publishes them
 * (scripts/prerender-events.ts); null for a name that is no story. The dev server does not check
 * the stories against the dataset: `npm run validate:data` and the build do.
 */
async function devStoryFile(name: string): Promise<string | null> {
  if (name === 'index.json') {
    const files = (await readdir(storiesFolder).catch(() => [])).filter((file) =>
      /^[a-z0-9-]+\.json$/.test(file),
    );
    const entries = [];
    for (const file of files.sort()) {
      let json: unknown = null;
      try {
        json = JSON.parse(await readFile(join(storiesFolder, file), 'utf8'));
      } catch {
        // Not JSON: left out of the list, as the build would refuse it.
      }
      const { story } = readStory(json);
      if (story) {
        const { title, description, steps } = story;
        entries.push({ id: file.slice(0, -5), title, description, steps: steps.length });
      }
    }
    return JSON.stringify(entries);
  }
  if (!/^[a-z0-9-]+\.json$/.test(name) || name === 'index.json') return null;
  return readFile(join(storiesFolder, name), 'utf8').catch(() => null);
}

/**
 * Serves data/events.geojson at <base>data/events.geojson in dev and copies it into the build, so
 * the dataset lives at the top of the repo (where people look for it) and is still fetched like
 * any other dataset URL, never bundled into the JavaScript.
 */
function bundledDatasetPlugin(): Plugin {
  return {
    name: 'dateline-bundled-dataset',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const storiesPath = `${server.config.base}data/stories/`;
        if (path.startsWith(storiesPath)) {
          const body = await devStoryFile(path.slice(storiesPath.length));
          // A story that does not exist is a 404, as on a static host, not the app's page.
          response.statusCode = body === null ? 404 : 200;
          response.setHeader('Content-Type', 'application/json; charset=utf-8');
          response.end(body ?? '{"error":"no such story"}');
          return;
        }
        if (path !== `${server.config.base}data/events.geojson`) return next();
        response.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        response.end(await readFile(bundledDataset));
      });
    },
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'data/events.geojson',
        source: await readFile(bundledDataset),
      });
    },
  };
}

/**
 * The Content Security Policy of the built site. Scripts come only from the site itself, never
 * inline, so text from a dataset that somehow reached the page as markup could still not run.
 * Datasets may be fetched from any http(s) address (`?data=`), and map tiles from any https
 * server. Markup may not carry style attributes (styles set from script are allowed).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Who may show the site in a frame: any page by default, so that an article can embed it
 * (`?embed=1`); FRAME_ANCESTORS (or the config's `frameAncestors`) narrows it, e.g.
 * `'self' https://news.example`. Only a real header can carry it: browsers ignore
 * frame-ancestors in a `<meta>` policy.
 */
const FRAME_ANCESTORS = process.env.FRAME_ANCESTORS?.trim() || '*';

/**
 * Puts the policy in every built page as a meta tag, and writes `_headers` (read by Netlify and
 * Cloudflare Pages) with the same policy as a real header plus a few safe defaults. Not in dev:
 * Vite's dev server needs inline scripts for hot reload.
 */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'dateline-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        /<meta charset="UTF-8" \/>/,
        `$&\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: [
          '/*',
          `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors ${FRAME_ANCESTORS}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '',
        ].join('\n'),
      });
    },
  };
}

const OUTLINES_MODULE = 'virtual:dateline/basemap-outlines';

interface OutlineFile {
  /** Under the site's base, e.g. assets/basemap-110m-1a2b3c4d.bin: named by content, cached forever. */
  fileName: string;
  bytes: Uint8Array;
}

async function outlineFile(scale: '110m' | '50m'): Promise<OutlineFile> {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    await readFile(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8'),
  ) as Parameters<typeof buildBasemap>[0];
  const bytes = encodeOutlines(buildBasemap(topology));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return { fileName: `assets/basemap-${scale}-${hash}.bin`, bytes };
}

/**
 * The offline basemap's two files (outline-data.ts), made from world-atlas when the app is built
 * or served: the page fetches them ready to draw. `virtual:dateline/basemap-outlines` exports
 * their addresses; dev serves them, the build writes them among the app's assets (so the service
 * worker keeps them for offline use).
 */
function basemapOutlinesPlugin(): Plugin {
  let base = '/';
  let files: Promise<{ coarse: OutlineFile; detailed: OutlineFile }> | null = null;
  const outlineFiles = () =>
    (files ??= Promise.all([outlineFile('110m'), outlineFile('50m')]).then(
      ([coarse, detailed]) => ({ coarse, detailed }),
      (error: unknown) => {
        files = null; // the next request tries again
        throw error;
      },
    ));
  return {
    name: 'dateline-basemap-outlines',
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === OUTLINES_MODULE ? `\0${OUTLINES_MODULE}` : undefined;
    },
    async load(id) {
      if (id !== `\0${OUTLINES_MODULE}`) return undefined;
      const { coarse, detailed } = await outlineFiles();
      return [
        `export const coarseOutlineUrl = ${JSON.stringify(base + coarse.fileName)};`,
        `export const detailedOutlineUrl = ${JSON.stringify(base + detailed.fileName)};`,
      ].join('\n');
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        // Only these requests wait for the files to be made.
        if (!path.startsWith(`${base}assets/basemap-`)) return next();
        outlineFiles().then(({ coarse, detailed }) => {
          const file = [coarse, detailed].find((each) => path === base + each.fileName);
          if (!file) return next();
          response.setHeader('Content-Type', 'application/octet-stream');
          response.end(file.bytes);
        }, next);
      });
    },
    async generateBundle() {
      const { coarse, detailed } = await outlineFiles();
      for (const file of [coarse, detailed]) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.bytes });
      }
    },
  };
}

const serviceWorkerSource = fileURLToPath(
  new URL('./src/features/offline/service-worker.js', import.meta.url),
);

/**
 * Writes `sw.js` beside index.html: the service worker (src/features/offline/service-worker.js) with the
 * list of the app's files it stores for offline use, and a version that changes with them.
 */
function serviceWorkerPlugin(): Plugin {
  return {
    name: 'dateline-service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle).filter(
          (file) => !file.endsWith('.map') && file.startsWith('assets/'),
        ),
        'favicon.svg',
      ].sort();
      // The build time too: a new page alone (new meta tags) must also reach offline readers.
      const version = createHash('sha256')
        .update(`${files.join('\n')}\n${Date.now()}`)
        .digest('hex')
        .slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: [
          `self.__DATELINE_FILES__ = ${JSON.stringify(files)};`,
          `self.__DATELINE_VERSION__ = ${JSON.stringify(version)};`,
          await readFile(serviceWorkerSource, 'utf8'),
        ].join('\n'),
      });
    },
  };
}

/**
 * Leaflet's parts that Dateline never uses, cut from its source by the comment that opens each
 * part up to the next part's: the layers control, tooltips, the GeoJSON layer (with the
 * `toGeoJSON` methods it adds to markers and paths), WMS tiles and the Canvas renderer. react-leaflet's own modules
 * still import the names, so each is left declared, as undefined. `next` is the comment of the part
 * that follows in leaflet-src.esm.js 1.9.4: if a new Leaflet moves it, the build fails here rather
 * than cutting the wrong code.
 */
const UNUSED_LEAFLET_PARTS = [
  { part: 'Control.Layers', next: 'Control.Zoom', names: ['Layers', 'layers'] },
  { part: 'GeoJSON', next: 'ImageOverlay', names: ['GeoJSON', 'geoJSON', 'geoJson'] },
  { part: 'Tooltip', next: 'DivIcon', names: ['Tooltip', 'tooltip'] },
  { part: 'TileLayer.WMS', next: 'Renderer', names: ['TileLayerWMS', 'tileLayerWMS'] },
  // The map draws its vector shapes (the precision halo) in SVG: nothing sets preferCanvas.
  { part: 'Canvas', next: 'SVG', names: ['Canvas', 'canvas'] },
];

function cutUnusedLeafletParts(code: string): string {
  // The comments' lines end in \r\n in Leaflet's file, its code's in \n.
  const opening = (name: string) =>
    new RegExp(`/\\*\\r?\\n \\* @class ${name.replace('.', '\\.')}\\r?\\n`);
  let cut = code;
  for (const { part, next, names } of UNUSED_LEAFLET_PARTS) {
    const start = cut.search(opening(part));
    const end = start < 0 ? -1 : start + cut.slice(start).search(opening(next));
    if (start < 0 || end <= start)
      throw new Error(`Leaflet's ${part} is not where the build expects it`);
    cut = `${cut.slice(0, start)}var ${names.map((name) => `${name} = undefined`).join(', ')};\n${cut.slice(end)}`;
  }
  // Two handlers Dateline never uses: markers are never dragged (Marker checks that MarkerDrag
  // exists), and nothing listens for `contextmenu`, which TapHold makes from a long press.
  const markerDrag = cut.search(/\/\*\r?\n \* L\.Handler\.MarkerDrag /);
  const marker = cut.search(opening('Marker'));
  if (markerDrag < 0 || marker <= markerDrag)
    throw new Error("Leaflet's MarkerDrag is not where the build expects it");
  cut = `${cut.slice(0, markerDrag)}var MarkerDrag = undefined;\n${cut.slice(marker)}`;
  const tapHold = cut.search(/\/\*\r?\n \* L\.Map\.TapHold /);
  const tapHoldEnd = "Map.addInitHook('addHandler', 'tapHold', TapHold);";
  const tapHoldEndAt = cut.indexOf(tapHoldEnd);
  if (tapHold < 0 || tapHoldEndAt <= tapHold)
    throw new Error("Leaflet's TapHold is not where the build expects it");
  cut = `${cut.slice(0, tapHold)}var TapHold = undefined;${cut.slice(tapHoldEndAt + tapHoldEnd.length)}`;
  // The parts' registrations on the namespaces, made after all the classes.
  return cut
    .replace('Control.Layers = Layers;', '')
    .replace('control.layers = layers;', '')
    .replace('TileLayer.WMS = TileLayerWMS;', '')
    .replace('tileLayer.wms = tileLayerWMS;', '')
    .replace(/^GeoJSON\.\w+ = \w+;$/gm, '');
}

/**
 * Leaflet makes each of its classes with a call (`Layer.extend({…})`, `extend({}, CRS, {…})`) that
 * the bundler cannot prove free of side effects, so every class stayed in the map's chunk whether
 * the app used it or not. The calls only build a class, so they are marked pure: the classes
 * nothing refers to (the image, video and SVG overlays, the rectangle, …) drop out of the first
 * load (docs/decisions.md §9). The parts that register themselves on Leaflet's namespaces are cut
 * (UNUSED_LEAFLET_PARTS).
 */
function pureLeafletClassesPlugin(): Plugin {
  return {
    name: 'dateline-pure-leaflet-classes',
    transform(code, id) {
      if (!id.endsWith('leaflet-src.esm.js')) return null;
      return cutUnusedLeafletParts(code)
        .replace(/^var (\w+) = (\w+)\.extend\(/gm, 'var $1 = /*#__PURE__*/ $2.extend(')
        .replace(/^var (\w+) = extend\(\{\}/gm, 'var $1 = /*#__PURE__*/ extend({}');
    },
  };
}

export default defineConfig({
  // BASE_PATH=/some/path/ npm run build puts the whole site under that path.
  base: process.env.BASE_PATH ?? '/',
  plugins: [
    react(),
    pureLeafletClassesPlugin(),
    bundledDatasetPlugin(),
    basemapOutlinesPlugin(),
    placeNamesPlugin(),
    contentSecurityPolicyPlugin(),
    siteIdentityPlugin(),
    // Last: it lists the files the others emitted.
    serviceWorkerPlugin(),
  ],
  resolve: {
    // Leaflet's ES module build, not its UMD file: the bundler can leave out some of what the map
    // never uses, which shrinks the first load (docs/performance.md).
    alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }],
  },
  build: {
    sourcemap: true,
    // No preload of a lazy chunk's imports, and no polyfill for it: both cost the first load bytes
    // (docs/decisions.md §15).
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'model',
              test: /src[\\/]data[\\/]model[\\/](date-label|calendar-day|derive-id)\.ts|src[\\/]lib[\\/]i18n[\\/](i18n|message|say-message)\.ts|src[\\/]locales[\\/]en\.ts|node_modules[\\/](react|scheduler|@lingui[\\/]core)[\\/]/,
            },
            {
              // Modules the file explorer's first load shares with server mode's lazy chunks:
              // one chunk, not one each (docs/performance.md, "The first load after #27").
              name: 'explorer-shared',
              test: /src[\\/]data[\\/]url[\\/](explorer-actions|url-state|play-param)\.ts|src[\\/]data[\\/]model[\\/](event-filter|translations)\.ts|src[\\/]data[\\/]query[\\/](search-text|filter)\.ts|src[\\/]lib[\\/]i18n[\\/]languages\.ts|src[\\/]lib[\\/](when-idle|is-plain-left-click)\.ts|node_modules[\\/]react-dom[\\/](index|cjs[\\/]react-dom\.production)\.js/,
            },
          ],
        },
      },
    },
  },
  // Module workers (both are started with type: 'module'), so that the import worker can fetch
  // its whole-file importer only when a file needs it.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
