import { useState } from 'react';
import type { DatasetEvent, LocationPrecision } from '../../data/model/schema.ts';
import { eventText, languageName, quoteTranslation } from '../../data/model/translations.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { formatEventDate } from '../../data/model/date-label.ts';
import { CopyLinkButton } from './copy-link-button.tsx';
import { isPlainLeftClick } from '../../lib/is-plain-left-click.ts';
import { isHttpUrl } from '../../data/model/dataset-error.ts';
import './event-detail.css';

export interface EventDetailProps {
  event: DatasetEvent;
  /** The id of the heading that carries the event's title: it names these details. */
  titleId: string;
  /**
   * Titles of the dataset's events by id, to name related events: null for an id the dataset
   * does not have, undefined while that is not known yet (a data server still asked).
   */
  titleOf: (id: string) => string | null | undefined;
  eventHref: (id: string) => string;
  /** The event's absolute link; with `withFilters`, the current filters too (null when there are none). */
  absoluteEventUrl: (id: string, withFilters: boolean) => string | null;
  onSelect: (id: string) => void;
  /** The language the dataset's own text is written in, when it says (metadata.language). */
  originalLanguage?: string;
}

/** In the function, not at the top: each language switch renders it anew in the new language. */
function precisionText(precision: LocationPrecision | null): string {
  switch (precision) {
    case 'exact':
      return i18n._('Exact location');
    case 'city':
      return i18n._('Location known to the city: the point marks the city, not a street');
    case 'region':
      return i18n._(
        'Location known to the region: the event happened somewhere in the shaded area',
      );
    case 'country':
      return i18n._('Location known to the country only: the point marks the country, not a place');
    default:
      return i18n._('The data does not say how precise this location is');
  }
}

/**
 * Everything the data says about one event, each claim with its source. Event text is plain text,
 * in the reader's language where the data has it (translations.ts), said to be a translation, with
 * the original a click away; quotes stay as the source wrote them, a translation under them.
 */
export function EventDetail({
  event,
  titleId,
  titleOf,
  eventHref,
  absoluteEventUrl,
  onSelect,
  originalLanguage,
}: EventDetailProps) {
  const [showOriginal, setShowOriginal] = useState(false);
  const reader = i18n.locale;
  const translatedText = eventText(event, reader, originalLanguage);
  const translated = translatedText.language !== null;
  // No reader's language (''): the original.
  const text = showOriginal ? eventText(event, '', originalLanguage) : translatedText;
  const langOf = (field: 'summary' | 'place') =>
    text.translated[field] ? (text.language ?? undefined) : originalLanguage;
  const original = originalLanguage ? languageName(originalLanguage, reader) : null;
  return (
    <section className="event-detail" aria-labelledby={titleId}>
      {translated && (
        <div className="detail-translation">
          <p>
            {showOriginal
              ? i18n._('Original text')
              : original
                ? i18n._('Translated from {language}', { language: original })
                : i18n._('Translated')}
          </p>
          <button type="button" className="button" onClick={() => setShowOriginal(!showOriginal)}>
            {showOriginal ? i18n._('Show translation') : i18n._('Show original')}
          </button>
        </div>
      )}
      {showOriginal && translatedText.translated.title && (
        <p className="detail-original-title" lang={originalLanguage} dir="auto">
          {event.title}
        </p>
      )}
      {text.summary && (
        <p className="detail-summary" lang={langOf('summary')} dir="auto">
          {text.summary}
        </p>
      )}
      <dl className="detail-facts">
        <div>
          <dt>{i18n._('Date')}</dt>
          <dd>{formatEventDate(event.date)}</dd>
        </div>
        <div>
          <dt>{i18n._('Place')}</dt>
          <dd>
            {text.place ? (
              <span lang={langOf('place')} dir="auto">
                {text.place}
              </span>
            ) : (
              i18n._('Not named')
            )}
            <span className="detail-precision">{precisionText(event.locationPrecision)}</span>
          </dd>
        </div>
        {event.tags.length > 0 && (
          <div>
            <dt>{i18n._('Tags')}</dt>
            <dd>
              <ul className="detail-tags">
                {/* Positions as keys: a dataset may repeat a tag. */}
                {event.tags.map((tag, index) => (
                  <li key={index} dir="auto">
                    {tag}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <h4 className="detail-heading">{i18n._('Sources')}</h4>
      <ul className="detail-sources">
        {event.sources.map((source, index) => {
          const quoteInReaders = showOriginal
            ? null
            : quoteTranslation(source, reader, originalLanguage);
          return (
            <li key={index} className="source">
              <p className="source-line">
                <span className="source-publisher" dir="auto">
                  {source.publisher}
                </span>
                {source.published && (
                  <span className="source-date">{formatEventDate(source.published)}</span>
                )}
              </p>
              {source.title && (
                <p className="source-title" dir="auto">
                  {source.title}
                </p>
              )}
              {source.quote && (
                <blockquote className="source-quote" lang={originalLanguage}>
                  {source.quote.split(' … ').map((segment, segmentIndex) => (
                    <p key={segmentIndex} dir="auto">
                      {segmentIndex > 0 && <span aria-hidden="true">… </span>}
                      {segment}
                    </p>
                  ))}
                </blockquote>
              )}
              {source.quote && quoteInReaders && (
                <div className="source-quote-translation">
                  <p className="source-quote-label">{i18n._('Translation of the quote')}</p>
                  <p lang={quoteInReaders.language} dir="auto">
                    {quoteInReaders.text}
                  </p>
                </div>
              )}
              {source.url && isHttpUrl(source.url) && (
                <a
                  className="source-link"
                  href={source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {i18n._('Read the source at {host}', { host: new URL(source.url).hostname })}
                  <span className="visually-hidden"> {i18n._('(opens in a new tab)')}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>

      {event.related.length > 0 && (
        <>
          <h4 className="detail-heading">{i18n._('Related events')}</h4>
          <ul className="detail-related">
            {event.related.map((id, index) => {
              const title = titleOf(id);
              return (
                <li key={index}>
                  {title === null ? (
                    <span className="related-missing">
                      {id} {i18n._('(not in this dataset)')}
                    </span>
                  ) : (
                    <a
                      href={eventHref(id)}
                      onClick={(mouseEvent) => {
                        if (!isPlainLeftClick(mouseEvent)) return;
                        mouseEvent.preventDefault();
                        onSelect(id);
                      }}
                    >
                      <span dir="auto">{title ?? id}</span>
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
          title={translatedText.title}
        />
      </div>
    </section>
  );
}
