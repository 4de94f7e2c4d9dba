/**
 * Loading a dataset in parts (manifest.ts): each part in an import worker of its own, as many at
 * once as the machine has cores, then merged. Fetched by the page only for a manifest
 * (dataset-query.ts), so that this is not part of the first load.
 */
import { DatasetError } from '../model/dataset-error.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { fileNameOf } from './dataset-fetch.ts';
import type { Dataset } from '../model/schema.ts';
import type { ImportOutcome, ImportProgress, ImportReport } from '../import/import-types.ts';
import { mergeParts, type Manifest } from './manifest.ts';
import { runImport } from './run-import.ts';

export { readManifest } from './manifest.ts';

/** Parts at once: one worker per core, at most four (each holds its part's text while it works). */
const PARALLEL_PARTS = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

export async function loadManifest(
  manifest: Manifest,
  signal: AbortSignal | undefined,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const results: { name: string; dataset: Dataset; report: ImportReport }[] = [];
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < manifest.parts.length) {
      const index = next;
      next += 1;
      const part = manifest.parts[index];
      if (!part) continue;
      const name = fileNameOf(part.url);
      // The part's worker downloads it itself and reads its records as they arrive
      // (feature-stream.ts): the page never holds the part's bytes.
      const outcome = await runImport(
        { inputs: [], download: { url: part.url, name }, choices: null, sourceUrl: part.url },
        () => {},
        signal,
      );
      if (outcome.kind !== 'dataset') {
        throw new DatasetError(
          i18n._(
            'Part {number} ({name}) has columns the importer is not sure of. Open it on its own to check them, or give it plain column names.',
            { number: index + 1, name },
          ),
        );
      }
      results[index] = { name, dataset: outcome.dataset, report: outcome.report };
      done += 1;
      onProgress({ stage: 'parsing', rows: 0, part: { done, count: manifest.parts.length } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, manifest.parts.length) }, work));
  const dataset = mergeParts(manifest.title, results);
  const first = results[0]?.report;
  if (!first) throw new DatasetError(i18n._('The manifest lists no parts.'));
  return {
    kind: 'dataset',
    dataset,
    report: {
      ...first,
      fileName: i18n._('{count, plural, one {# part} other {# parts}}', {
        count: manifest.parts.length,
      }),
      format: first.format,
    },
  };
}
