import type { CalendarDay } from '../data/model/calendar-day.ts';
import { apStyle, formatDay, localDayRange } from '../data/model/date-label.ts';
import { i18n } from '../lib/i18n/i18n.ts';

export interface StatusLineProps {
  loading: boolean;
  failed: boolean;
  /** What to say when it failed; by default that no events were loaded (a file's download). */
  failedText?: string;
  shown: number;
  total: number;
  /** The range shown: the filter's, or the data's own extent. */
  range: { from: CalendarDay; to: CalendarDay } | null;
}

/** "Showing 4 of 6 events": the contract's live status line. */
export function formatShowing(shown: number, total: number): string {
  return i18n._('Showing {shown} of {total, plural, one {# event} other {# events}}', {
    shown: i18n.number(shown),
    total,
  });
}

export function StatusLine({ loading, failed, failedText, shown, total, range }: StatusLineProps) {
  const text = loading
    ? i18n._('Loading events…')
    : failed
      ? (failedText ?? i18n._('No events loaded'))
      : formatShowing(shown, total);
  return (
    <p className="status-line" role="status">
      {text}
      {/* Left out on a phone, where the line stays short: the chips and the sheet say the dates. */}
      {!loading && !failed && range && (
        <span className="status-range">
          {' · '}
          {apStyle()
            ? `${formatDay(range.from)} – ${formatDay(range.to)}`
            : localDayRange(range.from, range.to)}
        </span>
      )}
    </p>
  );
}
