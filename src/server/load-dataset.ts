/**
 * A file on the server's disk read as the app reads one opened in the browser: the same importer,
 * so the same column detection, validation, ids and Data issues (src/data/import/).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError } from '../data/model/dataset-error.ts';
import type { Dataset } from '../data/model/schema.ts';
import { importDataset } from '../data/import/import-dataset.ts';

export async function loadDataset(path: string): Promise<Dataset> {
  const bytes = new Uint8Array(await readFile(path));
  const outcome = importDataset([{ name: basename(path), bytes }], null, { sourceUrl: null });
  if (outcome.kind === 'needs-mapping') {
    throw new DatasetError(
      `${basename(path)}: the importer is not sure of its columns (${outcome.proposal.doubts.join(' ')}) Open it in Dateline to check them, or give the columns plain names.`,
    );
  }
  return outcome.dataset;
}
