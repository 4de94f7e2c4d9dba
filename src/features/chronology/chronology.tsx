import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { DatasetEvent } from '../../data/model/schema.ts';
import { groupByMonth, monthHeadingIndexes, rowIndexOf } from '../../data/query/selectors.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { ChronologyEntry } from './chronology-entry.tsx';
import type { ChronologyLinks } from './chronology-links.ts';
import { STICKY_HEADING_HEIGHT } from './row-visibility.ts';
import { useSelectionFocus } from './use-selection-focus.ts';
import './chronology.css';

export interface ChronologyProps {
  events: DatasetEvent[];
  selectedId: string | null;
  links: ChronologyLinks;
  /** Shown instead of the list when no event is left to show. */
  empty: ReactNode;
}

/**
 * The month heading at the top of the view: the last heading that starts at or above the scroll
 * offset, with a pixel to spare so that a scroll landing on a heading's edge shows that month.
 */
function activeHeading(
  virtualizer: Virtualizer<HTMLDivElement, Element> | null,
  headingIndexes: number[],
  fallbackStart: number,
): number {
  const top = (virtualizer?.scrollOffset ?? 0) + 1;
  let active = headingIndexes[0] ?? 0;
  for (const index of headingIndexes) {
    const start = virtualizer?.measurementsCache[index]?.start;
    const reached = start === undefined ? index <= fallbackStart : start <= top;
    if (reached) active = index;
    else break;
  }
  return active;
}

/**
 * The scrollable chronology, grouped by month with sticky headings. It is virtualized: whatever
 * the size of the dataset, only the rows near the view are in the DOM.
 */
export function Chronology({ events, selectedId, links, empty }: ChronologyProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => groupByMonth(events), [events]);
  const headingIndexes = useMemo(() => monthHeadingIndexes(rows), [rows]);
  // Two look-ups per render, not a map of every row rebuilt on every filter change: a scan of
  // the rows costs far less than building that map again.
  const selectedRowIndex = useMemo(
    () => (selectedId === null ? undefined : rowIndexOf(rows, selectedId)),
    [rows, selectedId],
  );
  const tabStopId = selectedRowIndex !== undefined ? selectedId : (events[0]?.id ?? null);
  const tabStopRowIndex = useMemo(
    () => (tabStopId === null ? undefined : rowIndexOf(rows, tabStopId)) ?? -1,
    [rows, tabStopId],
  );

  // The heading of the month at the top of the view is always rendered, so it can stick there.
  const virtualizerRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const active = activeHeading(virtualizerRef.current, headingIndexes, range.startIndex);
      // The entry that Tab reaches stays in the DOM even when scrolled away, so the list never
      // loses its one tab stop (nor the focus, if it is there).
      const indexes = new Set([active, ...defaultRangeExtractor(range)]);
      if (tabStopRowIndex >= 0) indexes.add(tabStopRowIndex);
      return [...indexes].sort((a, b) => a - b);
    },
    [headingIndexes, tabStopRowIndex],
  );
  const estimateSize = useCallback(
    (index: number) => (rows[index]?.kind === 'month' ? 40 : 104),
    [rows],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render and none of its functions is memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    rangeExtractor,
    // Room for the sticky month heading, so an entry scrolled to the top is not hidden under it.
    scrollPaddingStart: STICKY_HEADING_HEIGHT,
  });
  virtualizerRef.current = virtualizer;

  const focusInListRef = useSelectionFocus({
    scrollRef,
    virtualizer,
    selectedId,
    selectedRowIndex,
    focusHomes: links.focusHomes,
  });

  const virtualRows = virtualizer.getVirtualItems();
  // Worked out on every render (each scroll renders), not only when the range changes: row
  // heights measured after a scroll can shift which heading is at the top.
  const stickyIndex = activeHeading(
    virtualizer,
    headingIndexes,
    virtualizer.range?.startIndex ?? 0,
  );
  const firstVisible = virtualizer.range?.startIndex ?? 0;
  const lastVisible = virtualizer.range?.endIndex ?? -1;
  useEffect(
    function reportEntriesInView() {
      const ids = new Set<string>();
      for (let index = firstVisible; index <= lastVisible; index += 1) {
        const row = rows[index];
        if (row?.kind === 'event') ids.add(row.event.id);
      }
      links.listInView.set(ids);
    },
    [firstVisible, lastVisible, rows, links.listInView],
  );
  useEffect(() => () => links.listInView.set(new Set()), [links.listInView]);

  // Arrows, j / k and Escape work page-wide (app/use-keyboard-shortcuts.ts); Home and End are the
  // list's own.
  function onKeyDown(keyEvent: KeyboardEvent<HTMLDivElement>) {
    if (keyEvent.key !== 'Home' && keyEvent.key !== 'End') return;
    if (keyEvent.target instanceof HTMLElement && keyEvent.target.closest('.entry-detail')) return;
    keyEvent.preventDefault();
    const event = keyEvent.key === 'Home' ? events[0] : events[events.length - 1];
    if (event) links.select(event.id);
  }

  if (events.length === 0) {
    return <div className="chronology-empty">{empty}</div>;
  }

  return (
    <div
      className="chronology-scroll"
      ref={scrollRef}
      onKeyDown={onKeyDown}
      onFocus={() => {
        focusInListRef.current = true;
      }}
      onBlur={(focusEvent) => {
        // Focus leaving to nowhere (its element removed) still counts as in the list.
        const next = focusEvent.relatedTarget;
        if (next instanceof Node && !focusEvent.currentTarget.contains(next))
          focusInListRef.current = false;
      }}
    >
      <ol
        className="chronology"
        aria-label={i18n._('Chronology')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualRows.map((virtualRow) => {
          const row = rows[virtualRow.index];
          if (!row) return null;
          const sticky = row.kind === 'month' && virtualRow.index === stickyIndex;
          return (
            <li
              key={virtualRow.key}
              ref={virtualizer.measureElement}
              data-index={virtualRow.index}
              data-event-id={row.kind === 'event' ? row.event.id : undefined}
              className={
                row.kind === 'month'
                  ? `chronology-month${sticky ? ' is-sticky' : ''}`
                  : 'chronology-item'
              }
              aria-current={
                row.kind === 'event' && row.event.id === selectedId ? 'true' : undefined
              }
              style={sticky ? undefined : { transform: `translateY(${virtualRow.start}px)` }}
            >
              {row.kind === 'month' ? (
                <h2 className="month-heading">{row.label}</h2>
              ) : (
                <ChronologyEntry
                  event={row.event}
                  selected={row.event.id === selectedId}
                  tabStop={row.event.id === tabStopId}
                  links={links}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
