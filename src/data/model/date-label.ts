/**
 * Honest date labels: a month-precision date reads "June 2024", never "1 June 2024".
 * In English, month names follow the AP style that newsrooms use (Jan, Feb, March … July, Aug,
 * Sept …), so labels read the way the articles they come from do. In any other language the
 * browser's calendar words for it (`Intl.DateTimeFormat`) give the same precision: "2024년 6월",
 * "2024년 10월 8일", "2024년 9월 1일~10월 8일"; the qualifiers' words come from the catalogue.
 */
import { i18n } from '../../lib/i18n/i18n.ts';
import { civilFromDay, type CalendarDay } from './calendar-day.ts';
import type { EdtfPoint, EventDate } from './edtf.ts';

/** English takes the AP style written out here; every other language, `Intl`'s own words. */
export const apStyle = (): boolean => i18n.locale === 'en';

/** Which parts of a date a label names: y year, m month, d day; L for long month names. */
type DateParts = 'y' | 'm' | 'ym' | 'md' | 'ymd' | 'ymL' | 'ymdL';

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(parts: DateParts): Intl.DateTimeFormat {
  const key = i18n.locale + parts;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.locale, {
      timeZone: 'UTC',
      year: parts.includes('y') ? 'numeric' : undefined,
      month: parts.includes('m') ? (parts.includes('L') ? 'long' : 'short') : undefined,
      day: parts.includes('d') ? 'numeric' : undefined,
    });
    formats.set(key, format);
  }
  return format;
}

/** Calendar days count from 1970-01-01, as Date's UTC milliseconds do. */
const utc = (day: CalendarDay) => new Date(day * 86_400_000);

/** A day in the active language, naming only `parts` of it: "Oct 2024" in English is 'ym'. */
export function formatDayAs(day: CalendarDay, parts: DateParts): string {
  if (!apStyle()) return dateFormat(parts).format(utc(day));
  const { year, month, day: date } = civilFromDay(day);
  const name = parts.includes('L') ? longMonthName(month) : shortMonthName(month);
  if (parts === 'y') return String(year);
  if (parts === 'm') return name;
  if (parts === 'md') return `${date} ${name}`;
  return parts.includes('d') ? `${date} ${name} ${year}` : `${name} ${year}`;
}

/**
 * From one day to another in a language other than English, the parts they share said once:
 * "2024년 9월 1일~10월 8일" (the English callers keep their own AP-style ranges).
 */
export function localDayRange(from: CalendarDay, to: CalendarDay, parts: DateParts = 'ymd') {
  return dateFormat(parts).formatRange(utc(from), utc(to));
}

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

function shortMonthName(month: number): string {
  return SHORT_MONTHS[month - 1] ?? '';
}

function longMonthName(month: number): string {
  return LONG_MONTHS[month - 1] ?? '';
}

/** The parts a label names at each precision. */
const PARTS = { year: 'y', month: 'ym', day: 'ymd' } as const;

function bareLabel(point: EdtfPoint): string {
  return formatDayAs(point.start, PARTS[point.precision]);
}

function withQualifier(label: string, point: EdtfPoint): string {
  switch (point.qualifier) {
    case 'approximate':
      return i18n._('c. {date}', { date: label });
    case 'uncertain':
      return i18n._('{date}?', { date: label });
    case 'uncertain-approximate':
      return i18n._('c. {date}?', { date: label });
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
    return i18n._('{from} – {to}', { from: pointLabel(from), to: pointLabel(to) });
  }
  if (!apStyle()) return localDayRange(from.start, to.start, PARTS[from.precision]);
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
  const date = formatDayAs(
    point.start,
    point.precision === 'year' ? 'y' : `${PARTS[point.precision]}L`,
  );
  switch (point.qualifier) {
    case 'approximate':
      return i18n._('around {date}', { date });
    case 'uncertain':
      return i18n._('{date}, uncertain', { date });
    case 'uncertain-approximate':
      return i18n._('around {date}, uncertain', { date });
    default:
      return date;
  }
}

/** The same date in words for screen readers: "around September 2024" rather than "c dot Sept". */
export function describeEventDate(date: EventDate): string {
  if (!date.to) return spokenPoint(date.from);
  return i18n._('from {from} to {to}', { from: spokenPoint(date.from), to: spokenPoint(date.to) });
}

/** "October 2024": the heading of a month in the chronology. */
export function formatMonthHeading(dayNumber: CalendarDay): string {
  return formatDayAs(dayNumber, 'ymL');
}

/** "8 Oct 2024": a single calendar day, as in a source's publication date. */
export function formatDay(dayNumber: CalendarDay): string {
  return formatDayAs(dayNumber, 'ymd');
}
