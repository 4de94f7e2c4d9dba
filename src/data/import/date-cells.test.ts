import { describe, expect, it } from 'vitest';
import { dayOrderEvidence, parseDateCell, usesTwoDigitYears } from './date-cells.ts';

const read = (text: string, order: 'day-first' | 'month-first' = 'day-first') => {
  const result = parseDateCell(text, order);
  return result.ok ? result.edtf : `error: ${result.reason}`;
};

describe('parseDateCell', () => {
  it('keeps EDTF and ISO dates as written, with their precision', () => {
    expect(read('2024-10-08')).toBe('2024-10-08');
    expect(read('2024-06')).toBe('2024-06');
    expect(read('2024-09~')).toBe('2024-09~');
    expect(read('2024-10-03/2024-10-04')).toBe('2024-10-03/2024-10-04');
    expect(read('2024-10-08T09:30:00+09:00')).toBe('2024-10-08T09:30:00+09:00');
  });

  it('reads ISO date-times written with a space, keeping the zone only when one is given', () => {
    expect(read('1990-01-01 09:03:12.880')).toBe('1990-01-01T09:03:12.880');
    expect(read('2019-06-16 16:27:41 UTC')).toBe('2019-06-16T16:27:41Z');
    expect(read('2019-06-16 16:27:41+0900')).toBe('2019-06-16T16:27:41+09:00');
    expect(read('2019/6/1')).toBe('2019-06-01');
  });

  it('reads numeric dates in the order the column uses, dropping a midnight that means "no time"', () => {
    expect(read('03/04/2020', 'day-first')).toBe('2020-04-03');
    expect(read('03/04/2020', 'month-first')).toBe('2020-03-04');
    expect(read('1/22/2014 12:00:00 AM', 'month-first')).toBe('2014-01-22');
    expect(read('01/01/2015 00:00', 'month-first')).toBe('2015-01-01');
    expect(read('1/22/2014 3:05:00 PM', 'month-first')).toBe('2014-01-22T15:05:00');
    expect(read('22.01.2014', 'day-first')).toBe('2014-01-22');
  });

  it('reads 9-Apr-84 as a day and Sep-84 as a month, with the stated two-digit-year pivot', () => {
    expect(read('9-Apr-84')).toBe('1984-04-09');
    expect(read('Sep-84')).toBe('1984-09');
    expect(read('5-Jul-06')).toBe('2006-07-05');
    expect(read('31-Dec-68')).toBe('2068-12-31');
    expect(read('1-Jan-69')).toBe('1969-01-01');
    expect(read('September 2024')).toBe('2024-09');
    expect(read('Sept 2024')).toBe('2024-09');
    expect(read('April 9, 1984')).toBe('1984-04-09');
    expect(read('9 April 1984')).toBe('1984-04-09');
  });

  it('reads milliseconds since 1970 as a UTC instant', () => {
    expect(read('1560702461260')).toBe('2019-06-16T16:27:41.260Z');
    expect(read('1560643200000')).toBe('2019-06-16T00:00:00Z');
  });

  it('reports what it cannot read, and why', () => {
    expect(read('')).toBe('error: the date is empty');
    expect(read('Unknown')).toMatch(/^error: “Unknown” is not a date this importer can read/);
    expect(read('31/02/2020')).toMatch(/^error: “31\/02\/2020” is not a real date/);
    expect(read('13/13/2020')).toMatch(/not a real date/);
    expect(read('9-Foo-84')).toMatch(/“Foo” is not a month/);
    expect(read('yesterday')).toMatch(/^error:/);
  });
});

describe('dayOrderEvidence', () => {
  it('decides from the data when it can, and says when it cannot', () => {
    expect(dayOrderEvidence(['01/02/2020', '25/02/2020'])).toBe('day-first');
    expect(dayOrderEvidence(['01/02/2020', '1/22/2014 12:00:00 AM'])).toBe('month-first');
    expect(dayOrderEvidence(['01/02/2020', '03/04/2020'])).toBe('undecided');
    expect(dayOrderEvidence(['25/02/2020', '02/25/2020'])).toBe('conflicting');
    expect(dayOrderEvidence(['2024-01-02', '9-Apr-84'])).toBe('not-needed');
  });
});

describe('usesTwoDigitYears', () => {
  it('notices two-digit years in any form, and only those', () => {
    expect(usesTwoDigitYears(['9-Apr-84'])).toBe(true);
    expect(usesTwoDigitYears(['Sep-84'])).toBe(true);
    expect(usesTwoDigitYears(['01/02/20'])).toBe(true);
    expect(usesTwoDigitYears(['9-Apr-1984', '2024-01-01', 'Sep 1984'])).toBe(false);
  });
});
