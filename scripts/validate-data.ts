/**
 * npm run validate:data [file]: checks a dataset file against the contract (default: the bundled
 * one), prints every problem with its record, id, field and reason, and exits non-zero if any.
 * The stories in the `stories/` folder beside the file (data/stories/ for the bundled one) are
 * checked too: each against the story format and against this dataset (docs/stories.md).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatEventDate } from '../src/data/model/date-label.ts';
import { DatasetError } from '../src/data/model/dataset-error.ts';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { reportDatasetProblems } from './dataset-report.ts';
import { readStoriesFolder } from './site-stories.ts';

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
    const storiesDir = join(dirname(file), 'stories');
    const stories = await readStoriesFolder(storiesDir, dataset.events);
    const problems = [...reportDatasetProblems(dataset), ...stories.problems];
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
    if (stories.stories.length + stories.problems.length > 0)
      console.log(
        `  ${stories.stories.length} ${stories.stories.length === 1 ? 'story' : 'stories'} in ${storiesDir} read well: ${stories.stories.map(({ id }) => id).join(', ') || 'none'}`,
      );
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length > 0) {
      console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
      return 1;
    }
    console.log(
      stories.stories.length > 0
        ? '✓ The dataset meets the contract, and its stories the story format.'
        : '✓ The dataset meets the contract.',
    );
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
