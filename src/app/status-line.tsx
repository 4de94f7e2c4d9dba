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
export function formatShowing(shown: number, total: number): string {
  const noun = total === 1 ? 'event' : 'events';
  return `Showing ${countFormat.format(shown)} of ${countFormat.format(total)} ${noun}`;
}

export function StatusLine({ loading, failed, shown, total, range }: StatusLineProps) {
  const text = loading
    ? 'Loading events…'
    : failed
      ? 'No events loaded'
      : formatShowing(shown, total);
  return (
    <p className="status-line" role="status">
      {text}
      {/* Left out on a phone, where the line stays short: the chips and the sheet say the dates. */}
      {!loading && !failed && range && (
        <span className="status-range">
          {` · ${formatDay(range.from)} – ${formatDay(range.to)}`}
        </span>
      )}
    </p>
  );
}
