import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  formatIsoDay,
  parseIsoDay,
} from './calendar-day.ts';

describe('calendar days', () => {
  it('counts days from 1970-01-01 like Date.UTC does, for any day from year 0 to 9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, rawDay) => {
          const day = Math.min(rawDay, daysInMonth(year, month));
          const utc = new Date(0);
          utc.setUTCFullYear(year, month - 1, day);
          const expected = Math.floor(utc.getTime() / 86_400_000);
          expect(dayFromCivil(year, month, day)).toBe(expected);
          expect(civilFromDay(expected)).toEqual({ year, month, day });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips YYYY-MM-DD and refuses days that do not exist', () => {
    expect(formatIsoDay(parseIsoDay('2024-02-29') ?? NaN)).toBe('2024-02-29');
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2024-13-01')).toBeNull();
    expect(parseIsoDay('2024-10-8')).toBeNull();
    expect(parseIsoDay('yesterday')).toBeNull();
    expect(parseIsoDay('1970-01-01')).toBe(0);
  });

  it('knows leap years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2024, 9)).toBe(30);
  });
});
