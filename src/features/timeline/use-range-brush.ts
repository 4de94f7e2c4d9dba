import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { Bins } from '../../data/query/histogram.ts';
import {
  shiftRange,
  snapToBins,
  stepEnd,
  type DayRange,
  type TimelineScale,
} from './timeline-scale.ts';

type Drag =
  | { mode: 'create'; anchor: CalendarDay }
  | { mode: 'move'; grabDay: CalendarDay; start: DayRange }
  | { mode: 'from' | 'to' };

/**
 * The timeline strip's brush (timeline-strip.tsx): drag across the strip to choose a range, drag
 * the range to move it, drag a handle to resize it; the keyboard moves the handles and the range.
 * Gives the range being dragged (`draft`, null when none) and the handlers. Its arguments are
 * positional rather than an options object: the strip is in the first load, and every byte counts.
 */
export function useRangeBrush(
  bins: Bins,
  scale: TimelineScale,
  /** The committed range, open ends filled in. */
  committed: DayRange,
  isFiltered: boolean,
  /** The last day of the data: a range ending there is open at that end. */
  lastDay: CalendarDay,
  /** The strip, whose left edge pointer positions are measured from. */
  containerRef: RefObject<HTMLDivElement | null>,
  onRangeChange: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void,
) {
  const [draft, setDraft] = useState<DayRange | null>(null);
  const dragRef = useRef<Drag | null>(null);

  function commit(next: DayRange) {
    onRangeChange({
      from: next.from <= scale.first ? null : next.from,
      to: next.to >= lastDay ? null : next.to,
    });
  }

  function dayFromPointer(pointerEvent: PointerEvent) {
    const box = containerRef.current?.getBoundingClientRect();
    return scale.dayAt(pointerEvent.clientX - (box?.left ?? 0));
  }

  function onPointerDown(pointerEvent: PointerEvent<SVGSVGElement>) {
    if (pointerEvent.button !== 0) return;
    const target = pointerEvent.target as Element;
    const day = dayFromPointer(pointerEvent);
    const handle = target.closest('[data-handle]')?.getAttribute('data-handle');
    if (handle === 'from' || handle === 'to') dragRef.current = { mode: handle };
    else if (target.closest('[data-selection]') && isFiltered)
      dragRef.current = { mode: 'move', grabDay: day, start: committed };
    else dragRef.current = { mode: 'create', anchor: day };
    pointerEvent.currentTarget.setPointerCapture(pointerEvent.pointerId);
    if (dragRef.current.mode === 'create') setDraft(snapToBins(bins, { from: day, to: day }));
    pointerEvent.preventDefault();
  }

  function onPointerMove(pointerEvent: PointerEvent<SVGSVGElement>) {
    const drag = dragRef.current;
    if (!drag) return;
    const day = dayFromPointer(pointerEvent);
    const current = draft ?? committed;
    if (drag.mode === 'create') setDraft(snapToBins(bins, { from: drag.anchor, to: day }));
    else if (drag.mode === 'from')
      setDraft(snapToBins(bins, { from: Math.min(day, current.to), to: current.to }));
    else if (drag.mode === 'to')
      setDraft(snapToBins(bins, { from: current.from, to: Math.max(day, current.from) }));
    else if (drag.mode === 'move') {
      const length = drag.start.to - drag.start.from;
      const from = Math.min(
        Math.max(drag.start.from + (day - drag.grabDay), scale.first),
        lastDay - length,
      );
      setDraft(snapToBins(bins, { from, to: from + length }));
    }
  }

  function onPointerUp() {
    if (dragRef.current && draft) commit(draft);
    dragRef.current = null;
    setDraft(null);
  }

  function onHandleKeyDown(end: 'from' | 'to', keyEvent: KeyboardEvent) {
    const bigStep = Math.max(2, Math.round(bins.starts.length / 10));
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -bigStep,
      PageUp: bigStep,
      Home: -bins.starts.length,
      End: bins.starts.length,
    };
    const step = steps[keyEvent.key];
    if (step === undefined) return;
    keyEvent.preventDefault();
    keyEvent.stopPropagation();
    const multiplier = keyEvent.shiftKey && Math.abs(step) === 1 ? bigStep : 1;
    commit(stepEnd(bins, committed, end, step * multiplier));
  }

  function onSelectionKeyDown(keyEvent: KeyboardEvent) {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[keyEvent.key];
    if (step === undefined || !isFiltered) return;
    keyEvent.preventDefault();
    commit(
      shiftRange(
        bins,
        committed,
        step * (keyEvent.shiftKey ? Math.max(2, Math.round(bins.starts.length / 10)) : 1),
      ),
    );
  }

  return {
    draft,
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onHandleKeyDown,
    onSelectionKeyDown,
  };
}
