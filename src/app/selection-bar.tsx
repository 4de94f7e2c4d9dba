import { formatEventDate } from '../data/model/date-label.ts';
import type { DatasetEvent } from '../data/model/schema.ts';
import './selection-bar.css';

export interface SelectionBarProps {
  event: DatasetEvent;
  /** Scrolls the page down to the event's entry and its details. */
  onShowDetails: () => void;
}

/**
 * On a phone the details sit below the map, out of sight: this bar over the map says what was
 * selected and takes the reader to the details. Hidden on wide screens, where both are in view.
 */
export function SelectionBar({ event, onShowDetails }: SelectionBarProps) {
  return (
    <div className="selection-bar">
      <p className="selection-bar-text">
        <span className="selection-bar-date">{formatEventDate(event.date)}</span>
        <span className="selection-bar-title">{event.title}</span>
      </p>
      <button type="button" className="button button-primary" onClick={onShowDetails}>
        Details
      </button>
    </div>
  );
}
