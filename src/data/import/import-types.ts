/** The importer's shapes, shared by the whole-file importer, the quick reader and the loading code. */
import type { Dataset } from '../model/schema.ts';
import type { CategoryMerge } from './category-cells.ts';
import type { ColumnMapping, MappingProposal } from './column-mapping.ts';
import type { DayOrder } from './date-cells.ts';
import type { TextEncodingName } from './decode-text.ts';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportChoices {
  mapping: ColumnMapping;
  dayOrder: DayOrder;
}

export interface ImportProgress {
  stage: 'waiting' | 'downloading' | 'reading' | 'parsing' | 'checking';
  /** While waiting: seconds since the server last sent anything. */
  silentSeconds?: number;
  /**
   * Rows read or checked so far; while downloading, the records already read from the part that
   * has arrived (feature-stream.ts), or 0.
   */
  rows: number;
  /** Bytes downloaded so far, and the total when the server says it. */
  bytes?: number;
  totalBytes?: number | null;
  /** For a dataset in parts (a manifest): how many parts are in. */
  part?: { done: number; count: number };
}

type DatasetFormat = 'dateline-geojson' | 'geojson' | 'json' | 'csv' | 'parquet';

/** How a file was read, for the reader to check: shown beside the dataset's name. */
export interface ImportReport {
  fileName: string;
  format: DatasetFormat;
  encoding: TextEncodingName;
  /** Null for files already in our contract. */
  mapping: ColumnMapping | null;
  dayOrder: DayOrder | null;
  /** True when two-digit years were read, so the pivot rule is stated. */
  twoDigitYears: boolean;
  /** Joins made with companion files, like "facility → facilities". */
  joins: string[];
  /** Where in a JSON file the records were found. */
  recordsPath: string | null;
  columns: string[];
  /** The importer's own guess, offered again when the reader wants to change the columns. */
  proposal: MappingProposal | null;
  /** The first rows, for the reader to see what the columns hold. */
  preview: string[][];
  /** Other groups of records in a JSON file that were not imported, like "archive[] (12)". */
  otherRecordGroups: string[];
  /** Rows whose id repeats an earlier row's: they keep their place with an id of their own. */
  repeatedIds: number;
  /** Category values merged because they differed only in case or spacing ("Graphic" → "GRAPHIC"). */
  categoryMerges: CategoryMerge[];
}

export type ImportOutcome =
  | { kind: 'dataset'; dataset: Dataset; report: ImportReport }
  | { kind: 'needs-mapping'; proposal: MappingProposal; report: ImportReport };

export interface ImportContext {
  /** The dataset's own address, linked as the source of rows that name none; null for local files. */
  sourceUrl: string | null;
  onProgress?: (progress: ImportProgress) => void;
}
