import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { civilFromDay } from '../../data/model/calendar-day.ts';
import { formatMonthHeading } from '../../data/model/date-label.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { ChronologyEntry } from './chronology-entry.tsx';
import type { ChronologyLinks } from './chronology-links.ts';
import { STICKY_HEADING_HEIGHT } from './row-visibility.ts';
import { useSelectionFocus } from './use-selection-focus.ts';
import './chronology.css';

export interface ServerChronologyProps {
  /** Events passing the filter, in all: the list's length, whatever has been fetched. */
  total: number;
  /** The event at a place in the filtered chronology, once its window has arrived. */
  eventAt: (index: number) => DatasetEvent | undefined;
  /** Told which rows are in and near the view, so their windows are asked for. */
  onRangeChange: (first: number, last: number) => void;
  selectedId: string | null;
  /** The selected event's place in the filtered chronology; null when unknown or hidden. */
  selectedIndex: number | null;
  links: ChronologyLinks;
  /** Shown instead of the list when no event is left to show. */
  empty: ReactNode;
}

/**
 * Rows the list spans at once. Browsers cap an element's height (Chromium near 33.5 million
 * pixels): a million rows of 104 px would pass it and the scroll would stop short of later rows.
 * The list spans a slice of this many rows, placed round the selected event.
 */
const MAX_ROWS = 200_000;

/** The first row of the slice that holds `index`, or the current one when it already does. */
function sliceStart(current: number, index: number | null, total: number): number {
  if (total <= MAX_ROWS) return 0;
  if (index === null || (index >= current && index < current + MAX_ROWS)) return current;
  return Math.max(0, Math.min(total - MAX_ROWS, index - MAX_ROWS / 2));
}

/** Whether two events fall in the same month (of their first day), as the headings group them. */
function sameMonth(a: DatasetEvent, b: DatasetEvent): boolean {
  const first = civilFromDay(a.date.start);
  const second = civilFromDay(b.date.start);
  return first.year === second.year && first.month === second.month;
}

/**
 * The chronology of a data server's events (docs/server.md): virtualized over the total count, so
 * a million events are a million rows of estimated height of which only those near the view are
 * in the DOM, each drawn once its window of events has arrived and a placeholder till then.
 */
export function ServerChronology({
  total,
  eventAt,
  onRangeChange,
  selectedId,
  selectedIndex,
  links,
  empty,
}: ServerChronologyProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [base, setBase] = useState(0);
  const wantedBase = sliceStart(base, selectedIndex, total);
  if (wantedBase !== base) setBase(wantedBase);
  const rowAt = (index: number) => eventAt(base + index);
  const selectedRow = selectedIndex === null ? null : selectedIndex - base;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render and none of its functions is memoized
  const virtualizer = useVirtualizer({
    count: Math.min(total, MAX_ROWS),
    // Keyed by the place in the whole list: a row measured in one slice keeps its height in the
    // next, and another slice's rows are not given it.
    getItemKey: (index) => base + index,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 6,
    // Room for the month bar, so an entry scrolled to the top is not hidden under it.
    scrollPaddingStart: STICKY_HEADING_HEIGHT,
  });
  const focusInListRef = useSelectionFocus({
    scrollRef,
    virtualizer,
    selectedId,
    selectedRowIndex: selectedRow ?? undefined,
    focusHomes: links.focusHomes,
  });

  // The selected event's place arrives after the selection (the server's `around`): the list is
  // brought to it then, unless its entry is already in view.
  useEffect(
    function scrollToArrivedPlace() {
      if (selectedRow === null) return;
      const { startIndex = -1, endIndex = -1 } = virtualizer.range ?? {};
      if (selectedRow <= startIndex || selectedRow >= endIndex)
        virtualizer.scrollToIndex(selectedRow, { align: 'start' });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new place scrolls, not every scroll
    [selectedIndex, base],
  );

  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? Math.min(total, 10) - 1;
  useEffect(() => onRangeChange(base + first, base + last), [base, first, last, onRangeChange]);
  // Which of the events in view have arrived: the map marks them.
  const loadedInView = [first, last].map((index) => rowAt(index)?.id).join(' ');
  useEffect(
    function reportEntriesInView() {
      const ids = new Set<string>();
      for (let index = first; index <= last; index += 1) {
        const event = rowAt(index);
        if (event) ids.add(event.id);
      }
      links.listInView.set(ids);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loadedInView stands for eventAt's answers in the range
    [first, last, base, loadedInView, links.listInView],
  );
  useEffect(() => () => links.listInView.set(new Set()), [links.listInView]);

  if (total === 0) return <div className="chronology-empty">{empty}</div>;

  // Months as over a file, from the rows that have arrived: a row opens a month when the row
  // before it is of another month (or it is the first). The month of the row under the bar
  // stays at the top, unless that row's own heading is there in full.
  const opensMonth = (index: number): boolean => {
    const event = rowAt(index);
    if (!event) return false;
    if (base + index === 0) return true;
    const previous = eventAt(base + index - 1);
    return previous !== undefined && !sameMonth(previous, event);
  };
  const items = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const underBar = items.find((item) => item.end > offset + STICKY_HEADING_HEIGHT);
  const barEvent = underBar && rowAt(underBar.index);
  const barLabel =
    underBar && barEvent && !(opensMonth(underBar.index) && underBar.start >= offset)
      ? formatMonthHeading(barEvent.date.start)
      : null;

  return (
    <div
      className="chronology-scroll"
      ref={scrollRef}
      onFocus={() => {
        focusInListRef.current = true;
      }}
      onBlur={(focusEvent) => {
        const next = focusEvent.relatedTarget;
        if (next instanceof Node && !focusEvent.currentTarget.contains(next))
          focusInListRef.current = false;
      }}
    >
      {barLabel !== null && (
        // The headings in the list say the months to a screen reader; this is the eye's.
        <div className="chronology-month-bar" aria-hidden="true">
          <p className="month-heading">{barLabel}</p>
        </div>
      )}
      <ol
        className="chronology"
        aria-label={i18n._('Chronology')}
        aria-busy={rowAt(first) === undefined || undefined}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((row) => {
          const event = rowAt(row.index);
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              // The virtualizer's row (in the slice), which it measures the element as.
              data-index={row.index}
              // The place in the whole filtered chronology.
              data-position={base + row.index}
              data-event-id={event?.id}
              className="chronology-item"
              aria-current={event && event.id === selectedId ? 'true' : undefined}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {event && opensMonth(row.index) && (
                <h2 className="month-heading">{formatMonthHeading(event.date.start)}</h2>
              )}
              {event ? (
                <ChronologyEntry
                  event={event}
                  selected={event.id === selectedId}
                  tabStop={selectedId === null ? row.index === first : event.id === selectedId}
                  links={links}
                />
              ) : (
                <div className="skeleton-row" aria-hidden="true" />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
