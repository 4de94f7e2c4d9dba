/**
 * `dateline.config.json`: how to build a site around a dataset (`DATASET=… npm run build`,
 * docs/publishing.md). The app writes one from the reader's current reading of a file (Publish…);
 * the build reads it beside the dataset.
 */
import type { DatasetMetadata } from '../model/schema.ts';

// Structural copies of the importer's ColumnMapping and DayOrder (data/import): export code may
// not import the importer, and a config is plain JSON anyway. The build checks the names.
type ColumnChoices = Readonly<Record<string, string | null>>;
type DayOrder = 'day-first' | 'month-first';

/** How a file was read, as far as its config keeps it (the importer's ImportReport fits). */
export interface Reading {
  fileName: string;
  mapping: ColumnChoices | null;
  dayOrder: DayOrder | null;
}

export const SITE_CONFIG_FILE_NAME = 'dateline.config.json';

interface CategoryStyle {
  /** What the legend and the chronology call the category. */
  label?: string;
  /** A CSS hex colour, `#rrggbb`. */
  colour?: string;
}

export interface SiteConfig {
  title?: string;
  description?: string;
  /** Which column holds each field (the importer's field names): only the fields that have one. */
  columns?: Record<string, string>;
  /** How numeric dates like 03/04/2024 are read. */
  dayOrder?: DayOrder;
  /** By category value as it is in the file. */
  categories?: Record<string, CategoryStyle>;
  /** The public address the site is served from, e.g. `https://news.example.org`. */
  siteUrl?: string;
  /** The path under it, e.g. `/dateline/`. */
  basePath?: string;
  /** The Content Security Policy's `frame-ancestors`: who may embed the site. Any site by default. */
  frameAncestors?: string;
}

/** The columns as a config names them: only the fields mapped to a column, in the mapping's order. */
function configColumns(mapping: ColumnChoices): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null) columns[field] = column;
  }
  return columns;
}

/**
 * The config of what the reader sees now: the dataset's title and description, and for a table
 * the column choices and day order the reader made or accepted, so the build reads the file the
 * same way.
 */
export function siteConfigFromReading(
  metadata: Pick<DatasetMetadata, 'title' | 'description'>,
  report: Reading | null,
): SiteConfig {
  // A file without a title of its own is named after the file: a site deserves better than
  // "my-events.csv".
  const title =
    report && metadata.title === report.fileName ? readableTitle(report.fileName) : metadata.title;
  const config: SiteConfig = { title };
  if (metadata.description) config.description = metadata.description;
  if (report?.mapping) config.columns = configColumns(report.mapping);
  if (report?.mapping && report.dayOrder) config.dayOrder = report.dayOrder;
  return config;
}

/** "ukraine-civilian_harm-2022.csv" → "Ukraine civilian harm 2022". */
export function readableTitle(fileName: string): string {
  const words = fileName
    .replace(/\.[a-z0-9]{1,8}$/i, '')
    .replace(/[-_.\s]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : fileName;
}

/** The file's text: two-space indented JSON with a final newline, as people edit it. */
export function siteConfigText(config: SiteConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** A word the shell reads back exactly: bare when it is safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Where the dataset to publish is, as the build is told. */
export type PublishedDataset =
  | { kind: 'bundled' }
  /** A file the reader has: it goes into Dateline's folder, with the config beside it. */
  | { kind: 'file'; name: string }
  /** An address the build downloads: the config is named, since nothing can sit beside it. */
  | { kind: 'address'; url: string };

/** The command that builds the site, run in Dateline's folder. */
export function publishCommand(dataset: PublishedDataset): string {
  switch (dataset.kind) {
    case 'bundled':
      return 'npm run build';
    case 'file':
      return `DATASET=${shellWord(dataset.name)} npm run build`;
    case 'address':
      return `DATELINE_CONFIG=${SITE_CONFIG_FILE_NAME} DATASET=${shellWord(dataset.url)} npm run build`;
  }
}
