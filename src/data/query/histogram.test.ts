import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../model/calendar-day.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { buildEventIndex } from './filter.ts';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import {
  binEnd,
  binIndexOf,
  binStartOf,
  binWeights,
  buildBins,
  chooseBinUnit,
} from './histogram.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

describe('timeline bins', () => {
  it('chooses days, weeks, months or years from the extent', () => {
    expect(chooseBinUnit(1)).toBe('day');
    expect(chooseBinUnit(120)).toBe('day');
    expect(chooseBinUnit(121)).toBe('week');
    expect(chooseBinUnit(282)).toBe('week'); // the seed data: Jan – Oct 2024
    expect(chooseBinUnit(913)).toBe('week');
    expect(chooseBinUnit(914)).toBe('month');
    expect(chooseBinUnit(40 * 365)).toBe('month');
    expect(chooseBinUnit(40 * 365 + 1)).toBe('year');
  });

  it('starts weeks on Monday, months on the 1st and years on 1 January', () => {
    expect(formatIsoDay(binStartOf(day('2024-10-08'), 'week'))).toBe('2024-10-07');
    expect(formatIsoDay(binStartOf(day('2024-10-07'), 'week'))).toBe('2024-10-07');
    expect(formatIsoDay(binStartOf(day('2024-10-06'), 'week'))).toBe('2024-09-30');
    expect(formatIsoDay(binStartOf(day('1969-12-31'), 'week'))).toBe('1969-12-29');
    expect(formatIsoDay(binStartOf(day('2024-02-29'), 'month'))).toBe('2024-02-01');
    expect(formatIsoDay(binStartOf(day('2024-02-29'), 'year'))).toBe('2024-01-01');
  });

  it('covers the extent with contiguous bins', () => {
    const bins = buildBins(day('1984-04-09'), day('2023-12-18'));
    expect(bins.unit).toBe('month');
    expect(formatIsoDay(bins.starts[0] ?? 0)).toBe('1984-04-01');
    expect(formatIsoDay(binEnd(bins, bins.starts.length - 1))).toBe('2023-12-31');
    expect(bins.starts.length).toBe(477);
    expect(binIndexOf(bins, day('1984-04-30'))).toBe(0);
    expect(binIndexOf(bins, day('1984-05-01'))).toBe(1);
    expect(binIndexOf(bins, day('1900-01-01'))).toBe(0);
  });

  it('spreads a month-precision event over the weeks of its month', () => {
    const { events } = validateFeatureCollection(
      makeFeatureCollection([
        makeFeature({ id: 'june', properties: { date: '2024-06' } }),
        makeFeature({ id: 'day', properties: { date: '2024-06-19' } }),
        makeFeature({ id: 'later', properties: { date: '2024-10-08' } }),
      ]),
    );
    const bins = buildBins(day('2024-06-01'), day('2024-10-08'));
    expect(bins.unit).toBe('week');
    const weights = binWeights(bins, events);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    expect(total).toBeCloseTo(3, 10);
    // The week of 27 May holds 2 of June's 30 days; the week of 17 June the day event as well.
    expect(weights[0]).toBeCloseTo(2 / 30, 10);
    expect(weights[binIndexOf(bins, day('2024-06-19'))]).toBeCloseTo(1 + 7 / 30, 10);
    expect(Math.max(...weights)).toBeLessThan(1.5);
    const onlyLater = binWeights(bins, events, [2]);
    expect(onlyLater.reduce((sum, weight) => sum + weight, 0)).toBe(1);
    // The same events given as an index's day ranges weigh the same, whole or in part.
    const { starts, ends } = buildEventIndex(events);
    expect(binWeights(bins, { starts, ends })).toEqual(weights);
    expect(binWeights(bins, { starts, ends }, [2])).toEqual(onlyLater);
  });

  it('counts nothing of the days outside the bins, when the bins cover only part of the data', () => {
    const { events } = validateFeatureCollection(
      makeFeatureCollection(
        ['2021-12', '2022-01-10', '2022-02-01', '2024-02-24'].map((date) =>
          makeFeature({ properties: { date } }),
        ),
      ),
    );
    const bins = buildBins(day('2022-01-01'), day('2022-02-28'));
    const weights = binWeights(bins, events);
    // The two days inside, and none of December 2021 or of the stray in 2024.
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(2);
    expect(weights[weights.length - 1]).toBe(0);
  });
});
