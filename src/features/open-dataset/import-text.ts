/**
 * The importer's words in the reader's language: the fields a column can be, what the importer
 * says of its guess (codes from the import worker, which carries no catalogue), the file's format
 * and the categories it merged.
 */
import type { CategoryMerge } from '../../data/import/category-cells.ts';
import type { MappedField, MappingNote } from '../../data/import/column-mapping.ts';
import type { ImportReport } from '../../data/import/import-types.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

/** A field's name, as the column dialog and About this file label it. */
export function fieldLabel(field: MappedField): string {
  switch (field) {
    case 'date':
      return i18n._('Date');
    case 'endDate':
      return i18n._('End date');
    case 'latitude':
      return i18n._('Latitude');
    case 'longitude':
      return i18n._('Longitude');
    case 'title':
      return i18n._('Title');
    case 'summary':
      return i18n._('Summary');
    case 'place':
      return i18n._('Place');
    case 'link':
      return i18n._('Source link');
    case 'publisher':
      return i18n._('Source publisher');
    case 'category':
      return i18n._('Category');
    case 'id':
      return i18n._('ID');
    case 'country':
      return i18n._('Country code');
    case 'locationPrecision':
      return i18n._('Location precision');
  }
}

/** The field named inside a sentence: "the latitude" in English, where labels are capitalised. */
function fieldInSentence(field: MappedField): string {
  return fieldLabel(field).toLocaleLowerCase(i18n.locale);
}

/** What the importer says of one of its guesses (column-mapping.ts, MappingNote). */
export function mappingNoteText(note: MappingNote): string {
  switch (note.kind) {
    case 'missing':
      return i18n._('No column looks like the {field}.', { field: fieldInSentence(note.field) });
    case 'guessed':
      return i18n._('“{column}” was guessed as the {field}.', {
        column: note.column,
        field: fieldInSentence(note.field),
      });
    case 'from-values':
      return i18n._('“{column}” was read as the {field} from its values.', {
        column: note.column,
        field: fieldInSentence(note.field),
      });
    case 'category':
      return note.over
        ? i18n._(
            '“{column}” was suggested as the category: {count} values, each on many rows, where “{other}” has at least {otherCount}, too many to colour apart.',
            {
              column: note.column,
              count: note.count,
              other: note.over.column,
              otherCount: note.over.count,
            },
          )
        : i18n._('“{column}” was suggested as the category: {count} values, each on many rows.', {
            column: note.column,
            count: note.count,
          });
    case 'day-order':
      return note.evidence === 'undecided'
        ? i18n._('Every date fits both day/month and month/day order: which is it?')
        : i18n._('The dates mix day/month and month/day order: some rows will be reported.');
  }
}

/** The file's format, as About this file names it. */
export function formatLabel(format: ImportReport['format']): string {
  switch (format) {
    case 'dateline-geojson':
      return 'Dateline GeoJSON';
    case 'geojson':
      return i18n._('GeoJSON (mapped)');
    case 'json':
      return i18n._('JSON (mapped)');
    case 'csv':
      return 'CSV';
    case 'parquet':
      return 'Parquet';
  }
}

/** “Graphic” (3 rows), “graphic ” (1 row) into “GRAPHIC”: one merge of category spellings. */
export function mergeText({ into, merged }: CategoryMerge): string {
  const forms = merged
    .map(({ from, rows }) =>
      i18n._('“{form}” ({rows, plural, one {# row} other {# rows}})', { form: from, rows }),
    )
    .join(', ');
  return i18n._('{forms} into “{into}”', { forms, into });
}

/** The rule for two-digit years (date-cells.ts, TWO_DIGIT_YEAR_PIVOT), stated where it applied. */
export function twoDigitYearsText(): string {
  return i18n._('Two-digit years: 69–99 are read as 1969–1999, 00–68 as 2000–2068.');
}
