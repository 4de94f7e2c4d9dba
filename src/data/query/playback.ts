/**
 * Playback's frames as pure arithmetic on calendar days: where a play starts, how far a frame
 * moves, what happens at the end of the data. The engine (features/playback) only times the
 * frames and writes each one to the URL's from/to, as the brush does.
 */
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  type CalendarDay,
} from '../model/calendar-day.ts';
import { apStyle, formatDay, formatDayAs, localDayRange } from '../model/date-label.ts';

/** The window that moves: the current range's width, or a day, a week or a calendar month. */
export type PlayWindow = 'range' | 'day' | 'week' | 'month';

export const PLAY_WINDOWS: readonly PlayWindow[] = ['range', 'day', 'week', 'month'];
export const PLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

export interface PlaybackSettings {
  window: PlayWindow;
  /** From stays at the start and To grows: events stay once shown. */
  cumulative: boolean;
  speed: PlaySpeed;
  /** At the end of the data: start again from its beginning, or stop there (the default). */
  loop: boolean;
}

export const DEFAULT_PLAYBACK: PlaybackSettings = {
  window: 'range',
  cumulative: false,
  speed: 1,
  loop: false,
};

/** A frame: the inclusive days shown. */
export interface DayFrame {
  from: CalendarDay;
  to: CalendarDay;
}

/** What a play needs to know besides the settings. */
export interface PlayContext {
  settings: PlaybackSettings;
  /** The first and last day of the data. */
  extent: DayFrame;
  /** The moving window's width in days, for the 'range' window (widthOnStart). */
  width: number;
}

/**
 * At 1×, smooth playback crosses the whole span of the data in this many seconds, whatever the
 * span: a week of earthquakes and forty years of incidents both play in about 20 s.
 */
const SECONDS_PER_SPAN = 20;
/** Under reduced motion a step shows for this long at 1×: long enough to read its announcement. */
export const STEP_MS = 1500;
/** An unfiltered range has the data's whole width: its window is then a tenth of it. */
const WINDOW_SHARE_OF_SPAN = 10;

function spanDays(extent: DayFrame): number {
  return extent.to - extent.from + 1;
}

/** How many days a smooth play advances per second. */
export function daysPerSecond(extent: DayFrame, speed: PlaySpeed): number {
  return Math.max(1, spanDays(extent) / SECONDS_PER_SPAN) * speed;
}

/** The same day of the month `months` later, or that month's last day when it is shorter. */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const nextYear = Math.floor(index / 12);
  const nextMonth = index - nextYear * 12 + 1;
  return dayFromCivil(nextYear, nextMonth, Math.min(dayOfMonth, daysInMonth(nextYear, nextMonth)));
}

/** The first day of the window unit holding `day`: a week starts on Monday, a month on the 1st. */
export function alignToWindow(day: CalendarDay, window: PlayWindow): CalendarDay {
  if (window === 'week') return day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  if (window === 'month') return day - civilFromDay(day).day + 1;
  return day;
}

/** The last day of the window that starts on `from`. */
export function windowEnd(from: CalendarDay, window: PlayWindow, width: number): CalendarDay {
  switch (window) {
    case 'day':
      return from;
    case 'week':
      return from + 6;
    case 'month':
      return addMonths(from, 1) - 1;
    case 'range':
      return from + Math.max(1, width) - 1;
  }
}

/** The 'range' window's width for the range shown now: its own, or a tenth of an open one. */
export function widthOnStart(range: DayFrame, extent: DayFrame): number {
  const open = range.from <= extent.from && range.to >= extent.to;
  return open
    ? Math.max(1, Math.ceil(spanDays(extent) / WINDOW_SHARE_OF_SPAN))
    : range.to - range.from + 1;
}

