import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../data/model/calendar-day.ts';
import { buildBins } from '../../data/query/histogram.ts';
import { shiftRange, snapToBins, stepEnd, timelineScale } from './timeline-scale.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;
const iso = (range: { from: number; to: number }) => [
  formatIsoDay(range.from),
  formatIsoDay(range.to),
];
const bins = buildBins(day('2020-03-15'), day('2024-10-08')); // months

describe('the brush', () => {
  it('snaps to whole bins', () => {
    expect(bins.unit).toBe('month');
    expect(iso(snapToBins(bins, { from: day('2024-06-19'), to: day('2024-06-20') }))).toEqual([
      '2024-06-01',
      '2024-06-30',
    ]);
    expect(iso(snapToBins(bins, { from: day('2024-09-02'), to: day('2024-06-20') }))).toEqual([
      '2024-06-01',
      '2024-09-30',
    ]);
  });

  it('moves one end a bin at a time, never past the other end or the data', () => {
    const june = { from: day('2024-06-01'), to: day('2024-06-30') };
    expect(iso(stepEnd(bins, june, 'from', -1))).toEqual(['2024-05-01', '2024-06-30']);
    expect(iso(stepEnd(bins, june, 'to', 2))).toEqual(['2024-06-01', '2024-08-31']);
    expect(iso(stepEnd(bins, june, 'from', 5))).toEqual(['2024-06-01', '2024-06-30']);
    expect(iso(stepEnd(bins, june, 'to', 99))).toEqual(['2024-06-01', '2024-10-31']);
    expect(iso(stepEnd(bins, june, 'from', -999))).toEqual(['2020-03-01', '2024-06-30']);
  });

  it('moves the whole range, keeping its length, within the data', () => {
    const summer = { from: day('2024-06-01'), to: day('2024-08-31') };
    expect(iso(shiftRange(bins, summer, 1))).toEqual(['2024-07-01', '2024-09-30']);
    expect(iso(shiftRange(bins, summer, 10))).toEqual(['2024-08-01', '2024-10-31']);
  });

  it('maps days to positions and back', () => {
    const scale = timelineScale(bins, 1000);
    expect(scale.x(scale.first)).toBe(0);
    expect(scale.x(scale.end)).toBe(1000);
    expect(scale.dayAt(0)).toBe(scale.first);
    expect(scale.dayAt(1000)).toBe(scale.end - 1);
    expect(scale.dayAt(-50)).toBe(scale.first);
    const middle = scale.dayAt(scale.x(day('2022-01-15')) + 0.01);
    expect(formatIsoDay(middle)).toBe('2022-01-15');
  });
});
