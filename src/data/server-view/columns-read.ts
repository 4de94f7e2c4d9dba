/**
 * How a data server read its file's table (docs/server.md, the descriptor's `dataset.columns`):
 * which column became each field, and whether the importer's proposal was taken where it was
 * unsure, with no `dateline.config.json` to choose. About this file shows it, as it shows a file's
 * columns read in the page, so a reader can judge a date or a title by the column it came from.
 */

export interface ColumnsRead {
  /** The column each field was read from, by the field's name: `{ "date": "date_start" }`. */
  fields: Record<string, string>;
  /** The importer was unsure of some columns and no settings chose them: its proposal stands. */
  proposed: boolean;
  /** Of `fields`, those whose column the importer guessed by a weak name, and no settings set. */
  guessed: string[];
}

/** More than the importer has fields: a descriptor that lists more is not one to believe. */
const MAX_FIELDS = 64;

/**
 * The descriptor's `columns` as this client reads it: named columns only; anything else in its
 * place is no columns. Which fields the page knows is the page's to pick (server-file-details.tsx).
 */
export function readColumnsRead(value: unknown): ColumnsRead | null {
  if (typeof value !== 'object' || value === null) return null;
  const { fields, proposed, guessed } = value as {
    fields?: unknown;
    proposed?: unknown;
    guessed?: unknown;
  };
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  const named = Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .filter(([, column]) => column.trim() !== '')
    .slice(0, MAX_FIELDS);
  const read = Object.fromEntries(named);
  return {
    fields: read,
    proposed: proposed === true,
    // Absent from a server older than it; only fields it read.
    guessed: Array.isArray(guessed)
      ? [
          ...new Set(
            guessed.filter(
              (field): field is string => typeof field === 'string' && Object.hasOwn(read, field),
            ),
          ),
        ]
      : [],
  };
}
