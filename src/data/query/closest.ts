/**
 * For a link to an id that is not in the dataset (renamed, mistyped, cut short in a chat), the
 * events whose ids or titles share the most words with it, best first.
 */
import type { DatasetEvent } from '../model/schema.ts';
import { slugify } from '../model/derive-id.ts';

/** The words an id or a title is compared by: its slug's, of two letters or more. */
export function words(text: string): Set<string> {
  return new Set(
    slugify(text, 50)
      .split('-')
      .filter((word) => word.length > 1),
  );
}

export function closestEvents<Event extends Pick<DatasetEvent, 'id' | 'title'>>(
  missingId: string,
  events: readonly Event[],
  limit = 3,
): Event[] {
  const wanted = words(missingId);
  if (wanted.size === 0) return [];
  const scored: { event: Event; score: number }[] = [];
  for (const event of events) {
    const have = new Set([...words(event.id), ...words(event.title)]);
    let shared = 0;
    for (const word of wanted) {
      if (have.has(word)) shared += 1;
      else if (
        [...have].some((candidate) => candidate.startsWith(word) || word.startsWith(candidate))
      )
        shared += 0.5;
    }
    if (shared > 0) scored.push({ event, score: shared / wanted.size });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.event.title.localeCompare(b.event.title))
    .slice(0, limit)
    .map(({ event }) => event);
}
