/**
 * `dateline.config.json`: how to build a site around a dataset (`DATASET=… npm run build`,
 * docs/publishing.md). The app writes one from the reader's current reading of a file (Publish…);
 * the build reads it beside the dataset.
 */
import type { ColumnMapping, MappedField } from '../import/column-mapping.ts';
import { MAPPED_FIELDS } from '../import/column-mapping.ts';
import type { DayOrder } from '../import/date-cells.ts';
import type { ImportReport } from '../import/import-types.ts';
import type { DatasetMetadata } from '../model/schema.ts';

export const SITE_CONFIG_FILE_NAME = 'dateline.config.json';

export interface CategoryStyle {
  /** What the legend and the chronology call the category. */
  label?: string;
  /** A CSS hex colour, `#rrggbb`. */
  colour?: string;
}

export interface SiteConfig {
  title?: string;
  description?: string;
  /** Which column holds each field: only the fields that have one. */
  columns?: Partial<Record<MappedField, string>>;
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

/** The columns as a config names them: only the fields mapped to a column, in the fields' order. */
export function configColumns(mapping: ColumnMapping): Partial<Record<MappedField, string>> {
  const columns: Partial<Record<MappedField, string>> = {};
  for (const field of MAPPED_FIELDS) {
    const column = mapping[field];
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
  report: Pick<ImportReport, 'mapping' | 'dayOrder'> | null,
): SiteConfig {
  const config: SiteConfig = { title: metadata.title };
  if (metadata.description) config.description = metadata.description;
  if (report?.mapping) config.columns = configColumns(report.mapping);
  if (report?.mapping && report.dayOrder) config.dayOrder = report.dayOrder;
  return config;
}

/** The file's text: two-space indented JSON with a final newline, as people edit it. */
export function siteConfigText(config: SiteConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
