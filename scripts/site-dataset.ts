/**
 * `DATASET=<path or URL> npm run build`: the dataset read in Node with the app's own importer
 * (import-dataset.ts, and manifest.ts for a dataset in parts), the config's choices applied, and
 * the result turned into the Dateline GeoJSON the built app fetches as its bundled dataset.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importDataset } from '../src/data/import/import-dataset.ts';
import { ColumnSettingsError, settledChoices } from '../src/data/import/configured-choices.ts';
import type { ImportReport } from '../src/data/import/import-types.ts';
import { mergeParts, readManifest } from '../src/data/loading/manifest.ts';
import { toGeoJson } from '../src/data/export/export.ts';
import { readableTitle } from '../src/data/export/site-config.ts';
import { DatasetError } from '../src/data/model/dataset-error.ts';
import type { CategoryStyle, DataIssue, Dataset } from '../src/data/model/schema.ts';
import { BASEMAP_COLOURS } from '../src/features/map/basemap-colours.ts';
import { isAddress, unknownCategoryWarnings, type CheckedSiteConfig } from './site-config-read.ts';

/** Why the site cannot be built: printed as it is, and the build exits with 1. */
export class SiteBuildError extends Error {}

interface Source {
  /** The file's name, as the importer and the reader see it. */
  name: string;
  bytes: Uint8Array;
  /** Its address: https:// for a download, file:// for a path. */
  href: string;
}

