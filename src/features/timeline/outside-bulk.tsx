import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { formatDay } from '../../data/model/date-label.ts';

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
  const events = `${count} ${count === 1 ? 'event' : 'events'}`;
  const arrow = <span aria-hidden="true">{side === 'later' ? '→' : '←'}</span>;
  // One button that changes its words, so the focus stays on it when it is pressed.
  return (
    <button
      type="button"
      className="timeline-edge"
      onClick={() => (count > 0 ? edges.onStretch(side) : edges.onFit())}
    >
      {count === 0 ? (
        'Fit to most events'
      ) : side === 'later' ? (
        <>
          {events} later {arrow}
        </>
      ) : (
        <>
          {arrow} {events} earlier
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
  const { later } = bulk;
  return (
    <p className="timeline-note" id={id} hidden={!shown}>
      Counted back from {formatDay(bulk.last)}, the last date of most events; {later} later{' '}
      {later === 1 ? 'event is' : 'events are'} left out.
    </p>
  );
}
