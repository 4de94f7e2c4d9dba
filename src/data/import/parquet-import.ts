/**
 * A Parquet file through the importer: read into a table of cells (parquet-table.ts), then the same
 * column detection and row checks as a CSV file (`importTable`). Its own module so that the import
 * worker fetches it, and the Parquet reader with it, only when a Parquet file is opened.
 */
import type { AsyncBuffer } from 'hyparquet';
import { blankReport, baseName } from './contract-sample.ts';
import {
  importTable,
  importTableStreamed,
  type StreamedImport,
  type TableToImport,
} from './import-dataset.ts';
import type { ImportChoices, ImportContext, ImportInput, ImportOutcome } from './import-types.ts';
import type { DatasetEvent } from '../model/schema.ts';
import { readParquetBytes, readParquetFile } from './parquet-table.ts';

/**
 * A Parquet file that may still be arriving (src/data/loading/arriving-file.ts). `settled`
 * resolves when all of it is in and agrees with what was read ahead of the download, and rejects
 * when it does not: no event is checked, or sent to the page, before then.
 */
export interface ArrivingParquet {
  name: string;
  file: AsyncBuffer;
  settled: Promise<void>;
}

async function parquetTable(
  name: string,
  read: (onRows: (rows: number) => void) => Promise<TableToImport['table']>,
  settled: Promise<void>,
  context: ImportContext,
): Promise<TableToImport> {
  context.onProgress?.({ stage: 'parsing', rows: 0 });
  let table: TableToImport['table'];
  try {
    // A download that disagrees with what was read ahead is said at once, not after a whole
    // read of the wrong bytes.
    [table] = await Promise.all([
      read((rows) => context.onProgress?.({ stage: 'parsing', rows })),
      settled,
    ]);
  } catch (error) {
    // A file that changed under the reader reads as broken: that is said by `settled`, not
    // blamed on the file.
    await settled;
    throw error;
  }
  return {
    name,
    table,
    rowLines: null,
    report: { ...blankReport(name, 'utf-8'), format: 'parquet' },
  };
}

function wholeFileTable(input: ImportInput, context: ImportContext): Promise<TableToImport> {
  const name = baseName(input.name);
  return parquetTable(
    name,
    (onRows) => readParquetBytes(input.bytes, name, onRows),
    Promise.resolve(),
    context,
  );
}

export async function importParquet(
  input: ImportInput,
  choices: ImportChoices | null,
  context: ImportContext,
): Promise<ImportOutcome> {
  return importTable(await wholeFileTable(input, context), choices, context);
}

/**
 * As importParquet, with the events sent a batch at a time as they are checked (the import
 * worker passes them on to the page, which rebuilds them meanwhile): importTableStreamed.
 */
export async function importParquetStreamed(
  input: ImportInput,
  choices: ImportChoices | null,
  context: ImportContext,
  send: (records: DatasetEvent[]) => void,
): Promise<StreamedImport> {
  return importTableStreamed(await wholeFileTable(input, context), choices, context, send);
}

/** As importParquetStreamed, for a file read while it downloads. */
export async function importArrivingParquet(
  input: ArrivingParquet,
  choices: ImportChoices | null,
  context: ImportContext,
  send: (records: DatasetEvent[]) => void,
): Promise<StreamedImport> {
  const name = baseName(input.name);
  const table = await parquetTable(
    name,
    (onRows) => readParquetFile(input.file, name, onRows),
    input.settled,
    context,
  );
  return importTableStreamed(table, choices, context, send);
}
