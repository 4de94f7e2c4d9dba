import type { DatasetEvent, LocationPrecision } from '../../data/model/schema.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
import { CopyLinkButton } from './copy-link-button.tsx';
import { isPlainLeftClick } from '../../lib/is-plain-left-click.ts';
import { isHttpUrl } from '../../data/model/dataset-error.ts';
import './event-detail.css';

export interface EventDetailProps {
  event: DatasetEvent;
  /** The id of the heading that carries the event's title: it names these details. */
  titleId: string;
  /** Titles of the dataset's events by id, to name related events. */
  titleOf: (id: string) => string | null;
  eventHref: (id: string) => string;
  /** The event's absolute link; with `withFilters`, the current filters too (null when there are none). */
  absoluteEventUrl: (id: string, withFilters: boolean) => string | null;
  onSelect: (id: string) => void;
}

const PRECISION_TEXT: Record<LocationPrecision, string> = {
  exact: 'Exact location',
  city: 'Location known to the city: the point marks the city, not a street',
  region: 'Location known to the region: the event happened somewhere in the shaded area',
  country: 'Location known to the country only: the point marks the country, not a place',
};

/** Everything the data says about one event, each claim with its source. Event text is plain text. */
export function EventDetail({
  event,
  titleId,
  titleOf,
  eventHref,
  absoluteEventUrl,
  onSelect,
}: EventDetailProps) {
  return (
    <section className="event-detail" aria-labelledby={titleId}>
      {event.summary && <p className="detail-summary">{event.summary}</p>}
      <dl className="detail-facts">
        <div>
          <dt>Date</dt>
          <dd>{formatEventDate(event.date)}</dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>
            {event.place || 'Not named'}
            <span className="detail-precision">
              {event.locationPrecision
                ? PRECISION_TEXT[event.locationPrecision]
                : 'The data does not say how precise this location is'}
            </span>
          </dd>
        </div>
        {event.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              <ul className="detail-tags">
                {/* Positions as keys: a dataset may repeat a tag. */}
                {event.tags.map((tag, index) => (
                  <li key={index}>{tag}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <h4 className="detail-heading">Sources</h4>
      <ul className="detail-sources">
        {event.sources.map((source, index) => (
          <li key={index} className="source">
            <p className="source-line">
              <span className="source-publisher">{source.publisher}</span>
              {source.published && (
                <span className="source-date">{formatEventDate(source.published)}</span>
              )}
            </p>
            {source.title && <p className="source-title">{source.title}</p>}
            {source.quote && (
              <blockquote className="source-quote">
                {source.quote.split(' … ').map((segment, segmentIndex) => (
                  <p key={segmentIndex}>
                    {segmentIndex > 0 && <span aria-hidden="true">… </span>}
                    {segment}
                  </p>
                ))}
              </blockquote>
            )}
            {source.url && isHttpUrl(source.url) && (
              <a
                className="source-link"
                href={source.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                Read the source at {new URL(source.url).hostname}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            )}
          </li>
        ))}
      </ul>

      {event.related.length > 0 && (
        <>
          <h4 className="detail-heading">Related events</h4>
          <ul className="detail-related">
            {event.related.map((id, index) => {
              const title = titleOf(id);
              return (
                <li key={index}>
                  {title === null ? (
                    <span className="related-missing">{id} (not in this dataset)</span>
                  ) : (
                    <a
                      href={eventHref(id)}
                      onClick={(mouseEvent) => {
                        if (!isPlainLeftClick(mouseEvent)) return;
                        mouseEvent.preventDefault();
                        onSelect(id);
                      }}
                    >
                      {title}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <div className="detail-actions">
        <CopyLinkButton
          key={absoluteEventUrl(event.id, false)}
          url={absoluteEventUrl(event.id, false) ?? ''}
          urlWithFilters={absoluteEventUrl(event.id, true)}
          title={event.title}
        />
      </div>
    </section>
  );
}
