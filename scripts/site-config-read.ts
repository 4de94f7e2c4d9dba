/**
 * Reads and checks `dateline.config.json` (docs/publishing.md) strictly: a publisher's typo must
 * stop the build with the key and the reason, never quietly build a different site.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { MAPPED_FIELDS, type MappedField } from '../src/data/import/column-mapping.ts';
import { SITE_CONFIG_FILE_NAME, type SiteConfig } from '../src/data/export/site-config.ts';

/** A mistake in the config: the build stops and prints it. */
export class SiteConfigError extends Error {}

/** The config as the build uses it: columns may also be null ("this field has no column"). */
export type CheckedSiteConfig = Omit<SiteConfig, 'columns'> & {
  columns?: Partial<Record<MappedField, string | null>>;
  /** The file it was read from, as named (configured-choices.ts ColumnSettings). */
  configName?: string;
};

const KEYS = [
  '$schema',
  'title',
  'description',
  'columns',
  'dayOrder',
  'categories',
  'siteUrl',
  'basePath',
  'frameAncestors',
] as const;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export function checkSiteConfig(json: unknown, fileName: string): CheckedSiteConfig {
  const fail = (message: string): never => {
    throw new SiteConfigError(`${fileName}: ${message}`);
  };
  if (!isRecord(json)) return fail(`expected an object ({ … }), found ${typeName(json)}.`);
  for (const key of Object.keys(json)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      fail(`unknown key "${key}". Known keys: ${KEYS.filter((k) => k !== '$schema').join(', ')}.`);
    }
  }
  const text = (key: 'title' | 'description' | 'siteUrl' | 'basePath' | 'frameAncestors') => {
    const value = json[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      return fail(`"${key}" should be non-empty text, found ${typeName(value)}.`);
    }
    return value.trim();
  };
  const config: CheckedSiteConfig = {};
  const title = text('title');
  if (title !== undefined) config.title = title;
  const description = text('description');
  if (description !== undefined) config.description = description;
  const siteUrl = text('siteUrl');
  if (siteUrl !== undefined) {
    if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(siteUrl)) {
      fail(
        `"siteUrl" should be an http(s) address like "https://news.example.org", found "${siteUrl}".`,
      );
    }
    config.siteUrl = siteUrl.replace(/\/$/, '');
  }
  const basePath = text('basePath');
  if (basePath !== undefined) {
    if (!/^\/([\w.~-]+\/)*$/.test(basePath)) {
      fail(
        `"basePath" should start and end with "/", like "/news/dateline/", found "${basePath}".`,
      );
    }
    config.basePath = basePath;
  }
  const frameAncestors = text('frameAncestors');
  if (frameAncestors !== undefined) {
    if (/[;,\n]/.test(frameAncestors)) {
      fail(
        `"frameAncestors" is a list of sources separated by spaces (like "'self' https://news.example"), without ";" or ",".`,
      );
    }
    config.frameAncestors = frameAncestors;
  }
  if (json.dayOrder !== undefined) {
    if (json.dayOrder !== 'day-first' && json.dayOrder !== 'month-first') {
      fail(`"dayOrder" should be "day-first" or "month-first", found ${typeName(json.dayOrder)}.`);
    }
    config.dayOrder = json.dayOrder as 'day-first' | 'month-first';
  }
  if (json.columns !== undefined) {
    if (!isRecord(json.columns))
      fail(`"columns" should be an object, found ${typeName(json.columns)}.`);
    const columns: Partial<Record<MappedField, string | null>> = {};
    for (const [field, column] of Object.entries(json.columns as Record<string, unknown>)) {
      if (!(MAPPED_FIELDS as readonly string[]).includes(field)) {
        fail(`"columns" has an unknown field "${field}". Fields: ${MAPPED_FIELDS.join(', ')}.`);
      }
      if (column !== null && (typeof column !== 'string' || column === '')) {
        fail(
          `"columns.${field}" should be a column's name (or null for none), found ${typeName(column)}.`,
        );
      }
      columns[field as MappedField] = column as string | null;
    }
    config.columns = columns;
  }
  if (json.categories !== undefined) {
    if (!isRecord(json.categories)) {
      fail(`"categories" should be an object, found ${typeName(json.categories)}.`);
    }
    const categories: NonNullable<SiteConfig['categories']> = {};
    for (const [category, style] of Object.entries(json.categories as Record<string, unknown>)) {
      const where = `"categories.${category}"`;
      if (!isRecord(style)) fail(`${where} should be an object like { "label": …, "colour": … }.`);
      const entry = style as Record<string, unknown>;
      for (const key of Object.keys(entry)) {
        if (key !== 'label' && key !== 'colour')
          fail(`${where} has an unknown key "${key}" (label, colour).`);
      }
      if (
        entry.label !== undefined &&
        (typeof entry.label !== 'string' || entry.label.trim() === '' || entry.label.length > 80)
      ) {
        fail(`${where}.label should be text of 1–80 characters, found ${typeName(entry.label)}.`);
      }
      if (
        entry.colour !== undefined &&
        (typeof entry.colour !== 'string' || !HEX_COLOUR.test(entry.colour))
      ) {
        fail(`${where}.colour should be a colour like "#d55e00", found ${typeName(entry.colour)}.`);
      }
      categories[category] = {
        ...(entry.label !== undefined ? { label: (entry.label as string).trim() } : {}),
        ...(entry.colour !== undefined ? { colour: (entry.colour as string).toLowerCase() } : {}),
      };
    }
    config.categories = categories;
  }
  return config;
}

export function parseSiteConfigText(text: string, fileName: string): CheckedSiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SiteConfigError(
      `${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return checkSiteConfig(json, fileName);
}

/** An http(s) address, not a path on disk. */
export function isAddress(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Where its config is looked for when none is named: beside a file; nowhere for an address. */
export function defaultConfigPath(location: string, cwd = process.cwd()): string | null {
  return isAddress(location) ? null : join(dirname(resolve(cwd, location)), SITE_CONFIG_FILE_NAME);
}

/**
 * The config of the dataset at `location`: the file `named` (by `namedBy`, e.g. DATELINE_CONFIG or
 * --config), which must exist, or else `dateline.config.json` beside a dataset on disk, if there is
 * one (none but its name when not: `configName`, for messages). Says which file it read.
 */
export async function readSiteConfig(
  location: string,
  named: string | null,
  namedBy: string,
): Promise<CheckedSiteConfig> {
  const path = named ? resolve(named) : defaultConfigPath(location);
  // Messages about settings left unset name the file to write them in.
  if (path === null || (!named && !existsSync(path))) return { configName: SITE_CONFIG_FILE_NAME };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SiteConfigError(
      `${namedBy} names ${path}, which cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  console.log(`Config: ${path}`);
  // Messages about its keys name it as it was named, or as the file beside the dataset.
  return { ...parseSiteConfigText(text, path), configName: named || SITE_CONFIG_FILE_NAME };
}

/**
 * A label in the config's `categories` for a category no event has: most likely a typo, said by
 * the site build and the data server alike.
 */
export function unknownCategoryWarnings(
  {
    categories,
    configName = SITE_CONFIG_FILE_NAME,
  }: Pick<CheckedSiteConfig, 'categories' | 'configName'>,
  known: ReadonlySet<string>,
): string[] {
  return Object.keys(categories ?? {})
    .filter((category) => !known.has(category))
    .map(
      (category) =>
        `${configName}: "categories.${category}" names a category no event has. Categories: ${[...known].map((each) => `"${each}"`).join(', ')}.`,
    );
}
