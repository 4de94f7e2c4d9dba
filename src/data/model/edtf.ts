/**
 * A small parser for the EDTF (ISO 8601-2) forms of the dataset contract: day, month, year,
 * intervals of those, the qualifiers `?` `~` `%`, and a date-time with an offset. Every date
 * resolves to a closed interval of calendar days. Written here rather than taken from the `edtf`
 * package because the contract needs a small subset, and this one never builds a Date object:
 * a calendar date must not move with the viewer's time zone.
 */
import { inEnglish, type Message, type MessageValue } from '../../lib/i18n/message.ts';
import { daysInMonth, dayFromCivil, type CalendarDay } from './calendar-day.ts';

type DatePrecision = 'day' | 'month' | 'year';
type DateQualifier = 'uncertain' | 'approximate' | 'uncertain-approximate';

export interface DateTimeOfDay {
  hour: number;
  minute: number;
  second: number;
  /** `Z`, `+09:00`, … or null for a local time without an offset. */
  offset: string | null;
}

export interface EdtfPoint {
  precision: DatePrecision;
  year: number;
  month: number | null;
  day: number | null;
  qualifier: DateQualifier | null;
  time: DateTimeOfDay | null;
  start: CalendarDay;
  end: CalendarDay;
}

export interface EventDate {
  /** The EDTF text as written in the data. */
  edtf: string;
  /** The first calendar day the event may cover. */
  start: CalendarDay;
  /** The last calendar day the event may cover (inclusive). */
  end: CalendarDay;
  from: EdtfPoint;
  /** Present for intervals only. */
  to: EdtfPoint | null;
}

export type EdtfResult =
  { ok: true; date: EventDate } | { ok: false; reason: string; message: Message };

const QUALIFIERS: Record<string, DateQualifier> = {
  '?': 'uncertain',
  '~': 'approximate',
  '%': 'uncertain-approximate',
};

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function invalid(message: Message): EdtfResult {
  return { ok: false, reason: inEnglish(message), message };
}

function isPoint(parsed: EdtfPoint | Message): parsed is EdtfPoint {
  return 'precision' in parsed;
}

function parsePoint(text: string): EdtfPoint | Message {
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) return parseDateTime(dateTime);
  const match = POINT.exec(text);
  if (!match) {
    return /*i18n*/ {
      id: '"{text}" is not an EDTF date (expected forms like 2024-10-08, 2024-06, 2024, 2024-09~ or 2024-10-03/2024-10-04)',
      values: { text },
    };
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  const qualifier = match[4] === undefined ? null : (QUALIFIERS[match[4]] ?? null);
  if (month === null) {
    return point(
      'year',
      year,
      null,
      null,
      qualifier,
      dayFromCivil(year, 1, 1),
      dayFromCivil(year, 12, 31),
    );
  }
  if (month < 1 || month > 12) {
    return /*i18n*/ {
      id: 'month {month} does not exist in "{text}"',
      values: { month: match[2] ?? '', text },
    };
  }
  const lastDay = daysInMonth(year, month);
  if (day === null) {
    return point(
      'month',
      year,
      month,
      null,
      qualifier,
      dayFromCivil(year, month, 1),
      dayFromCivil(year, month, lastDay),
    );
  }
  if (day < 1 || day > lastDay) {
    return /*i18n*/ {
      id: 'day {day} does not exist in "{text}"',
      values: { day: match[3] ?? '', text },
    };
  }
  const dayNumber = dayFromCivil(year, month, day);
  return point('day', year, month, day, qualifier, dayNumber, dayNumber);
}

function parseDateTime(match: RegExpExecArray): EdtfPoint | Message {
  const [text, y, mo, d, h, mi, s, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return /*i18n*/ { id: '"{text}" is not a real calendar date', values: { text } };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return /*i18n*/ { id: '"{text}" is not a real time of day', values: { text } };
  }
  if (offset !== undefined && offset !== 'Z') {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMinutes = Number(offset.slice(-2));
    if (offsetHours > 14 || offsetMinutes > 59) {
      return /*i18n*/ { id: '"{offset}" is not a real UTC offset', values: { offset } };
    }
  }
  // The calendar day is the one written, in the date-time's own offset: no conversion to UTC.
  const dayNumber = dayFromCivil(year, month, day);
  return {
    ...point('day', year, month, day, null, dayNumber, dayNumber),
    time: { hour, minute, second, offset: offset ?? null },
  };
}

function point(
  precision: DatePrecision,
  year: number,
  month: number | null,
  day: number | null,
  qualifier: DateQualifier | null,
  start: CalendarDay,
  end: CalendarDay,
): EdtfPoint {
  return { precision, year, month, day, qualifier, time: null, start, end };
}

/** Parses one EDTF date of the contract into its calendar-day interval, or says why it cannot. */
export function parseEdtf(input: unknown): EdtfResult {
  if (typeof input !== 'string')
    return invalid(
      /*i18n*/ {
        id: 'expected an EDTF date string, got {type}',
        values: { type: typeName(input) },
      },
    );
  const text = input.trim();
  if (text === '') return invalid(/*i18n*/ { id: 'the date is empty' });
  if (text.length > 64) return invalid(/*i18n*/ { id: 'the date is too long to be an EDTF date' });
  const parts = text.split('/');
  if (parts.length > 2) {
    return invalid(/*i18n*/ { id: '"{text}" has more than one "/"', values: { text } });
  }
  if (parts.length === 1) {
    const single = parsePoint(text);
    if (!isPoint(single)) return invalid(single);
    return {
      ok: true,
      date: { edtf: text, start: single.start, end: single.end, from: single, to: null },
    };
  }
  const [fromText = '', toText = ''] = parts;
  if (fromText === '' || toText === '' || fromText === '..' || toText === '..') {
    return invalid(
      /*i18n*/ {
        id: 'open-ended intervals like "{text}" are not supported: give both ends',
        values: { text },
      },
    );
  }
  const from = parsePoint(fromText);
  if (!isPoint(from)) return invalid(from);
  const to = parsePoint(toText);
  if (!isPoint(to)) return invalid(to);
  if (from.time || to.time) {
    return invalid(
      /*i18n*/ { id: 'intervals of date-times like "{text}" are not supported', values: { text } },
    );
  }
  if (from.start > to.end) {
    return invalid(
      /*i18n*/ { id: 'the interval "{text}" ends before it starts', values: { text } },
    );
  }
  return {
    ok: true,
    date: { edtf: text, start: from.start, end: Math.max(from.end, to.end), from, to },
  };
}

/** What kind of JSON value this is, as a message may name it ("expected text, got an array"). */
export function typeName(value: unknown): MessageValue {
  if (value === null) return /*i18n*/ { id: 'null' };
  if (Array.isArray(value)) return /*i18n*/ { id: 'an array' };
  if (typeof value === 'object') return /*i18n*/ { id: 'an object' };
  if (typeof value === 'string') return /*i18n*/ { id: 'a string' };
  // 1e400 in JSON reads as Infinity: "must be a number, got a number" would explain nothing.
  if (typeof value === 'number') {
    return Number.isFinite(value) ? /*i18n*/ { id: 'a number' } : String(value);
  }
  if (typeof value === 'boolean') return /*i18n*/ { id: 'a true or false value' };
  return typeof value;
}
