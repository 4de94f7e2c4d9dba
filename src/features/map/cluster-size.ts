/**
 * How big the map's circles are. The merge keeps these circles apart, and the icons draw them, so
 * both read the sizes from here.
 */

/** 44 px: the smallest comfortable touch target (WCAG 2.5.8). A single event's dot is drawn inside. */
export const TARGET = 44;

/** Room left between two circles, so their white edges never meet (and pixel rounding cannot). */
export const GAP = 4;

const SMALLEST_DISC = 30;
const LARGEST_DISC = 64;
/** The count drawn at the largest size; larger counts stay there. */
const LARGEST_AT = 10_000;

/**
 * The visible disc of a cluster of `count` events: 30 px for two, growing with the logarithm of the
 * count (each tenfold adds the same few pixels, so 20 and 200 differ as much as 200 and 2,000) up to
 * 64 px at 10,000 and beyond.
 */
export function discDiameter(count: number): number {
  const share = Math.log(Math.max(count, 2) / 2) / Math.log(LARGEST_AT / 2);
  return Math.round(SMALLEST_DISC + (LARGEST_DISC - SMALLEST_DISC) * Math.min(share, 1));
}

/**
 * Half the target of a marker holding `count` events: a single event's 44 px target (its dot is
 * smaller, but the target is what a finger must hit, and targets must not overlap), a cluster's
 * disc or the 44 px target around a smaller one.
 */
export function targetRadius(count: number): number {
  return count < 2 ? TARGET / 2 : Math.max(discDiameter(count), TARGET) / 2;
}
