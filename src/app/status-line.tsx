import type { CalendarDay } from '../data/model/calendar-day.ts';
import { formatDay } from '../data/model/date-label.ts';

export interface StatusLineProps {
  loading: boolean;
  failed: boolean;
  shown: number;
  total: number;
  /** The range shown: the filter's, or the data's own extent. */
  range: { from: CalendarDay; to: CalendarDay } | null;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** "Showing 4 of 6 events": the contract's live status line. */
function formatShowing(shown: number, total: number): string {
  const noun = total === 1 ? 'event' : 'events';
  return `Showing ${countFormat.format(shown)} of ${countFormat.format(total)} ${noun}`;
}

export function StatusLine({ loading, failed, shown, total, range }: StatusLineProps) {
  const showing = formatShowing(shown, total);
  const text = loading
    ? 'Loading events…'
    : failed
      ? 'No events loaded'
      : range
        ? `${showing} · ${formatDay(range.from)} – ${formatDay(range.to)}`
        : showing;
  return (
    <p className="status-line" role="status">
      {text}
    </p>
  );
}
