import { useMemo } from 'react';
import { closestEvents } from '../data/query/closest.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { isPlainLeftClick } from '../lib/is-plain-left-click.ts';
import { suggestionLabels } from './suggestion-labels.ts';

/** Where the links go in the translated sentence. */
const SLOT = '\u0000';

export interface NotFoundProps {
  missingId: string;
  /** All the dataset's events: the likeliest few are offered instead. */
  events: readonly DatasetEvent[];
  /** The dataset's own language, for the titles in the reader's (translations.ts). */
  originalLanguage: string | undefined;
  eventHref: (id: string) => string;
  onSelect: (id: string | null) => void;
}

/** A link to an id the dataset does not have: said plainly, with the likeliest events instead. */
export function NotFound({
  missingId,
  events,
  originalLanguage,
  eventHref,
  onSelect,
}: NotFoundProps) {
  const suggestions = useMemo(() => closestEvents(missingId, events), [missingId, events]);
  const labels = suggestionLabels(suggestions, originalLanguage);
  // The sentence and the list's words ("A, B or C") come from the language; the titles are links.
  const [before, after] = i18n
    ._('Did you mean {suggestions}?', { suggestions: SLOT })
    .split(SLOT) as [string, string?];
  const listParts = new Intl.ListFormat(i18n.locale, { type: 'disjunction' }).formatToParts(
    suggestions.map((event) => event.id),
  );
  const byId = new Map(suggestions.map((event, index) => [event.id, { event, index }]));
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {i18n._(
          'Event not found: no event with the id “{id}” is in this dataset. It may have been renamed or removed.',
          { id: missingId },
        )}
      </p>
      {suggestions.length > 0 && (
        <p className="not-found-suggestions">
          {before}
          {listParts.map((part, index) => {
            const suggestion = part.type === 'element' ? byId.get(part.value) : undefined;
            if (!suggestion) return <span key={index}>{part.value}</span>;
            const { event } = suggestion;
            return (
              <a
                key={index}
                href={eventHref(event.id)}
                dir="auto"
                onClick={(mouseEvent) => {
                  if (!isPlainLeftClick(mouseEvent)) return;
                  mouseEvent.preventDefault();
                  onSelect(event.id);
                }}
              >
                {labels[suggestion.index]}
              </a>
            );
          })}
          {after}
        </p>
      )}
      <button type="button" className="button" onClick={() => onSelect(null)}>
        {i18n._('Show all events')}
      </button>
    </div>
  );
}
