/**
 * The words of each "Did you mean …?" link. A title alone where it names one event; where
 * several suggestions share a title (a table's rows named by their conflict, "Russia - Ukraine"),
 * each says as much more as tells them apart: its date, then its place, then its id.
 */
import { formatEventDate } from '../data/model/date-label.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventText } from '../data/model/translations.ts';
import { i18n } from '../lib/i18n/i18n.ts';

interface Suggestion {
  title: string;
  /** What may be said after the title, in the order it is added: date, place, id. */
  details: string[];
  /** How many of those the label says. */
  said: number;
}

function labelOf({ title, details, said }: Suggestion): string {
  return said === 0
    ? title
    : i18n._('{title} ({details})', { title, details: details.slice(0, said).join(', ') });
}

/** Each event's label, in the reader's language where the data has a translation. */
export function suggestionLabels(
  events: readonly DatasetEvent[],
  originalLanguage: string | undefined,
): string[] {
  const suggestions: Suggestion[] = events.map((event) => {
    const text = eventText(event, i18n.locale, originalLanguage);
    const details = [formatEventDate(event.date), text.place, event.id].filter(Boolean);
    return { title: text.title, details, said: 0 };
  });
  for (;;) {
    const labels = suggestions.map(labelOf);
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    const repeated = suggestions.filter(
      (suggestion, index) =>
        (counts.get(labels[index] ?? '') ?? 0) > 1 && suggestion.said < suggestion.details.length,
    );
    if (repeated.length === 0) return labels;
    for (const suggestion of repeated) suggestion.said += 1;
  }
}
