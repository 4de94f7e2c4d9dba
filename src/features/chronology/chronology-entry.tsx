import { useId, type CSSProperties } from 'react';
import { isPlainLeftClick } from '../../lib/is-plain-left-click.ts';
import { describeEventDate, formatEventDate } from '../../data/model/date-label.ts';
import { formatIsoDay } from '../../data/model/calendar-day.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { eventText, languageName } from '../../data/model/translations.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useStoreValue } from '../../lib/store/store.ts';
import type { ChronologyLinks } from './chronology-links.ts';

export interface ChronologyEntryProps {
  event: DatasetEvent;
  selected: boolean;
  /** The one entry reached by Tab; arrows move from there. */
  tabStop: boolean;
  links: ChronologyLinks;
}

export function ChronologyEntry({ event, selected, tabStop, links }: ChronologyEntryProps) {
  const highlighted = useStoreValue(links.highlight, (id) => id === event.id);
  const titleId = useId();
  const { highlight } = links;
  const clearHighlight = () => {
    if (highlight.get() === event.id) highlight.set(null);
  };
  // The reader's language where the event has it; the details show the original on request.
  const { originalLanguage } = links;
  const text = eventText(event, i18n.locale, originalLanguage);
  const titleLanguage = text.translated.title ? (text.language ?? undefined) : originalLanguage;
  const placeLanguage = text.translated.place ? (text.language ?? undefined) : originalLanguage;
  const classes = ['entry', selected && 'is-selected', highlighted && 'is-highlighted']
    .filter(Boolean)
    .join(' ');

  return (
    <article
      className={classes}
      data-highlighted={highlighted || undefined}
      style={{ '--category-color': links.colourOf(event.category) } as CSSProperties}
      onMouseEnter={() => highlight.set(event.id)}
      onMouseLeave={clearHighlight}
    >
      <div className="entry-summary">
        <p className="entry-meta">
          <time
            className="entry-date"
            dateTime={formatIsoDay(event.date.start)}
            title={describeEventDate(event.date)}
          >
            {formatEventDate(event.date)}
          </time>
          <span className="entry-category">
            <span className="category-swatch" aria-hidden="true" />
            <span dir="auto">{links.labelOf(event.category)}</span>
          </span>
          {text.language !== null && (
            <span
              className="entry-translated"
              title={
                originalLanguage
                  ? i18n._('Translated from {language}', {
                      language: languageName(originalLanguage, i18n.locale),
                    })
                  : undefined
              }
            >
              {i18n._('Translated')}
            </span>
          )}
        </p>
        {/* The heading's own direction, so that a right-to-left title also aligns to the right. */}
        <h3 className="entry-title" id={titleId} dir="auto">
          <a
            className="entry-link"
            href={links.eventHref(event.id)}
            tabIndex={tabStop ? 0 : -1}
            onClick={(mouseEvent) => {
              if (!isPlainLeftClick(mouseEvent)) return;
              mouseEvent.preventDefault();
              links.select(event.id);
            }}
            onFocus={() => highlight.set(event.id)}
            onBlur={clearHighlight}
          >
            {/* No dir of its own: the heading's dir="auto" reads its direction from this text. */}
            <span lang={titleLanguage}>{text.title}</span>
          </a>
        </h3>
        {text.place && (
          <p className="entry-place" lang={placeLanguage} dir="auto">
            {text.place}
          </p>
        )}
      </div>
      {selected && <div className="entry-detail">{links.renderDetail(event.id, titleId)}</div>}
    </article>
  );
}
