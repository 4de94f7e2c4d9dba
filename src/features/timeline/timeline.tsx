import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { formatIsoDay, parseIsoDay, type CalendarDay } from '../../data/model/calendar-day.ts';
import type { DatasetEvent } from '../../data/model/schema.ts';
import type { DateBulk } from '../../data/query/date-bulk.ts';
import type { Bins } from '../../data/query/histogram.ts';
import { rangePresets, type RangePreset } from '../../data/query/presets.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { TimelineEdges } from './outside-bulk.tsx';
import { TimelineStrip } from './timeline-strip.tsx';
import './timeline.css';

// Only datasets with stray dates show these (docs/architecture.md, "the bulk"), so they load
// when one is opened rather than with the page: the first load's budget.
const EdgeButton = lazy(() =>
  import('./outside-bulk.tsx').then((module) => ({ default: module.EdgeButton })),
);
const BulkNote = lazy(() =>
  import('./outside-bulk.tsx').then((module) => ({ default: module.BulkNote })),
);

export interface TimelineProps {
  /** The bars, over the axis: the bulk of the dates, or more where the reader stretched it. */
  bins: Bins;
  /** The first and last day of the data: the date inputs' limits. */
  extent: { first: CalendarDay; last: CalendarDay };
  /** The bulk of the dates: the relative quick ranges count back from its last day. */
  bulk: DateBulk;
  /** What lies beyond the axis's ends; none when the axis spans all the dates. */
  edges?: TimelineEdges;
  allWeights: Float64Array;
  matchWeights: Float64Array;
  years: readonly number[];
  from: CalendarDay | null;
  to: CalendarDay | null;
  selectedEvent: DatasetEvent | null;
  onRangeChange: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void;
  /** Playback's controls (features/playback), at the end of the controls' row. */
  play?: ReactNode;
  /** Space with the focus in the timeline, outside a field and the playback controls. */
  onTogglePlay?: () => void;
}

