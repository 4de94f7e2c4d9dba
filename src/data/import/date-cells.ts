/**
 * Reading the dates people actually write into EDTF (docs/contracts.md §1). Every cell becomes
 * either an EDTF string whose precision is honest ("Sep-84" is September 1984, not 1 September) or
 * a reason it could not be read. Day/month order is decided per column from the data, never per
 * cell, so "03/04/2020" means the same thing on every row.
 */
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { parseEdtf } from '../model/edtf.ts';

export type DayOrder = 'day-first' | 'month-first';

/** What the values of a column say about day/month order. */
export type DayOrderEvidence =
  /** No numeric dates like 03/04/2020 at all: the order does not matter. */
  | 'not-needed'
  /** Some first numbers exceed 12 (31/01/2020), none of the second. */
  | 'day-first'
  /** Some second numbers exceed 12 (01/31/2020), none of the first. */
  | 'month-first'
  /** Every value fits both orders: the reader must say. */
  | 'undecided'
  /** Both kinds occur: the column mixes orders, and some rows will be wrong either way. */
  | 'conflicting';

/**
 * Two-digit years: 69–99 are 1969–1999 and 00–68 are 2000–2068, the POSIX `strptime` rule that
 * spreadsheets and databases share. "9-Apr-84" is 1984; "5-Jul-06" is 2006.
 */
// The column dialog and About this file state the rule (open-dataset/import-text.ts).
const TWO_DIGIT_YEAR_PIVOT = 69;

function expandTwoDigitYear(twoDigits: number): number {
  return twoDigits >= TWO_DIGIT_YEAR_PIVOT ? 1900 + twoDigits : 2000 + twoDigits;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const NUMERIC_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?$/;
const ISO_SPACED =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MONTH_NAME_YEAR =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/;
const MONTH_NAME_DAY_YEAR =
  /^([A-Za-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}|\d{2})$/;
const MONTH_NAME_YEAR = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/;
const MILLISECONDS = /^-?\d{11,14}(?:\.\d+)?$/;

export type DateCellResult =
  { ok: true; edtf: string } | { ok: false; reason: string; message: Message };

function unreadable(message: Message): DateCellResult {
  return { ok: false, reason: inEnglish(message), message };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function year(text: string): number {
  return text.length === 2 ? expandTwoDigitYear(Number(text)) : Number(text);
}

/** A cell as a message quotes it: a 1 MB cell must not become a 1 MB line in the issues list. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checked(edtf: string, raw: string): DateCellResult {
  const result = parseEdtf(edtf);
  return result.ok
    ? { ok: true, edtf }
    : unreadable(
        /*i18n*/ {
          id: '“{cell}” is not a real date ({reason})',
          values: { cell: shown(raw), reason: result.message },
        },
      );
}

/** A time of day, dropped when it is exactly midnight: exports write 00:00 for "no time given". */
function timePart(
  hour: number,
  minute: number,
  second: number,
  offset = '',
  fraction = '',
): string {
  if (hour === 0 && minute === 0 && second === 0 && offset === '' && !fraction) return '';
  return `T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`;
}

