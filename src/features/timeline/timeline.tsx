import { useId, useMemo } from 'react';
import { formatIsoDay, parseIsoDay, type CalendarDay } from '../../data/calendar-day.ts';
import type { DatasetEvent } from '../../data/schema.ts';
import type { Bins } from './histogram.ts';
import { rangePresets } from './presets.ts';
import { TimelineStrip } from './timeline-strip.tsx';

export interface TimelineProps {
  bins: Bins;
  allWeights: Float64Array;
  matchWeights: Float64Array;
  years: readonly number[];
  from: CalendarDay | null;
  to: CalendarDay | null;
  selectedEvent: DatasetEvent | null;
  onRangeChange: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void;
}

/** The date filter: the strip with its brush, the From and To inputs, and quick ranges. */
export function Timeline({
  bins,
  allWeights,
  matchWeights,
  years,
  from,
  to,
  selectedEvent,
  onRangeChange,
}: TimelineProps) {
  const fromId = useId();
  const toId = useId();
  const first = bins.starts[0] ?? 0;
  const last = bins.end - 1;
  const presets = useMemo(() => rangePresets(first, last, years), [first, last, years]);
  const yearPresets = presets.filter((preset) => /^\d+$/.test(preset.label));
  const otherPresets = presets.filter((preset) => !/^\d+$/.test(preset.label));
  const activePreset =
    presets.find((preset) => preset.from === from && preset.to === to)?.label ?? null;

  function onDateInput(end: 'from' | 'to', value: string) {
    if (value === '') {
      onRangeChange(end === 'from' ? { from: null, to } : { from, to: null });
      return;
    }
    const day = parseIsoDay(value);
    if (day === null) return; // a half-typed date: wait for the rest
    const next = end === 'from' ? { from: day, to } : { from, to: day };
    // Typing an end before the start swaps them, rather than showing nothing.
    if (next.from !== null && next.to !== null && next.to < next.from)
      onRangeChange({ from: next.to, to: next.from });
    else onRangeChange(next);
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <div className="date-field">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="date"
            value={from === null ? '' : formatIsoDay(from)}
            min={formatIsoDay(first)}
            max={formatIsoDay(last)}
            onChange={(changeEvent) => onDateInput('from', changeEvent.target.value)}
          />
        </div>
        <div className="date-field">
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="date"
            value={to === null ? '' : formatIsoDay(to)}
            min={formatIsoDay(first)}
            max={formatIsoDay(last)}
            onChange={(changeEvent) => onDateInput('to', changeEvent.target.value)}
          />
        </div>
        <div className="presets" role="group" aria-label="Quick ranges">
          {otherPresets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              className="chip"
              aria-pressed={activePreset === preset.label}
              onClick={() => onRangeChange({ from: preset.from, to: preset.to })}
            >
              {preset.label}
            </button>
          ))}
          {yearPresets.length > 0 && yearPresets.length <= 6
            ? yearPresets.map((preset) => (
                <button
                  key={preset.label}
                  type="button"
                  className="chip"
                  aria-pressed={activePreset === preset.label}
                  onClick={() => onRangeChange({ from: preset.from, to: preset.to })}
                >
                  {preset.label}
                </button>
              ))
            : yearPresets.length > 6 && (
                <select
                  className="chip year-select"
                  aria-label="Year"
                  value={activePreset !== null && /^\d+$/.test(activePreset) ? activePreset : ''}
                  onChange={(changeEvent) => {
                    const preset = yearPresets.find(
                      (candidate) => candidate.label === changeEvent.target.value,
                    );
                    if (preset) onRangeChange({ from: preset.from, to: preset.to });
                  }}
                >
                  <option value="">Year…</option>
                  {yearPresets.map((preset) => (
                    <option key={preset.label} value={preset.label}>
                      {preset.label}
                    </option>
                  ))}
                </select>
              )}
        </div>
      </div>
      <TimelineStrip
        bins={bins}
        allWeights={allWeights}
        matchWeights={matchWeights}
        from={from}
        to={to}
        selectedEvent={selectedEvent}
        onRangeChange={onRangeChange}
      />
    </section>
  );
}
