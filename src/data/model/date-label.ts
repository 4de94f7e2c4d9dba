/**
 * Honest date labels: a month-precision date reads "June 2024", never "1 June 2024".
 * Month names follow the AP style that newsrooms use (Jan, Feb, March … July, Aug, Sept …), so
 * labels read the way the articles they come from do.
 */
import { civilFromDay, type CalendarDay } from './calendar-day.ts';
import type { EdtfPoint, EventDate } from './edtf.ts';

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function shortMonthName(month: number): string {
  return SHORT_MONTHS[month - 1] ?? '';
}

function longMonthName(month: number): string {
  return LONG_MONTHS[month - 1] ?? '';
}

function bareLabel(point: EdtfPoint): string {
  if (point.precision === 'year') return String(point.year);
  if (point.precision === 'month') return `${shortMonthName(point.month ?? 1)} ${point.year}`;
  return `${point.day} ${shortMonthName(point.month ?? 1)} ${point.year}`;
}

function withQualifier(label: string, point: EdtfPoint): string {
  switch (point.qualifier) {
    case 'approximate':
      return `c. ${label}`;
    case 'uncertain':
      return `${label}?`;
    case 'uncertain-approximate':
      return `c. ${label}?`;
    default:
      return label;
  }
}

function timeLabel(point: EdtfPoint): string {
  if (!point.time) return '';
  const hhmm = `${String(point.time.hour).padStart(2, '0')}:${String(point.time.minute).padStart(2, '0')}`;
  const { offset } = point.time;
  if (offset === null) return `, ${hhmm}`;
  if (offset === 'Z') return `, ${hhmm} UTC`;
  const normalised = offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `, ${hhmm} UTC${normalised}`;
}

function pointLabel(point: EdtfPoint): string {
  return withQualifier(bareLabel(point) + timeLabel(point), point);
}

/** The label shown for an event date: "8 Oct 2024", "June 2024", "3–4 Oct 2024", "c. Sept 2024". */
export function formatEventDate(date: EventDate): string {
  const { from, to } = date;
  if (!to) return pointLabel(from);
  if (from.qualifier || to.qualifier || from.precision !== to.precision) {
    return `${pointLabel(from)} – ${pointLabel(to)}`;
  }
  if (from.precision === 'year')
    return from.year === to.year ? String(from.year) : `${from.year}–${to.year}`;
  if (from.precision === 'month') {
    if (from.year !== to.year) return `${bareLabel(from)} – ${bareLabel(to)}`;
    if (from.month === to.month) return bareLabel(from);
    return `${shortMonthName(from.month ?? 1)}–${shortMonthName(to.month ?? 1)} ${to.year}`;
  }
  if (from.year !== to.year) return `${bareLabel(from)} – ${bareLabel(to)}`;
  if (from.month !== to.month) {
    return `${from.day} ${shortMonthName(from.month ?? 1)} – ${to.day} ${shortMonthName(to.month ?? 1)} ${to.year}`;
  }
  if (from.day === to.day) return bareLabel(from);
  return `${from.day}–${to.day} ${shortMonthName(to.month ?? 1)} ${to.year}`;
}

function spokenPoint(point: EdtfPoint): string {
  const month = point.month === null ? '' : longMonthName(point.month);
  const base =
    point.precision === 'year'
      ? String(point.year)
      : point.precision === 'month'
        ? `${month} ${point.year}`
        : `${point.day} ${month} ${point.year}`;
  switch (point.qualifier) {
    case 'approximate':
      return `around ${base}`;
    case 'uncertain':
      return `${base}, uncertain`;
    case 'uncertain-approximate':
      return `around ${base}, uncertain`;
    default:
      return base;
  }
}

/** The same date in words for screen readers: "around September 2024" rather than "c dot Sept". */
export function describeEventDate(date: EventDate): string {
  if (!date.to) return spokenPoint(date.from);
  return `from ${spokenPoint(date.from)} to ${spokenPoint(date.to)}`;
}

/** "October 2024": the heading of a month in the chronology. */
export function formatMonthHeading(dayNumber: CalendarDay): string {
  const { year, month } = civilFromDay(dayNumber);
  return `${longMonthName(month)} ${year}`;
}

/** "8 Oct 2024": a single calendar day, as in a source's publication date. */
export function formatDay(dayNumber: CalendarDay): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${day} ${shortMonthName(month)} ${year}`;
}
