/**
 * The datasets the load benchmark opens: synthetic ones generated into the cache, a million in
 * parts behind a manifest, and the real earthquakes converted from their catalogues.
 */
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { toGeoJson } from '../../src/data/export/export.ts';
import { importDataset } from '../../src/data/import/import-dataset.ts';
import { syntheticFeatures, writeSyntheticManifest } from '../synthetic-dataset.ts';
import { CACHE, cachedSyntheticFile } from './dataset-cache.ts';

/** The three real catalogues behind "quakes", in the folder named by --real-catalogues. */
export const CATALOGUES = [
  'earthquakes-japan-1990-2019.csv',
  'earthquakes-san-jacinto-2008-2017.csv',
  'earthquakes-m55-1965-2016.csv',
];

export interface DatasetSpec {
  name: string;
  file: string;
  events: number;
}

/** A million events as ten yearly parts behind a manifest, loaded side by side. */
export async function manifestSpec(count: number, parts: number): Promise<DatasetSpec> {
  const file = `synthetic-${count}-manifest.json`;
  if (!existsSync(join(CACHE, file))) {
    console.log(
      `  generating ${count.toLocaleString('en-GB')} synthetic events in ${parts} parts…`,
    );
    await writeSyntheticManifest(count, CACHE, parts);
  }
  return {
    name: `synthetic ${count.toLocaleString('en-GB')} (${parts} parts)`,
    file,
    events: count,
  };
}

/** One CSV cell, quoted where it needs to be. */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same synthetic events as the JSON rows, as one Parquet file (Snappy, DuckDB's default): the
 * columns a table of events has (no GeoJSON nesting), with coordinates as DOUBLE and the rest as
 * text, as an export from a database or a notebook holds them. Written through a CSV file that
 * DuckDB converts. Its own name in the cache: the server bench's Parquet files
 * (synthetic-parquet.ts) are other rows, written another way.
 */
export async function parquetSpec(count: number): Promise<DatasetSpec> {
  const file = `synthetic-${count}-table.parquet`;
  const path = join(CACHE, file);
  if (!existsSync(path)) {
    console.log(`  generating ${count.toLocaleString('en-GB')} synthetic events as Parquet…`);
    const csvPath = join(CACHE, `synthetic-${count}-for-parquet.csv`);
    const out = createWriteStream(csvPath);
    out.write('id,title,summary,date,place,category,source_url,longitude,latitude\n');
    for (const feature of syntheticFeatures(count)) {
      const { properties: p, geometry } = feature;
      const row = [
        feature.id,
        p.title,
        p.summary,
        p.date,
        p.place,
        p.category ?? '',
        p.sources[0]?.url ?? '',
        geometry.coordinates[0] ?? '',
        geometry.coordinates[1] ?? '',
      ];
      if (!out.write(`${row.map(csvCell).join(',')}\n`))
        await new Promise<void>((done) => out.once('drain', () => done()));
    }
    out.end();
    await finished(out);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const text = ['id', 'title', 'summary', 'date', 'place', 'category', 'source_url'];
    const columns = [
      ...text.map((name) => `'${name}': 'VARCHAR'`),
      `'longitude': 'DOUBLE'`,
      `'latitude': 'DOUBLE'`,
    ].join(', ');
    await connection.run(
      `COPY (SELECT * FROM read_csv('${csvPath}', header = true, columns = {${columns}})) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    rmSync(csvPath);
  }
  return { name: `synthetic ${count.toLocaleString('en-GB')} (Parquet)`, file, events: count };
}

/** The same synthetic events as one Dateline GeoJSON file, beside the parts and the Parquet file. */
export async function oneFileSpec(count: number): Promise<DatasetSpec> {
  const file = await cachedSyntheticFile(count);
  return {
    name: `synthetic ${count.toLocaleString('en-GB')} (one GeoJSON file)`,
    file,
    events: count,
  };
}

export async function syntheticSpec(count: number): Promise<DatasetSpec> {
  const file = await cachedSyntheticFile(count);
  return { name: `synthetic ${count.toLocaleString('en-GB')}`, file, events: count };
}

/** The three real catalogues, read by Dateline's own importer and written out in its format. */
export function earthquakesSpec(folder: string): DatasetSpec {
  const file = 'earthquakes.geojson';
  if (!existsSync(join(CACHE, file))) {
    console.log(`  converting the real earthquake catalogues in ${folder}…`);
    const events = CATALOGUES.flatMap((name) => {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const first = importDataset([{ name, bytes }], null, { sourceUrl: null });
      const outcome =
        first.kind === 'dataset'
          ? first
          : importDataset(
              [{ name, bytes }],
              { mapping: first.proposal.mapping, dayOrder: first.proposal.dayOrder },
              { sourceUrl: null },
            );
      if (outcome.kind !== 'dataset') throw new Error(`${name} did not import`);
      // Ids are per file (0, 1, 2…): prefixed so that the three can share one dataset.
      const prefix = name.split('-')[1] ?? 'x';
      return outcome.dataset.events.map((event) => ({ ...event, id: `${prefix}-${event.id}` }));
    });
    const metadata = {
      title: 'Real earthquakes',
      description: '',
      license: '',
      source: '',
      updated: '',
    };
    writeFileSync(join(CACHE, file), toGeoJson(events, metadata));
  }
  const count = (JSON.parse(readFileSync(join(CACHE, file), 'utf8')) as { features: unknown[] })
    .features.length;
  return { name: `real earthquakes ${count.toLocaleString('en-GB')}`, file, events: count };
}

/** The size of the file in the cache (of all its parts, for a manifest). */
export function fileMegabytes(file: string): number {
  const path = join(CACHE, file);
  const bytes = readFileSync(path);
  if (!file.endsWith('manifest.json')) return bytes.length / 1e6;
  const parts = (JSON.parse(bytes.toString('utf8')) as { parts: { url: string }[] }).parts;
  return parts.reduce((sum, part) => sum + readFileSync(join(CACHE, part.url)).length / 1e6, 0);
}
