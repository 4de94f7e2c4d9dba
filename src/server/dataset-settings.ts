/**
 * What a dataset's `dateline.config.json` (docs/publishing.md) tells the data server: the columns
 * and day order to read the file with (configured-choices.ts), and the title, description and
 * category labels and colours the explorer shows, as a site built from the same file shows them.
 * The site's own keys (siteUrl, basePath, frameAncestors) do not concern a server.
 */
import {
  ColumnSettingsError,
  settledChoices,
  type ColumnSettings,
} from '../data/import/configured-choices.ts';
import {
  MAPPED_FIELDS,
  type ColumnMapping,
  type MappingNote,
} from '../data/import/column-mapping.ts';
import type { ImportChoices, ImportOutcome } from '../data/import/import-types.ts';
import type { ColumnsRead } from '../data/server-view/columns-read.ts';
import { DatasetError } from '../data/model/dataset-error.ts';
import type { CategoryStyle, DatasetMetadata } from '../data/model/schema.ts';

export interface DatasetSettings extends ColumnSettings {
  title?: string;
  description?: string;
  categories?: Record<string, CategoryStyle>;
}

/** What a server says once to whoever started it, like "the importer's proposal was used". */
export type SayNote = (note: string) => void;

/** The file's metadata with the settings' title, description and category styles over it. */
export function settledMetadata(
  metadata: DatasetMetadata,
  { title, description, categories }: DatasetSettings,
): DatasetMetadata {
  const styles = { ...metadata.categories, ...categories };
  return {
    ...metadata,
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(Object.keys(styles).length > 0 ? { categories: styles } : {}),
  };
}

/**
 * The choices to read `name` again with (null: as first read), for either of the server's loads:
 * the notes said, and a settings mistake given as the file's own error, which the server prints.
 */
export function serverChoices(
  outcome: ImportOutcome,
  settings: DatasetSettings,
  name: string,
  say: SayNote,
): ImportChoices | null {
  try {
    const { choices, notes } = settledChoices(outcome, settings, name);
    notes.forEach(say);
    return choices;
  } catch (error) {
    if (error instanceof ColumnSettingsError) throw new DatasetError(error.message);
    throw error;
  }
}

/**
 * What a server tells the page of the columns it read with `mapping` (About this file), given what
 * its first import with no choices doubted (null when it was sure) and whether the settings chose
 * columns. Null for a file without a table (GeoJSON).
 */
export function columnsRead(
  mapping: ColumnMapping | null,
  doubts: readonly MappingNote[] | null,
  settings: DatasetSettings,
): ColumnsRead | null {
  if (mapping === null) return null;
  const fields: Record<string, string> = {};
  for (const field of MAPPED_FIELDS) {
    const column = mapping[field];
    if (column !== null) fields[field] = column;
  }
  // A doubt of the day order alone is not one of the columns (its note says so at start).
  const columnDoubts = (doubts ?? []).filter((note) => note.kind !== 'day-order');
  const proposed = columnDoubts.length > 0 && settings.columns === undefined;
  // The columns it took on a guess, still read by and not set by the settings: the ones a
  // reader should look at.
  const guessed = columnDoubts.flatMap((note) =>
    note.kind === 'guessed' &&
    mapping[note.field] === note.column &&
    settings.columns?.[note.field] === undefined
      ? [note.field]
      : [],
  );
  return { fields, proposed, guessed: [...new Set(guessed)] };
}
