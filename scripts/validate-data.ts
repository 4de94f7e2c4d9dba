/**
 * npm run validate:data [file]: checks a dataset file against the contract (default: the bundled
 * one), prints every problem with its record, id, field and reason, and exits non-zero if any.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatEventDate } from '../src/data/model/date-label.ts';
import { DatasetError } from '../src/data/model/dataset-error.ts';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { reportDatasetProblems } from './dataset-report.ts';

async function main(): Promise<number> {
  const file = resolve(process.argv[2] ?? 'data/events.geojson');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(
      `✗ Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  try {
    const dataset = parseDatasetText(text);
    const problems = reportDatasetProblems(dataset);
    console.log(`${file}: "${dataset.metadata.title}"`);
    console.log(
      `  ${dataset.recordCount} records: ${dataset.events.length} valid, ${dataset.issues.length} with issues`,
    );
    if (dataset.events.length > 0) {
      const first = dataset.events[0];
      const last = dataset.events[dataset.events.length - 1];
      if (first && last)
        console.log(`  from ${formatEventDate(first.date)} to ${formatEventDate(last.date)}`);
    }
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length > 0) {
      console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
      return 1;
    }
    console.log('✓ The dataset meets the contract.');
    return 0;
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(`✗ ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
