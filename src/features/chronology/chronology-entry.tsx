import { describeEventDate, formatEventDate } from '../../data/date-label.ts';
import { formatIsoDay } from '../../data/calendar-day.ts';
import type { DatasetEvent } from '../../data/schema.ts';
import { categoryColor, categoryLabel } from '../../data/categories.ts';
import type { CSSProperties } from 'react';

export interface ChronologyEntryProps {
  event: DatasetEvent;
}

export function ChronologyEntry({ event }: ChronologyEntryProps) {
  const label = formatEventDate(event.date);
  return (
    <article
      className="entry"
      style={{ '--category-color': categoryColor(event.category) } as CSSProperties}
    >
      <p className="entry-meta">
        <time
          className="entry-date"
          dateTime={formatIsoDay(event.date.start)}
          title={describeEventDate(event.date)}
        >
          {label}
        </time>
        <span className="entry-category">
          <span className="category-swatch" aria-hidden="true" />
          {categoryLabel(event.category)}
        </span>
      </p>
      <h2 className="entry-title">{event.title}</h2>
      {event.place && <p className="entry-place">{event.place}</p>}
    </article>
  );
}
