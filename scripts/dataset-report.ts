import type { Dataset } from '../src/data/model/schema.ts';

/**
 * Every problem of a dataset as one line each: the records the loader refused, plus links between
 * events that point nowhere (the app shows those unlinked, but a curated dataset should not have any)
 * and metadata the contract asks for.
 */
export function reportDatasetProblems(dataset: Dataset): string[] {
  const problems: string[] = dataset.issues.map((issue) => {
    const id = issue.id === null ? '' : ` (id "${issue.id}")`;
    const field = issue.field ? ` ${issue.field}:` : '';
    return `record ${issue.position + 1}${id}:${field} ${issue.reason}`;
  });
  const ids = new Set(dataset.events.map((event) => event.id));
  for (const event of dataset.events) {
    for (const related of event.related) {
      if (!ids.has(related)) {
        problems.push(
          `record ${event.position + 1} (id "${event.id}"): properties.related: no event has the id "${related}"`,
        );
      }
    }
  }
  if (dataset.metadata.title === 'Untitled dataset') problems.push('metadata.title is missing');
  return problems;
}