/** The first frame from the data's beginning (or, cumulative, from `anchor`). */
function openingFrame(anchor: CalendarDay, context: PlayContext): DayFrame {
  const { window, cumulative } = context.settings;
  const start = alignToWindow(anchor, window);
  const to = Math.min(windowEnd(start, window, context.width), context.extent.to);
  return { from: cumulative ? anchor : start, to };
}

/**
 * Where Play starts from the range shown now. An open range starts at the data's beginning; a
 * range that already reaches the data's end starts again from the beginning (as a player does at
 * the end of a track); any other range plays on from where it is: a paused frame resumes. A
 * moving window takes its shape at once (a week from the range's first day); cumulative keeps
 * the range's first day and grows its end.
 */
export function startFrame(range: DayFrame, context: PlayContext): DayFrame {
  const { extent, settings } = context;
  const open = range.from <= extent.from && range.to >= extent.to;
  if (open || range.to >= extent.to) {
    return openingFrame(settings.cumulative && !open ? range.from : extent.from, context);
  }
  if (settings.cumulative) return { from: range.from, to: range.to };
  return {
    from: range.from,
    to: Math.min(windowEnd(range.from, settings.window, context.width), extent.to),
  };
}

export interface Advance {
  frame: DayFrame;
  /** The frame reaches the data's last day: the play stops here, or loops. */
  atEnd: boolean;
}

/**
 * The frame after `frame`: moved on by `days` whole days (smooth playback), or by one whole
 * window (`'window'`, reduced motion: the next week starts the day after this one ends). A
 * cumulative frame keeps its first day and moves its last. The last frame ends on the data's
 * last day.
 */
export function advanceFrame(
  frame: DayFrame,
  by: number | 'window',
  context: PlayContext,
): Advance {
  const { settings, extent, width } = context;
  const { window, cumulative } = settings;
  let next: DayFrame;
  if (cumulative) {
    next = {
      from: frame.from,
      to: by === 'window' ? windowEnd(frame.to + 1, window, width) : frame.to + by,
    };
  } else {
    const from = by === 'window' ? frame.to + 1 : frame.from + by;
    next = { from, to: windowEnd(from, window, width) };
  }
  if (next.to < extent.to) return { frame: next, atEnd: false };
  return {
    frame: { from: Math.min(next.from, extent.to), to: extent.to },
    atEnd: true,
  };
}

/** After the last frame, with loop on: the first frame again (cumulative: from its anchor). */
export function loopFrame(frame: DayFrame, context: PlayContext): DayFrame {
  return openingFrame(context.settings.cumulative ? frame.from : context.extent.from, context);
}

/**
 * A frame as the URL holds it: an end at the data's edge is open (null), as the brush writes it,
 * so that the last frame of a cumulative play from the beginning is the unfiltered view.
 */
export function frameToRange(
  frame: DayFrame,
  extent: DayFrame,
): { from: CalendarDay | null; to: CalendarDay | null } {
  return {
    from: frame.from <= extent.from ? null : frame.from,
    to: frame.to >= extent.to ? null : frame.to,
  };
}

/**
 * A frame in words for the announcement under reduced motion: "3–9 June 2024", "June 2024" for
 * a whole calendar month, "28 May – 3 June 2024", "8 Oct 2024" for one day.
 */
export function frameLabel(frame: DayFrame): string {
  const from = civilFromDay(frame.from);
  const to = civilFromDay(frame.to);
  if (frame.from === frame.to) return formatDay(frame.from);
  const sameMonth = from.year === to.year && from.month === to.month;
  if (sameMonth && from.day === 1 && to.day === daysInMonth(to.year, to.month))
    return formatDayAs(frame.to, 'ym');
  if (!apStyle()) return localDayRange(frame.from, frame.to);
  if (sameMonth) return `${from.day}–${to.day} ${formatDayAs(frame.to, 'ym')}`;
  if (from.year === to.year) return `${formatDayAs(frame.from, 'md')} – ${formatDay(frame.to)}`;
  return `${formatDay(frame.from)} – ${formatDay(frame.to)}`;
}
