/** The load benchmark's command line: which datasets, and where the real catalogues are. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOGUES } from './load-datasets.ts';

export const USAGE = `Usage: npx tsx scripts/bench.ts [sizes…] [parquet] [quakes] [--real-catalogues <folder>]
  sizes                      any of 1000 10000 100000 1000000 (none given: all of them, parquet and quakes)
  parquet                    1,000,000 events as one GeoJSON file and as one Parquet file
  quakes                     the ~82,000 real earthquakes (needs the catalogues' folder)
  --real-catalogues <folder> the folder with ${CATALOGUES.join(', ')}
                             (or BENCH_CATALOGUES=<folder>; without either, quakes are skipped)
Environment: BENCH_SKIP_NAIVE=1 (no naive baseline), BENCH_DIST=<build> (another build),
  BENCH_NETWORK_MBIT=<speed> (the page's downloads at that speed, 20 ms latency).`;

interface Options {
  /** Sizes and "quakes"; empty for all. */
  wanted: string[];
  /** The real catalogues' folder, resolved; null when not given. */
  catalogues: string | null;
  help: boolean;
}

export function parseOptions(args: string[]): Options {
  const wanted: string[] = [];
  let catalogues: string | null = null;
  let help = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--real-catalogues') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new Error('--real-catalogues needs a folder: --real-catalogues /path/to/scale');
      }
      catalogues = value;
      index += 1;
    } else if (arg.startsWith('--real-catalogues=')) {
      catalogues = arg.slice('--real-catalogues='.length);
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    } else wanted.push(arg);
  }
  const folder = catalogues ?? (process.env.BENCH_CATALOGUES || null);
  return { wanted, catalogues: folder === null ? null : resolve(folder), help };
}

/** The folder, checked: it must hold the three catalogues. */
export function checkCatalogues(folder: string): void {
  const missing = CATALOGUES.filter((name) => {
    try {
      return !statSync(join(folder, name)).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`The real-catalogue folder ${folder} lacks ${missing.join(', ')}.`);
  }
}