/** The date filter: the strip with its brush, the From and To inputs, and quick ranges. */
export function Timeline({
  bins,
  extent,
  bulk,
  edges,
  allWeights,
  matchWeights,
  years,
  from,
  to,
  selectedEvent,
  onRangeChange,
  play,
  onTogglePlay,
}: TimelineProps) {
  const fieldIds = { from: useId(), to: useId() };
  const errorId = useId();
  const noteId = useId();
  const { first, last } = extent;
  const presets = useMemo(
    () => rangePresets(bulk.first, bulk.last, years),
    [bulk.first, bulk.last, years],
  );
  const yearPresets = presets.filter((preset) => preset.kind === 'year');
  const otherPresets = presets.filter((preset) => preset.kind !== 'year');
  const activePreset = presets.find((preset) => preset.from === from && preset.to === to) ?? null;
  // Quick ranges counted back from the bulk's end say so when they leave later events out.
  const hasNote = bulk.later > 0;

  const [inputError, setInputError] = useState<string | null>(null);
  // What the reader is typing, shown as typed until the field is left; the URL holds the rest.
  const [drafts, setDrafts] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  });

  /**
   * A date field reports every half-typed year (0002, 0020, 0202 …) as a valid date. Those are
   * applied only when the field is left or Enter is pressed; while typing, only a date with a
   * four-digit year is applied.
   */
  function onDateInput(end: 'from' | 'to', value: string, settled: boolean) {
    if (value === '') {
      setInputError(null);
      onRangeChange(end === 'from' ? { from: null, to } : { from, to: null });
      return;
    }
    const day = parseIsoDay(value);
    if (day === null || (!settled && !/^[1-9]/.test(value))) return;
    const next = end === 'from' ? { from: day, to } : { from, to: day };
    if (next.from !== null && next.to !== null && next.to < next.from) {
      setInputError(
        end === 'from'
          ? i18n._('From is after To: change one of them.')
          : i18n._('To is before From: change one of them.'),
      );
      return;
    }
    setInputError(null);
    if (next.from !== from || next.to !== to) onRangeChange(next);
  }

  function presetButton(preset: RangePreset) {
    return (
      <button
        key={preset.label}
        type="button"
        className="chip"
        aria-pressed={activePreset === preset}
        aria-describedby={hasNote && preset.kind === 'recent' ? noteId : undefined}
        onClick={() => onRangeChange({ from: preset.from, to: preset.to })}
      >
        {preset.label}
      </button>
    );
  }

  return (
    <section
      className="timeline"
      aria-label={i18n._('Timeline')}
      onKeyDown={(keyEvent) => {
        // The playback controls' own buttons and fields take their own Space.
        const target = keyEvent.target as Element;
        if (keyEvent.key !== ' ' || !onTogglePlay || target.closest('input,select,.timeline-play'))
          return;
        keyEvent.preventDefault();
        onTogglePlay();
      }}
    >
      <div className="timeline-controls">
        {(['from', 'to'] as const).map((end) => {
          const committed = end === 'from' ? from : to;
          return (
            <div className="date-field" key={end}>
              <label htmlFor={fieldIds[end]}>
                {end === 'from' ? i18n._('From') : i18n._('To')}
              </label>
              <input
                id={fieldIds[end]}
                type="date"
                value={drafts[end] ?? (committed === null ? '' : formatIsoDay(committed))}
                min={formatIsoDay(first)}
                max={formatIsoDay(last)}
                aria-invalid={inputError !== null || undefined}
                aria-describedby={inputError ? errorId : undefined}
                onChange={(changeEvent) => {
                  const { value } = changeEvent.target;
                  setDrafts((previous) => ({ ...previous, [end]: value }));
                  onDateInput(end, value, false);
                }}
                onBlur={(blurEvent) => {
                  onDateInput(end, blurEvent.target.value, true);
                  setDrafts((previous) => ({ ...previous, [end]: null }));
                }}
                onKeyDown={(keyEvent) => {
                  if (keyEvent.key === 'Enter')
                    onDateInput(end, keyEvent.currentTarget.value, true);
                }}
              />
            </div>
          );
        })}
        {inputError && (
          <p className="date-error" id={errorId} role="alert">
            {inputError}
          </p>
        )}
        <div className="presets" role="group" aria-label={i18n._('Quick ranges')}>
          {otherPresets.map(presetButton)}
          {yearPresets.length > 0 && yearPresets.length <= 6
            ? yearPresets.map(presetButton)
            : yearPresets.length > 6 && (
                <select
                  className="chip year-select"
                  aria-label={i18n._('Year')}
                  value={activePreset?.kind === 'year' ? activePreset.label : ''}
                  onChange={(changeEvent) => {
                    const preset = yearPresets.find(
                      (candidate) => candidate.label === changeEvent.target.value,
                    );
                    if (preset) onRangeChange({ from: preset.from, to: preset.to });
                  }}
                >
                  <option value="">{i18n._('Year…')}</option>
                  {yearPresets.map((preset) => (
                    <option key={preset.label} value={preset.label}>
                      {preset.label}
                    </option>
                  ))}
                </select>
              )}
        </div>
        {play && <div className="timeline-play">{play}</div>}
        {hasNote && (
          <Suspense fallback={null}>
            <BulkNote id={noteId} bulk={bulk} shown={activePreset?.kind === 'recent'} />
          </Suspense>
        )}
      </div>
      <div className="timeline-axis">
        {edges && (edges.earlier > 0 || edges.fit === 'earlier') && (
          <Suspense fallback={null}>
            <EdgeButton side="earlier" edges={edges} />
          </Suspense>
        )}
        <TimelineStrip
          bins={bins}
          extent={{ from: first, to: last }}
          allWeights={allWeights}
          matchWeights={matchWeights}
          from={from}
          to={to}
          selectedEvent={selectedEvent}
          onRangeChange={onRangeChange}
        />
        {edges && (edges.later > 0 || edges.fit === 'later') && (
          <Suspense fallback={null}>
            <EdgeButton side="later" edges={edges} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
