/** bench/.cache: the generated datasets both benchmarks load, made once and kept between runs. */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeSyntheticDataset } from '../synthetic-dataset.ts';

export const CACHE = resolve('bench/.cache');

export function makeCacheFolder(): void {
  mkdirSync(CACHE, { recursive: true });
}

/** The synthetic dataset of `count` events in the cache, generated if missing: its file name. */
export async function cachedSyntheticFile(count: number): Promise<string> {
  const file = `synthetic-${count}.geojson`;
  if (!existsSync(join(CACHE, file))) {
    console.log(`  generating ${count.toLocaleString('en-GB')} synthetic events…`);
    await writeSyntheticDataset(count, join(CACHE, file));
  }
  return file;
}
