import { useMemo } from 'react';
import { closestEvents } from '../data/query/closest.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { isPlainLeftClick } from '../lib/is-plain-left-click.ts';

export interface NotFoundProps {
  missingId: string;
  /** All the dataset's events: the likeliest few are offered instead. */
  events: readonly DatasetEvent[];
  eventHref: (id: string) => string;
  onSelect: (id: string | null) => void;
}

/** A link to an id the dataset does not have: said plainly, with the likeliest events instead. */
export function NotFound({ missingId, events, eventHref, onSelect }: NotFoundProps) {
  const suggestions = useMemo(() => closestEvents(missingId, events), [missingId, events]);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        Event not found: no event with the id “{missingId}” is in this dataset. It may have been
        renamed or removed.
      </p>
      {suggestions.length > 0 && (
        <p className="not-found-suggestions">
          Did you mean{' '}
          {suggestions.map((event, index) => (
            <span key={event.id}>
              {index > 0 && (index === suggestions.length - 1 ? ' or ' : ', ')}
              <a
                href={eventHref(event.id)}
                onClick={(mouseEvent) => {
                  if (!isPlainLeftClick(mouseEvent)) return;
                  mouseEvent.preventDefault();
                  onSelect(event.id);
                }}
              >
                {event.title}
              </a>
            </span>
          ))}
          ?
        </p>
      )}
      <button type="button" className="button" onClick={() => onSelect(null)}>
        Show all events
      </button>
    </div>
  );
}
