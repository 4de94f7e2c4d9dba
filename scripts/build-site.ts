/**
 * `npm run build`: the app, then a page per event (prerender-events.ts).
 *
 * With DATASET=<path or URL>, the site is built around that dataset instead of data/events.geojson
 * (docs/publishing.md): it is read with the app's importer and its dateline.config.json (beside
 * it, or DATELINE_CONFIG=path), converted to Dateline GeoJSON, and bundled in its place; the
 * pages, social cards and headers take its title. `--strict` (or STRICT=1) stops the build on any
 * record that cannot be read; otherwise only a dataset without one readable event stops it.
 *
 *   DATASET=my-events.csv npm run build -- --strict --outDir dist-published
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { prerenderSite } from './prerender-events.ts';
import { SiteBuildError, readSiteDataset } from './site-dataset.ts';
import { SiteConfigError, isAddress, readSiteConfig } from './site-config-read.ts';

/** Where the converted dataset waits for the app's build (gitignored). */
const WORK_DIR = resolve('node_modules/.cache/dateline-site');

function option(args: readonly string[], name: string): string | null {
  const index = args.indexOf(name);
  return index === -1 ? null : (args[index + 1] ?? null);
}

async function main(args: readonly string[]): Promise<void> {
  const outDir = resolve(option(args, '--outDir') ?? 'dist');
  const location = process.env.DATASET?.trim();
  if (!location) {
    // Today's site: data/events.geojson, exactly as before.
    await build({ build: { outDir } });
    await prerenderSite({
      outDir,
      datasetFile: resolve('data/events.geojson'),
      storiesDir: resolve('data/stories'),
      site: (process.env.SITE_URL ?? '').replace(/\/$/, ''),
      base: process.env.BASE_PATH ?? '/',
      siteName: 'Dateline',
    });
    return;
  }
  const strict = args.includes('--strict') || process.env.STRICT === '1';
  const config = await readSiteConfig(
    location,
    process.env.DATELINE_CONFIG ?? null,
    'DATELINE_CONFIG',
  );
  const site = await readSiteDataset(location, config, { strict });
  const { events, recordCount } = site.dataset;
  console.log(
    `Dataset: ${location} → "${site.title}", ${events.length.toLocaleString('en-GB')} events of ${recordCount.toLocaleString('en-GB')} records.`,
  );
  if (site.issues.length > 0) {
    console.warn(
      `${site.issues.length} record${site.issues.length === 1 ? '' : 's'} cannot be read (the site's Data issues lists them too; --strict stops the build on them):`,
    );
    for (const line of site.issues) console.warn(`  ${line}`);
  }
  for (const warning of site.warnings) console.warn(`Warning: ${warning}`);

  await mkdir(WORK_DIR, { recursive: true });
  const datasetFile = join(WORK_DIR, 'events.geojson');
  await writeFile(datasetFile, site.geojson);
  // The environment wins over the config, as for a build without one.
  const base = process.env.BASE_PATH ?? config.basePath ?? '/';
  const siteUrl = (process.env.SITE_URL ?? config.siteUrl ?? '').replace(/\/$/, '');
  Object.assign(process.env, {
    DATELINE_DATASET_FILE: datasetFile,
    DATELINE_SITE_TITLE: site.title,
    DATELINE_SITE_DESCRIPTION: site.description,
    BASE_PATH: base,
    ...(config.frameAncestors && !process.env.FRAME_ANCESTORS
      ? { FRAME_ANCESTORS: config.frameAncestors }
      : {}),
  });
  await build({ base, build: { outDir } });
  // Stories sit in a `stories/` folder beside a dataset file (not beside an address).
  const storiesDir = isAddress(location) ? null : join(dirname(resolve(location)), 'stories');
  await prerenderSite({
    outDir,
    datasetFile,
    storiesDir,
    site: siteUrl,
    base,
    siteName: site.title,
  });
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SiteBuildError || error instanceof SiteConfigError) {
    console.error(`\nThe site was not built.\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
