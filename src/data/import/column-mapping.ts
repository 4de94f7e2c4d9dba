/**
 * The fields a table's columns can be mapped to, and the mapping itself: which column holds each
 * field, as proposeMapping (columns.ts) guesses it and the reader confirms or changes it.
 */
import { combineEvidence, type DayOrder, type DayOrderEvidence } from './date-cells.ts';

export const MAPPED_FIELDS = [
  'date',
  'endDate',
  'latitude',
  'longitude',
  'title',
  'summary',
  'place',
  'link',
  'publisher',
  'category',
  'id',
  'country',
  'locationPrecision',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Each field's column name, or null when the file has none for it. */
export type ColumnMapping = Record<MappedField, string | null>;

export const REQUIRED_FIELDS: readonly MappedField[] = ['date', 'latitude', 'longitude', 'title'];

export const FIELD_LABELS: Record<MappedField, string> = {
  date: 'Date',
  endDate: 'End date',
  latitude: 'Latitude',
  longitude: 'Longitude',
  title: 'Title',
  summary: 'Summary',
  place: 'Place',
  link: 'Source link',
  publisher: 'Source publisher',
  category: 'Category',
  id: 'ID',
  country: 'Country code',
  locationPrecision: 'Location precision',
};

export interface ImportTable {
  columns: string[];
  rows: string[][];
}

/**
 * What the importer says about its guess, as a code the interface words in the reader's language
 * (the import worker carries no catalogue). Each mirrors one of the English `doubts` or
 * `suggestions`, which the build's log prints.
 */
export type MappingNote =
  | { kind: 'missing'; field: MappedField }
  | { kind: 'guessed' | 'from-values'; field: MappedField; column: string }
  | { kind: 'category'; column: string; count: number; over?: { column: string; count: number } }
  | { kind: 'day-order'; evidence: 'undecided' | 'conflicting' };

export interface MappingProposal {
  mapping: ColumnMapping;
  dayOrder: DayOrder;
  dayOrderEvidence: DayOrderEvidence;
  /** The same for every column, so the dialog can answer for whichever the reader picks. */
  evidenceByColumn: Record<string, DayOrderEvidence>;
  /** Why the reader should look before importing; empty when the importer is sure. */
  doubts: string[];
  /** Columns chosen from their content alone, said for About this file. */
  suggestions: string[];
  /** The doubts and suggestions as codes, for the interface to say in the reader's language. */
  doubtNotes: MappingNote[];
  suggestionNotes: MappingNote[];
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(MAPPED_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/** The evidence of the columns a mapping reads dates from. */
export function evidenceFor(
  evidenceByColumn: Record<string, DayOrderEvidence>,
  mapping: Pick<ColumnMapping, 'date' | 'endDate'>,
): DayOrderEvidence {
  const of = (column: string | null) =>
    column === null ? 'not-needed' : (evidenceByColumn[column] ?? 'not-needed');
  return combineEvidence(of(mapping.date), of(mapping.endDate));
}
