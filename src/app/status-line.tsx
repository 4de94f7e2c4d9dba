export interface StatusLineProps {
  loading: boolean;
  failed: boolean;
  shown: number;
  total: number;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** "Showing 4 of 6 events": the contract's live status line. */
export function formatShowing(shown: number, total: number): string {
  const noun = total === 1 ? 'event' : 'events';
  return `Showing ${countFormat.format(shown)} of ${countFormat.format(total)} ${noun}`;
}

export function StatusLine({ loading, failed, shown, total }: StatusLineProps) {
  const text = loading
    ? 'Loading events…'
    : failed
      ? 'No events loaded'
      : formatShowing(shown, total);
  return (
    <p className="status-line" role="status">
      {text}
    </p>
  );
}
