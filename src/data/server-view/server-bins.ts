/**
 * The server's histogram laid on the timeline's own bins: the axis is built in the page
 * (`buildBins`, as for a loaded dataset), and each answer's bins are matched to it by their first
 * day, so an answer over a narrower range (the events a search keeps) lands in the right place.
 */
import { civilFromDay } from '../model/calendar-day.ts';
import type { Bins } from '../query/histogram.ts';
import type { ServerHistogram } from './server-api.ts';

/** The answer's weights on `bins`; bins it does not cover, or of another unit, weigh nothing. */
export function weightsOnBins(bins: Bins, answer: ServerHistogram | undefined): Float64Array {
  const weights = new Float64Array(bins.starts.length);
  if (!answer || answer.unit !== bins.unit) return weights;
  const indexByStart = new Map<number, number>();
  bins.starts.forEach((start, index) => indexByStart.set(start, index));
  answer.starts.forEach((start, index) => {
    const at = indexByStart.get(start);
    if (at !== undefined) weights[at] = (weights[at] ?? 0) + (answer.weights[index] ?? 0);
  });
  return weights;
}

/** The calendar years in which some bin holds events: the timeline's year chips. */
export function yearsWithEvents(bins: Bins, weights: Float64Array): number[] {
  const years = new Set<number>();
  bins.starts.forEach((start, index) => {
    if ((weights[index] ?? 0) > 0) years.add(civilFromDay(start).year);
  });
  return [...years].sort((a, b) => a - b);
}
