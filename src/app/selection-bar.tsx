import { formatEventDate } from '../data/model/date-label.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import { eventText } from '../data/model/translations.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import './selection-bar.css';

export interface SelectionBarProps {
  event: DatasetEvent;
  /** The language the dataset's own text is in, to show the reader's language where it exists. */
  originalLanguage?: string | undefined;
  /** Scrolls the page down to the event's entry and its details. */
  onShowDetails: () => void;
}

/**
 * On a phone the details sit below the map, out of sight: this card under the map says what was
 * selected — the whole title, when and where, and the start of the summary — so a shared link
 * reads at once, and takes the reader to the rest. Beside the map, not over it, so it never hides
 * the selected marker. Hidden on wide screens, where the details are in view.
 */
export function SelectionBar({ event, originalLanguage, onShowDetails }: SelectionBarProps) {
  const text = eventText(event, i18n.locale, originalLanguage);
  return (
    <div className="selection-bar">
      <p className="selection-bar-meta">
        <span className="selection-bar-date">{formatEventDate(event.date)}</span>
        {text.place && (
          <span className="selection-bar-place" dir="auto">
            {text.place}
          </span>
        )}
      </p>
      <p className="selection-bar-title" dir="auto">
        {text.title}
      </p>
      {text.summary && (
        <p className="selection-bar-summary" dir="auto">
          {text.summary}
        </p>
      )}
      <button type="button" className="button button-primary" onClick={onShowDetails}>
        {i18n._('Details')}
      </button>
    </div>
  );
}