function twelveHour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/** Reads one cell. `dayOrder` applies only to all-numeric dates like 03/04/2020. */
export function parseDateCell(raw: string, dayOrder: DayOrder): DateCellResult {
  const text = raw.trim();
  if (text === '') return unreadable(/*i18n*/ { id: 'the date is empty' });

  // Already EDTF (our own exports, ISO dates, months, years, intervals, ISO date-times).
  if (parseEdtf(text).ok) return { ok: true, edtf: text };

  let match = ISO_SPACED.exec(text);
  if (match) {
    const [, y, m, d, hh, mm, ss, fraction, zone] = match;
    const offset =
      zone === undefined
        ? ''
        : /^(z|utc|gmt)$/i.test(zone)
          ? 'Z'
          : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const time =
      hh === undefined ? '' : timePart(Number(hh), Number(mm), Number(ss ?? 0), offset, fraction);
    return checked(`${y}-${pad(Number(m))}-${pad(Number(d))}${time}`, text);
  }

  match = NUMERIC_DATE.exec(text);
  if (match) {
    const [, first, second, y, hh, mm, ss, meridiem] = match;
    const [day, month] = dayOrder === 'day-first' ? [first, second] : [second, first];
    const time =
      hh === undefined
        ? ''
        : timePart(twelveHour(Number(hh), meridiem), Number(mm), Number(ss ?? 0));
    return checked(
      `${pad(year(y ?? ''), 4)}-${pad(Number(month))}-${pad(Number(day))}${time}`,
      text,
    );
  }

  match = DAY_MONTH_NAME_YEAR.exec(text) ?? null;
  if (match) {
    const [, day, name, y] = match;
    const month = monthNumber(name ?? '');
    if (month === undefined) {
      return unreadable(
        /*i18n*/ {
          id: '“{cell}”: “{name}” is not a month',
          values: { cell: shown(text), name: name ?? '' },
        },
      );
    }
    return checked(`${pad(year(y ?? ''), 4)}-${pad(month)}-${pad(Number(day))}`, text);
  }

  match = MONTH_NAME_DAY_YEAR.exec(text);
  if (match) {
    const [, name, day, y] = match;
    const month = monthNumber(name ?? '');
    if (month !== undefined)
      return checked(`${pad(year(y ?? ''), 4)}-${pad(month)}-${pad(Number(day))}`, text);
  }

  match = MONTH_NAME_YEAR.exec(text);
  if (match) {
    const [, name, y] = match;
    const month = monthNumber(name ?? '');
    // Month precision, honestly: "Sep-84" is September 1984, not 1 September 1984.
    if (month !== undefined) return checked(`${pad(year(y ?? ''), 4)}-${pad(month)}`, text);
  }

  if (MILLISECONDS.test(text)) {
    const instant = new Date(Number(text));
    if (Number.isNaN(instant.getTime())) {
      return unreadable(
        /*i18n*/ { id: '“{cell}” is out of range as a time', values: { cell: shown(text) } },
      );
    }
    // Milliseconds since 1970 are an instant in UTC: the calendar day is the UTC one, stated with Z.
    return checked(instant.toISOString().replace(/\.000Z$/, 'Z'), text);
  }

  return unreadable(
    /*i18n*/ {
      id: '“{cell}” is not a date this importer can read (try 2024-10-08, 08/10/2024, 9-Apr-84, Sep-84 or milliseconds since 1970)',
      values: { cell: shown(text) },
    },
  );
}

/** Looks at every numeric date of a column to decide whether 03/04/2020 is 3 April or 4 March. */
export function dayOrderEvidence(values: Iterable<string>): DayOrderEvidence {
  let numeric = 0;
  let firstOver12 = 0;
  let secondOver12 = 0;
  for (const value of values) {
    const match = NUMERIC_DATE.exec(value.trim());
    if (!match) continue;
    numeric += 1;
    if (Number(match[1]) > 12) firstOver12 += 1;
    if (Number(match[2]) > 12) secondOver12 += 1;
  }
  if (numeric === 0) return 'not-needed';
  if (firstOver12 > 0 && secondOver12 > 0) return 'conflicting';
  if (firstOver12 > 0) return 'day-first';
  if (secondOver12 > 0) return 'month-first';
  return 'undecided';
}

function hasTwoDigitYear(text: string): boolean {
  const match =
    NUMERIC_DATE.exec(text) ?? DAY_MONTH_NAME_YEAR.exec(text) ?? MONTH_NAME_DAY_YEAR.exec(text);
  if (match) return match[3]?.length === 2;
  return MONTH_NAME_YEAR.exec(text)?.[2]?.length === 2;
}

/** Distinct date cells remembered by usesTwoDigitYears. */
const TRIED_DATES = 100_000;

/** True when any value of the column used a two-digit year, so the pivot rule should be stated. */
export function usesTwoDigitYears(values: Iterable<string>): boolean {
  // A column repeats its dates (a million rows over a few thousand days): each is tried once,
  // up to a bound, past which a column of distinct date-times is simply tried in full.
  const tried = new Set<string>();
  for (const value of values) {
    if (tried.has(value)) continue;
    if (tried.size < TRIED_DATES) tried.add(value);
    if (hasTwoDigitYear(value.trim())) return true;
  }
  return false;
}

/** What two columns' evidence says together (a start and an end column share one order). */
export function combineEvidence(a: DayOrderEvidence, b: DayOrderEvidence): DayOrderEvidence {
  if (a === 'not-needed') return b;
  if (b === 'not-needed' || a === b) return a;
  if (a === 'conflicting' || b === 'conflicting') return 'conflicting';
  if (a === 'undecided') return b;
  if (b === 'undecided') return a;
  return 'conflicting';
}
