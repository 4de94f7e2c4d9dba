/**
 * A Parquet file through the importer: read into a table of cells (parquet-table.ts), then the same
 * column detection and row checks as a CSV file (`importTable`). Its own module so that the import
 * worker fetches it, and the Parquet reader with it, only when a Parquet file is opened.
 */
import { blankReport, baseName } from './contract-sample.ts';
import { importTable } from './import-dataset.ts';
import type { ImportChoices, ImportContext, ImportInput, ImportOutcome } from './import-types.ts';
import { readParquetBytes } from './parquet-table.ts';

export async function importParquet(
  input: ImportInput,
  choices: ImportChoices | null,
  context: ImportContext,
): Promise<ImportOutcome> {
  const name = baseName(input.name);
  context.onProgress?.({ stage: 'parsing', rows: 0 });
  const table = await readParquetBytes(input.bytes, name, (rows) =>
    context.onProgress?.({ stage: 'parsing', rows }),
  );
  return importTable(
    { name, table, rowLines: null, report: { ...blankReport(name, 'utf-8'), format: 'parquet' } },
    choices,
    context,
  );
}
