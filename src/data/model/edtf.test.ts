import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, formatIsoDay } from './calendar-day.ts';
import { parseEdtf, type EventDate } from './edtf.ts';
import { describeEventDate, formatEventDate } from './date-label.ts';

function parsed(text: string): EventDate {
  const result = parseEdtf(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.reason}`);
  return result.date;
}

function interval(text: string): [string, string] {
  const date = parsed(text);
  return [formatIsoDay(date.start), formatIsoDay(date.end)];
}

describe('EDTF dates resolve to closed intervals of calendar days', () => {
  it.each([
    ['2024-10-08', '2024-10-08', '2024-10-08'],
    ['2024-06', '2024-06-01', '2024-06-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-10-03/2024-10-04', '2024-10-03', '2024-10-04'],
    ['2024-06/2024-10-08', '2024-06-01', '2024-10-08'],
    ['2023/2024-03', '2023-01-01', '2024-03-31'],
    ['2024-09~', '2024-09-01', '2024-09-30'],
    ['2024-10-04?', '2024-10-04', '2024-10-04'],
    ['2024%', '2024-01-01', '2024-12-31'],
    ['2024-09~/2024-10-08?', '2024-09-01', '2024-10-08'],
    ['2024-10-08T09:30:00+09:00', '2024-10-08', '2024-10-08'],
    ['2024-10-07T23:30:00-07:00', '2024-10-07', '2024-10-07'],
    ['2024-10-08T00:10:00Z', '2024-10-08', '2024-10-08'],
  ])('%s → %s … %s', (text, start, end) => {
    expect(interval(text)).toEqual([start, end]);
  });

  it('keeps qualifiers without changing the interval', () => {
    expect(parsed('2024-09~').from.qualifier).toBe('approximate');
    expect(parsed('2024-10-04?').from.qualifier).toBe('uncertain');
    expect(parsed('2024%').from.qualifier).toBe('uncertain-approximate');
    expect(interval('2024-09~')).toEqual(interval('2024-09'));
  });

  it.each([
    ['yesterday', 'not an EDTF date'],
    ['2024-13', 'month 13 does not exist'],
    ['2023-02-29', 'day 29 does not exist'],
    ['2024-10-05/2024-10-01', 'ends before it starts'],
    ['2024/..', 'open-ended'],
    ['2024/2025/2026', 'more than one'],
    ['', 'empty'],
    ['2024-10-08T25:00:00Z', 'not a real time'],
    ['08/10/2024', 'more than one'],
  ])('refuses %j, saying why', (text, reason) => {
    const result = parseEdtf(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('refuses values that are not text', () => {
    for (const value of [null, 20241008, {}, [], true, undefined]) {
      expect(parseEdtf(value).ok).toBe(false);
    }
  });

  it('gives any valid day, month or year the interval a calendar gives it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('', '?', '~', '%'),
        (year, month, rawDay, qualifier) => {
          const day = Math.min(rawDay, daysInMonth(year, month));
          const yyyy = String(year).padStart(4, '0');
          const mm = String(month).padStart(2, '0');
          const dd = String(day).padStart(2, '0');
          expect(interval(`${yyyy}-${mm}-${dd}${qualifier}`)).toEqual([
            `${yyyy}-${mm}-${dd}`,
            `${yyyy}-${mm}-${dd}`,
          ]);
          const lastDay = String(daysInMonth(year, month)).padStart(2, '0');
          expect(interval(`${yyyy}-${mm}${qualifier}`)).toEqual([
            `${yyyy}-${mm}-01`,
            `${yyyy}-${mm}-${lastDay}`,
          ]);
          expect(interval(`${yyyy}${qualifier}`)).toEqual([`${yyyy}-01-01`, `${yyyy}-12-31`]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the string (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = parseEdtf(text);
        if (result.ok) expect(result.date.start).toBeLessThanOrEqual(result.date.end);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('date labels show precision honestly', () => {
  it.each([
    ['2024-10-08', '8 Oct 2024'],
    ['2024-06', 'June 2024'],
    ['2024', '2024'],
    ['2024-10-03/2024-10-04', '3–4 Oct 2024'],
    ['2024-09~', 'c. Sept 2024'],
    ['2024-10-04?', '4 Oct 2024?'],
    ['2024%', 'c. 2024?'],
    ['2024-09-28/2024-10-02', '28 Sept – 2 Oct 2024'],
    ['2023-12-30/2024-01-02', '30 Dec 2023 – 2 Jan 2024'],
    ['2024-09/2024-10', 'Sept–Oct 2024'],
    ['2023-12/2024-01', 'Dec 2023 – Jan 2024'],
    ['2023/2024', '2023–2024'],
    ['2024-06/2024-10-08', 'June 2024 – 8 Oct 2024'],
    ['2024-09~/2024-10-08', 'c. Sept 2024 – 8 Oct 2024'],
    ['2024-10-08T09:30:00+09:00', '8 Oct 2024, 09:30 UTC+09:00'],
    ['2024-10-08T09:30Z', '8 Oct 2024, 09:30 UTC'],
    ['2024-01', 'Jan 2024'],
  ])('%s reads "%s"', (text, label) => {
    expect(formatEventDate(parsed(text))).toBe(label);
  });

  it('reads out qualifiers in words for screen readers', () => {
    expect(describeEventDate(parsed('2024-09~'))).toBe('around September 2024');
    expect(describeEventDate(parsed('2024-10-04?'))).toBe('4 October 2024, uncertain');
    expect(describeEventDate(parsed('2024-10-03/2024-10-04'))).toBe(
      'from 3 October 2024 to 4 October 2024',
    );
  });
});

describe('calendar dates never move with the time zone', () => {
  // The unit suite runs once per zone (UTC, America/Los_Angeles, Asia/Seoul: see package.json), so
  // these fixed expectations hold in each of them.
  it('runs in the time zone it was asked to', () => {
    const requested = process.env.TZ;
    if (requested) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(requested);
  });

  it.each([
    ['2024-10-08', '8 Oct 2024', '2024-10-08', '2024-10-08'],
    ['2024-01-01', '1 Jan 2024', '2024-01-01', '2024-01-01'],
    ['2024-12-31', '31 Dec 2024', '2024-12-31', '2024-12-31'],
    ['2024-06', 'June 2024', '2024-06-01', '2024-06-30'],
    ['2024-10-08T23:30:00-07:00', '8 Oct 2024, 23:30 UTC-07:00', '2024-10-08', '2024-10-08'],
    ['2024-10-08T00:30:00+14:00', '8 Oct 2024, 00:30 UTC+14:00', '2024-10-08', '2024-10-08'],
  ])(`%s is %s, %s … %s, in ${process.env.TZ ?? 'the local zone'}`, (text, label, start, end) => {
    const date = parsed(text);
    expect(formatEventDate(date)).toBe(label);
    expect([formatIsoDay(date.start), formatIsoDay(date.end)]).toEqual([start, end]);
  });
});
