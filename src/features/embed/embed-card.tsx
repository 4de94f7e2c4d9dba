import { isHttpUrl } from '../../data/model/dataset-error.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { eventText } from '../../data/model/translations.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export interface EmbedCardProps {
  event: DatasetEvent;
  /** The language the dataset's own text is written in (metadata.language), when it says. */
  originalLanguage?: string;
  onClose: () => void;
}

/**
 * The selected event as an article's reader needs it, first in the frame: title, date, place,
 * summary and where it comes from. The sources' quotes and related events stay in the full view,
 * so the card fits a 480-px frame. Event text is plain text.
 */
export function EmbedCard({ event, originalLanguage, onClose }: EmbedCardProps) {
  const titleId = `embed-card-${event.id}`;
  // In the reader's language where the data has it, as in the full view.
  const text = eventText(event, i18n.locale, originalLanguage);
  return (
    <article className="embed-card" aria-labelledby={titleId}>
      <div className="embed-card-head">
        <h2 id={titleId} className="embed-card-title" dir="auto">
          {text.title}
        </h2>
        <button
          type="button"
          className="embed-card-close"
          aria-label={i18n._('Close: show all events')}
          title={i18n._('Show all events')}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="embed-card-facts">
        <span className="embed-card-date">{formatEventDate(event.date)}</span>
        {text.place && (
          <span className="embed-card-place" dir="auto">
            {text.place}
          </span>
        )}
      </p>
      {text.summary && (
        <p className="embed-card-summary" dir="auto">
          {text.summary}
        </p>
      )}
      {event.sources.length > 0 && (
        <ul className="embed-card-sources" aria-label={i18n._('Sources')}>
          {event.sources.map((source, index) => (
            <li key={index}>
              {i18n._('Source:')}{' '}
              {source.url && isHttpUrl(source.url) ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer" dir="auto">
                  {source.publisher}
                  {source.title && `: ${source.title}`}
                  <span className="visually-hidden"> {i18n._('(opens in a new tab)')}</span>
                </a>
              ) : (
                <span dir="auto">
                  {source.publisher}
                  {source.title && `: ${source.title}`}
                </span>
              )}
              {source.published && (
                <span className="embed-card-source-date">
                  {' · '}
                  {formatEventDate(source.published)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
