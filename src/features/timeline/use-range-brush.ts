import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { Bins } from '../../data/query/histogram.ts';
import {
  daysBetween,
  shiftRange,
  snapToBins,
  stepEnd,
  type DayRange,
  type TimelineScale,
} from './timeline-scale.ts';

type Drag =
  | { mode: 'create'; anchorX: number }
  | { mode: 'move'; grabDay: CalendarDay; start: DayRange }
  | { mode: 'from' | 'to' };

/** A press that moves less than this is a click: it picks the bar under it. */
const CLICK_SLOP_PX = 3;

/**
 * The timeline strip's brush (timeline-strip.tsx): drag across the strip to choose a range, drag
 * the range to move it, drag a handle to resize it; the keyboard moves the handles and the range.
 * A drag snaps to days where they are wide enough to aim at (scale.snap), else to the bars; a
 * click picks a bar, and the keys step by bars. Gives the range being dragged (`draft`, null when
 * none) and the handlers. Its arguments are positional rather than an options object: the strip
 * is in the first load, and every byte counts.
 */
export function useRangeBrush(
  bins: Bins,
  scale: TimelineScale,
  /** The committed range, open ends filled in. */
  committed: DayRange,
  isFiltered: boolean,
  /** The first and last day of the data: a range reaching either is open at that end. */
  extent: DayRange,
  /** The strip, whose left edge pointer positions are measured from. */
  containerRef: RefObject<HTMLDivElement | null>,
  onRangeChange: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void,
) {
  const [draft, setDraft] = useState<DayRange | null>(null);
  const dragRef = useRef<Drag | null>(null);

  function commit(next: DayRange) {
    onRangeChange({
      from: next.from <= extent.from ? null : next.from,
      to: next.to >= extent.to ? null : next.to,
    });
  }

  function pointerX(pointerEvent: PointerEvent) {
    return pointerEvent.clientX - (containerRef.current?.getBoundingClientRect().left ?? 0);
  }

  function onPointerDown(pointerEvent: PointerEvent<SVGSVGElement>) {
    if (pointerEvent.button !== 0) return;
    const target = pointerEvent.target as Element;
    const x = pointerX(pointerEvent);
    const day = scale.dayAt(x);
    const handle = target.closest('[data-handle]')?.getAttribute('data-handle');
    if (handle === 'from' || handle === 'to') dragRef.current = { mode: handle };
    else if (target.closest('[data-selection]') && isFiltered)
      dragRef.current = { mode: 'move', grabDay: day, start: committed };
    else {
      dragRef.current = { mode: 'create', anchorX: x };
      setDraft(snapToBins(bins, { from: day, to: day }));
    }
    pointerEvent.currentTarget.setPointerCapture(pointerEvent.pointerId);
    pointerEvent.preventDefault();
  }

  function onPointerMove(pointerEvent: PointerEvent<SVGSVGElement>) {
    const drag = dragRef.current;
    if (!drag) return;
    const x = pointerX(pointerEvent);
    const day = scale.dayAt(x);
    const byDays = scale.snap === 'day';
    const snap = (range: DayRange) => (byDays ? range : snapToBins(bins, range));
    const current = draft ?? committed;
    if (drag.mode === 'create')
      setDraft(
        byDays && Math.abs(x - drag.anchorX) >= CLICK_SLOP_PX
          ? daysBetween(scale, drag.anchorX, x)
          : snapToBins(bins, { from: scale.dayAt(drag.anchorX), to: day }),
      );
    else if (drag.mode === 'from')
      setDraft(
        snap({ from: Math.min(byDays ? scale.boundaryAt(x) : day, current.to), to: current.to }),
      );
    else if (drag.mode === 'to')
      setDraft(
        snap({
          from: current.from,
          to: Math.max(byDays ? scale.boundaryAt(x) - 1 : day, current.from),
        }),
      );
    else if (drag.mode === 'move') {
      const length = drag.start.to - drag.start.from;
      const from = Math.min(
        Math.max(drag.start.from + (day - drag.grabDay), scale.first),
        scale.end - 1 - length,
      );
      setDraft(snap({ from, to: from + length }));
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
