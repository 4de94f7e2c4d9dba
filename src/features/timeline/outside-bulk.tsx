import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { formatDay } from '../../data/model/date-label.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

/**
 * The timeline's words for the events outside the bulk of the dates (data/query/date-bulk.ts):
 * the counts at the strip's ends and the note on the quick ranges. Loaded only for datasets that
 * have such events.
 */

/** What lies beyond the ends of the axis, and the ways to show it or to leave it out again. */
export interface TimelineEdges {
  /** Events beyond each end of the axis: 0 where the axis reaches the data's edge. */
  earlier: number;
  later: number;
  /** The end that offers to fit the axis to the bulk again (the reader stretched it), if any. */
  fit: 'earlier' | 'later' | null;
  onStretch: (side: 'earlier' | 'later') => void;
  onFit: () => void;
}

/** At one end of the strip: the events beyond it, or the way back to the bulk. */
export function EdgeButton({ side, edges }: { side: 'earlier' | 'later'; edges: TimelineEdges }) {
  const count = edges[side];
  const arrow = <span aria-hidden="true">{side === 'later' ? '→' : '←'}</span>;
  // One button that changes its words, so the focus stays on it when it is pressed.
  return (
    <button
      type="button"
      className="timeline-edge"
      onClick={() => (count > 0 ? edges.onStretch(side) : edges.onFit())}
    >
      {count === 0 ? (
        i18n._('Fit to most events')
      ) : side === 'later' ? (
        <>
          {i18n._('{count, plural, one {# event later} other {# events later}}', { count })} {arrow}
        </>
      ) : (
        <>
          {arrow}{' '}
          {i18n._('{count, plural, one {# event earlier} other {# events earlier}}', { count })}
        </>
      )}
    </button>
  );
}

/** Why "Last 30 days" and "Last year" end where they do: shown while one is chosen. */
export function BulkNote({
  id,
  bulk,
  shown,
}: {
  id: string;
  bulk: { last: CalendarDay; later: number };
  shown: boolean;
}) {
  return (
    <p className="timeline-note" id={id} hidden={!shown}>
      {i18n._(
        'Counted back from {date}, the last date of most events; {count, plural, one {# later event is} other {# later events are}} left out.',
        { date: formatDay(bulk.last), count: bulk.later },
      )}
    </p>
  );
}
