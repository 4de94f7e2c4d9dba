/**
 * A file on the server's disk read as the app reads one opened in the browser: the same importer,
 * so the same column detection, validation, ids and Data issues (src/data/import/). A Parquet file
 * (GeoParquet too) is read by DuckDB into a table of cells, then imported as a CSV file's table is.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError } from '../data/model/dataset-error.ts';
import type { Dataset } from '../data/model/schema.ts';
import { blankReport } from '../data/import/contract-sample.ts';
import { importDataset, importTable } from '../data/import/import-dataset.ts';
import { readParquetTable } from './read-parquet.ts';

export async function loadDataset(path: string): Promise<Dataset> {
  const name = basename(path);
  const outcome = /\.(geo)?parquet$/i.test(name)
    ? importTable(
        {
          name,
          table: await readParquetTable(path),
          rowLines: null,
          report: blankReport(name, 'utf-8'),
        },
        null,
        { sourceUrl: null },
      )
    : importDataset([{ name, bytes: new Uint8Array(await readFile(path)) }], null, {
        sourceUrl: null,
      });
  if (outcome.kind === 'needs-mapping') {
    throw new DatasetError(
      `${name}: the importer is not sure of its columns (${outcome.proposal.doubts.join(' ')}) Open it in Dateline to check them, or give the columns plain names.`,
    );
  }
  return outcome.dataset;
}
