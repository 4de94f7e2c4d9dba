import { useMemo, useRef } from 'react';
import type { CalendarDay } from '../../data/model/calendar-day.ts';
import { formatDay } from '../../data/model/date-label.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { Bins } from '../../data/query/histogram.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { rangeLabel, timelineScale, type DayRange } from './timeline-scale.ts';
import { axisTicks } from './axis-ticks.ts';
import { useElementWidth } from './use-element-width.ts';
import { useRangeBrush } from './use-range-brush.ts';

export interface TimelineStripProps {
  bins: Bins;
  /**
   * The first and last day of the data: the range's open ends. The bins may overrun them, or
   * cover less when the axis fits the bulk of the dates.
   */
  extent: DayRange;
  /** Weight of every event per bin: the faint bars. */
  allWeights: Float64Array;
  /** Weight of the events that pass search and categories: the solid bars. */
  matchWeights: Float64Array;
  /** The committed range; null ends are open (the whole extent). */
  from: CalendarDay | null;
  to: CalendarDay | null;
  selectedEvent: DatasetEvent | null;
  /** A new range; an end at the edge of the data comes back as null (open), the URL's default. */
  onRangeChange: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void;
}

const HEIGHT = 56;

const HANDLE_HIT = 24;

/**
 * The histogram of events over time with a brush: drag across it to choose a range, drag the
 * range to move it, drag a handle to resize it. Handles are sliders for the keyboard.
 */
