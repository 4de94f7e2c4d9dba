/**
 * A Parquet file through the importer: read into a table of cells (parquet-table.ts), then the same
 * column detection and row checks as a CSV file (`importTable`). Its own module so that the import
 * worker fetches it, and the Parquet reader with it, only when a Parquet file is opened.
 */
import { blankReport, baseName } from './contract-sample.ts';
import { importTable, importTableStreamed, type TableToImport } from './import-dataset.ts';
import type { ImportChoices, ImportContext, ImportInput, ImportOutcome } from './import-types.ts';
import type { DatasetEvent } from '../model/schema.ts';
import type { RecordSettlement } from './record-settlement.ts';
import { readParquetBytes } from './parquet-table.ts';

async function parquetTable(input: ImportInput, context: ImportContext): Promise<TableToImport> {
  const name = baseName(input.name);
  context.onProgress?.({ stage: 'parsing', rows: 0 });
  const table = await readParquetBytes(input.bytes, name, (rows) =>
    context.onProgress?.({ stage: 'parsing', rows }),
  );
  return {
    name,
    table,
    rowLines: null,
    report: { ...blankReport(name, 'utf-8'), format: 'parquet' },
  };
}

export async function importParquet(
  input: ImportInput,
  choices: ImportChoices | null,
  context: ImportContext,
): Promise<ImportOutcome> {
  return importTable(await parquetTable(input, context), choices, context);
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
): Promise<{ outcome: ImportOutcome; settlement: RecordSettlement | null }> {
  return importTableStreamed(await parquetTable(input, context), choices, context, send);
}