async function readSource(href: string): Promise<Source> {
  const url = new URL(href);
  const name = decodeURIComponent(basename(url.pathname)) || 'dataset';
  if (url.protocol === 'file:') {
    try {
      return { name, href, bytes: new Uint8Array(await readFile(fileURLToPath(url))) };
    } catch (error) {
      throw new SiteBuildError(
        `Cannot read ${fileURLToPath(url)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new SiteBuildError(
      `Cannot download ${href}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) throw new SiteBuildError(`Cannot download ${href}: HTTP ${response.status}.`);
  return { name, href, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Where the dataset is: an http(s) address, or a path from the working directory. */
export function sourceHref(location: string, cwd = process.cwd()): string {
  return isAddress(location) ? location : pathToFileURL(resolve(cwd, location)).href;
}

interface Read {
  dataset: Dataset;
  report: ImportReport;
  /** Said once, like "the columns the importer proposed were used". */
  notes: string[];
}

function readOne(source: Source, config: CheckedSiteConfig): Read {
  const notes: string[] = [];
  const sourceUrl = source.href.startsWith('file:') ? null : source.href;
  const input = [{ name: source.name, bytes: source.bytes }];
  let outcome;
  try {
    outcome = importDataset(input, null, { sourceUrl });
    const settled = settledChoices(outcome, config, source.name);
    notes.push(...settled.notes);
    if (settled.choices) outcome = importDataset(input, settled.choices, { sourceUrl });
  } catch (error) {
    if (error instanceof DatasetError || error instanceof ColumnSettingsError)
      throw new SiteBuildError(error.message);
    throw error;
  }
  if (outcome.kind !== 'dataset') {
    throw new SiteBuildError(`${source.name}: the config's columns were not accepted.`);
  }
  return { dataset: outcome.dataset, report: outcome.report, notes };
}

/** "Row 12 · line 13 · properties.date: …", as the app's Data issues panel names a record. */
export function describeIssue(issue: DataIssue): string {
  const where =
    issue.line === undefined
      ? `Record ${issue.position + 1}`
      : `Row ${issue.position + 1} · line ${issue.line}`;
  const id = issue.id ? ` (${issue.id})` : '';
  return `${where}${id} · ${issue.field}: ${issue.reason}`;
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** The map's water per theme (src/styles/tokens.css `--map-water`). */
const WATER = { light: '#c9dbe6', dark: '#0d1a26' } as const;

/** Categories whose colour a reader could miss on the map: under 3:1 against land or water. */
export function contrastWarnings(categories: Record<string, CategoryStyle>): string[] {
  const warnings: string[] = [];
  for (const [category, { colour }] of Object.entries(categories)) {
    if (!colour) continue;
    const weak = (['light', 'dark'] as const).flatMap((theme) =>
      (
        [
          ['land', BASEMAP_COLOURS[theme].land],
          ['water', WATER[theme]],
        ] as const
      )
        .map(([ground, background]) => ({
          ground,
          theme,
          ratio: contrastRatio(colour, background),
        }))
        .filter(({ ratio }) => ratio < 3),
    );
    if (weak.length > 0) {
      warnings.push(
        `Category "${category}": its colour ${colour} has less than 3:1 contrast against ${weak.map(({ ground, theme, ratio }) => `${theme} ${ground} (${ratio.toFixed(1)}:1)`).join(', ')}; its markers may be hard to see.`,
      );
    }
  }
  return warnings;
}

export interface SiteDataset {
  dataset: Dataset;
  title: string;
  description: string;
  /** The Dateline GeoJSON the built app fetches as its bundled dataset. */
  geojson: string;
  /** One line per record the importer could not read. */
  issues: string[];
  /** What the reader of the build log should know (proposals used, weak colours). */
  warnings: string[];
}

/**
 * Reads the dataset at `location` (path or http(s) address) as the app would, with the config's
 * choices. Throws SiteBuildError when no event can be read, or with `strict` on any issue.
 */
export async function readSiteDataset(
  location: string,
  config: CheckedSiteConfig,
  { strict = false, cwd = process.cwd() }: { strict?: boolean; cwd?: string } = {},
): Promise<SiteDataset> {
  const first = await readSource(sourceHref(location, cwd));
  const protocols = first.href.startsWith('file:') ? ['file:'] : ['http:', 'https:'];
  let manifest;
  try {
    manifest = readManifest(first.bytes, first.href, protocols);
  } catch (error) {
    if (error instanceof DatasetError) throw new SiteBuildError(`${first.name}: ${error.message}`);
    throw error;
  }
  const warnings: string[] = [];
  let dataset: Dataset;
  if (manifest) {
    const parts = [];
    for (const part of manifest.parts) {
      const read = readOne(await readSource(part.url), config);
      warnings.push(...read.notes);
      parts.push({ name: decodeURIComponent(basename(new URL(part.url).pathname)), ...read });
    }
    dataset = mergeParts(manifest.title, parts);
  } else {
    const read = readOne(first, config);
    warnings.push(...read.notes);
    dataset = read.dataset;
  }
  const ownTitle = dataset.metadata.title;
  const title =
    config.title ??
    (ownTitle && ownTitle !== first.name && ownTitle !== 'Untitled dataset'
      ? ownTitle
      : readableTitle(first.name));
  const description = config.description ?? dataset.metadata.description;
  const categories = { ...dataset.metadata.categories, ...config.categories };
  warnings.push(
    ...unknownCategoryWarnings(config, new Set(dataset.events.map((event) => event.category))),
  );
  warnings.push(...contrastWarnings(categories));
  const issues = dataset.issues.map(describeIssue);
  if (dataset.events.length === 0) {
    throw new SiteBuildError(
      [
        `No event could be read from ${first.name}${issues.length > 0 ? ':' : '.'}`,
        ...issues.slice(0, 20).map((line) => `  ${line}`),
        ...(issues.length > 20 ? [`  … and ${issues.length - 20} more`] : []),
      ].join('\n'),
    );
  }
  if (strict && (issues.length > 0 || warnings.length > 0)) {
    throw new SiteBuildError(
      [
        `--strict: ${first.name} has ${issues.length} record${issues.length === 1 ? '' : 's'} that cannot be read and ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`,
        ...issues.map((line) => `  ${line}`),
        ...warnings.map((line) => `  ${line}`),
      ].join('\n'),
    );
  }
  const metadata = {
    ...dataset.metadata,
    title,
    description,
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
  };
  dataset.metadata = metadata;
  // The rows left out travel with the data, so the site's Data issues panel lists them as the
  // app did for the original file.
  const withIssues = dataset.issues.length > 0 ? { ...metadata, issues: dataset.issues } : metadata;
  return {
    dataset,
    title,
    description,
    geojson: toGeoJson(dataset.events, withIssues),
    issues,
    warnings,
  };
}