export function TimelineStrip({
  bins,
  extent,
  allWeights,
  matchWeights,
  from,
  to,
  selectedEvent,
  onRangeChange,
}: TimelineStripProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const scale = useMemo(() => timelineScale(bins, width), [bins, width]);
  const firstDay = extent.from;
  const lastDay = extent.to;
  const committed: DayRange = { from: from ?? firstDay, to: to ?? lastDay };
  const isFiltered = from !== null || to !== null;
  const { draft, onPointerDown, onPointerMove, onPointerUp, onHandleKeyDown, onSelectionKeyDown } =
    useRangeBrush(bins, scale, committed, isFiltered, extent, containerRef, onRangeChange);
  const range = draft ?? committed;

  const maxWeight = useMemo(() => Math.max(1e-9, ...allWeights), [allWeights]);
  const bars = useMemo(() => {
    const result: { x: number; width: number; all: number; match: number; key: number }[] = [];
    bins.starts.forEach((start, index) => {
      const next = bins.starts[index + 1] ?? bins.end;
      const x = scale.x(start);
      result.push({
        key: start,
        x,
        width: Math.max(scale.x(next) - x - (width / bins.starts.length > 4 ? 1 : 0), 0.5),
        all: ((allWeights[index] ?? 0) / maxWeight) * (HEIGHT - 4),
        match: ((matchWeights[index] ?? 0) / maxWeight) * (HEIGHT - 4),
      });
    });
    return result;
  }, [bins, scale, allWeights, matchWeights, maxWeight, width]);
  const ticks = useMemo(() => axisTicks(bins, scale, width), [bins, scale, width]);

  // A typed range may reach past the data; the brush is drawn within the strip.
  const clampX = (x: number) => Math.min(Math.max(x, 0), width);
  const x0 = clampX(scale.x(range.from));
  const x1 = clampX(scale.x(range.to + 1));
  // An event outside the axis (a stray date) has no place on it.
  const selectedX =
    selectedEvent === null ||
    selectedEvent.date.start >= scale.end ||
    selectedEvent.date.end < scale.first
      ? null
      : { from: scale.x(selectedEvent.date.start), to: scale.x(selectedEvent.date.end + 1) };
  // Where the dates being dragged are shown: over the range's middle, slid along so that it never
  // leaves the strip (at the left edge it hangs right of that point, at the right edge left).
  const labelAt = (x0 + x1) / 2;

  return (
    // The strip's height is kept before its width is known, so the page below does not jump when
    // the chart appears.
    <div className="timeline-chart" ref={containerRef} style={{ minHeight: HEIGHT + 18 }}>
      {width > 0 && (
        <svg
          className={`timeline-svg${draft ? ' is-dragging' : ''}`}
          width={width}
          height={HEIGHT + 18}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <title>{i18n._('Events over time; drag to choose a date range')}</title>
          <rect className="timeline-hit" x={0} y={0} width={width} height={HEIGHT} />
          <g aria-hidden="true">
            {selectedX && (
              // The selected event's span, behind the bars; its pointer is drawn over them below.
              <rect
                className="timeline-selected-band"
                x={selectedX.from}
                y={0}
                width={Math.max(selectedX.to - selectedX.from, 2)}
                height={HEIGHT}
              />
            )}
            {bars.map((bar) => (
              <rect
                key={`all-${bar.key}`}
                className="bar-all"
                x={bar.x}
                y={HEIGHT - bar.all}
                width={bar.width}
                height={bar.all}
              />
            ))}
            {bars.map((bar) => {
              const inRange = bar.x + bar.width > x0 - 0.5 && bar.x < x1 + 0.5;
              return (
                <rect
                  key={`match-${bar.key}`}
                  className={inRange ? 'bar-match' : 'bar-match is-outside'}
                  x={bar.x}
                  y={HEIGHT - bar.match}
                  width={bar.width}
                  height={bar.match}
                />
              );
            })}
            {selectedX && (
              <path
                className="timeline-selected-pointer"
                d={`M${(selectedX.from + selectedX.to) / 2 - 5},0 h10 l-5,6 z`}
              />
            )}
            {ticks.map((tick) => (
              <g key={tick.day} className="timeline-tick" transform={`translate(${tick.x},0)`}>
                <line y1={HEIGHT} y2={HEIGHT + 4} />
                <text y={HEIGHT + 15} textAnchor={tick.anchor}>
                  {tick.label}
                </text>
              </g>
            ))}
          </g>
          {(isFiltered || draft) && (
            <g>
              <rect
                data-selection=""
                className="timeline-selection"
                x={x0}
                y={0}
                width={Math.max(x1 - x0, 1)}
                height={HEIGHT}
                tabIndex={isFiltered ? 0 : -1}
                role="group"
                aria-label={i18n._('Selected range {from} to {to}; arrow keys move it', {
                  from: formatDay(range.from),
                  to: formatDay(range.to),
                })}
                onKeyDown={onSelectionKeyDown}
              />
            </g>
          )}
          {(['from', 'to'] as const).map((end) => {
            const day = end === 'from' ? range.from : range.to;
            const x = end === 'from' ? x0 : x1;
            return (
              <g
                key={end}
                data-handle={end}
                className="timeline-handle"
                role="slider"
                tabIndex={0}
                aria-label={
                  end === 'from' ? i18n._('Start of date range') : i18n._('End of date range')
                }
                aria-orientation="horizontal"
                aria-valuemin={firstDay}
                aria-valuemax={lastDay}
                aria-valuenow={day}
                aria-valuetext={formatDay(day)}
                onKeyDown={(keyEvent) => onHandleKeyDown(end, keyEvent)}
                transform={`translate(${x},0)`}
              >
                <rect
                  className="timeline-handle-hit"
                  x={-HANDLE_HIT / 2}
                  y={0}
                  width={HANDLE_HIT}
                  height={HEIGHT}
                />
                {/* A thumb with a grip, open inside: a filled bar would read as a day of events. */}
                <rect
                  className="timeline-handle-bar"
                  x={-4}
                  y={6}
                  width={8}
                  height={HEIGHT - 12}
                  rx={4}
                />
                <line
                  className="timeline-handle-grip"
                  x1={0}
                  x2={0}
                  y1={HEIGHT / 2 - 7}
                  y2={HEIGHT / 2 + 7}
                />
              </g>
            );
          })}
        </svg>
      )}
      {draft && (
        // The status line announces the range once the drag ends; this is for the eyes only.
        <div
          className="timeline-drag-label"
          aria-hidden="true"
          style={{ left: labelAt, transform: `translateX(-${(labelAt / width) * 100}%)` }}
        >
          {rangeLabel(draft)}
        </div>
      )}
    </div>
  );
}
