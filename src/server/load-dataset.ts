/**
 * A file on the server's disk read as the app reads one opened in the browser: the same importer,
 * so the same column detection, validation, ids and Data issues (src/data/import/). A Parquet file
 * (GeoParquet too) is read by DuckDB into a table of cells, then imported as a CSV file's table is.
 * The columns the importer is unsure of are the config's, or its proposal (configured-choices.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError } from '../data/model/dataset-error.ts';
import { blankReport } from '../data/import/contract-sample.ts';
import { importDataset, importTable } from '../data/import/import-dataset.ts';
import type { ImportChoices, ImportOutcome } from '../data/import/import-types.ts';
import {
  columnsRead,
  serverChoices,
  settledMetadata,
  type DatasetSettings,
  type SayNote,
} from './dataset-settings.ts';
import type { ServedDataset } from './engine.ts';
import { readParquetTable } from './read-parquet.ts';

export async function loadDataset(
  path: string,
  settings: DatasetSettings = {},
  say: SayNote = () => undefined,
): Promise<ServedDataset> {
  const name = basename(path);
  let read: (choices: ImportChoices | null) => ImportOutcome;
  if (/\.(geo)?parquet$/i.test(name)) {
    const table = await readParquetTable(path);
    read = (choices) =>
      importTable({ name, table, rowLines: null, report: blankReport(name, 'utf-8') }, choices, {
        sourceUrl: null,
      });
  } else {
    const bytes = new Uint8Array(await readFile(path));
    read = (choices) => importDataset([{ name, bytes }], choices, { sourceUrl: null });
  }
  let outcome: ImportOutcome | null = read(null);
  // What About this file says of the columns: this first reading's doubts, if any.
  const doubts = outcome.kind === 'needs-mapping' ? outcome.proposal.doubtNotes : null;
  const choices = serverChoices(outcome, settings, name, say);
  if (choices) {
    // The first reading is let go before the second is made: a few million events each.
    // eslint-disable-next-line no-useless-assignment -- the null frees it for the collector
    outcome = null;
    outcome = read(choices);
  }
  if (outcome === null || outcome.kind === 'needs-mapping') {
    throw new DatasetError(`${name}: the importer did not accept the columns chosen for it.`);
  }
  const { dataset, report } = outcome;
  return {
    ...dataset,
    metadata: settledMetadata(dataset.metadata, settings),
    categoryColumn: report.mapping?.category ?? null,
    columns: columnsRead(report.mapping, doubts, settings),
  };
}
