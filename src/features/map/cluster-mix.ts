/**
 * What a cluster holds, category by category: the ring drawn round it and the name a screen reader
 * says. Both come from the same counts, largest first.
 */
import { i18n } from '../../lib/i18n/i18n.ts';

export interface CategoryCount {
  /** null for a dataset's categories past the 31st, counted together (cluster-index.ts). */
  category: string | null;
  count: number;
}

export interface RingSegment {
  /** null for the segment that gathers everything past the largest categories. */
  category: string | null;
  /** Degrees clockwise from twelve o'clock. */
  start: number;
  sweep: number;
}

/** More colours than this round one small disc cannot be told apart. */
const MAX_SEGMENTS = 5;
/** Each segment at least this wide, so a category with one event in thousands still shows. */
const MIN_SWEEP = 6;
/** The name names this many categories, then counts the rest as "other". */
const NAMED_CATEGORIES = 3;

/**
 * The ring: one segment per category, largest first from twelve o'clock, sized by count; past five,
 * the fifth gathers the rest. Every segment gets MIN_SWEEP degrees and shares the rest of the
 * circle by count, so the segments always add up to 360°.
 */
export function ringSegments(mix: readonly CategoryCount[]): RingSegment[] {
  const shown =
    mix.length <= MAX_SEGMENTS
      ? mix
      : [
          ...mix.slice(0, MAX_SEGMENTS - 1),
          {
            category: null,
            count: mix.slice(MAX_SEGMENTS - 1).reduce((sum, part) => sum + part.count, 0),
          },
        ];
  const total = shown.reduce((sum, part) => sum + part.count, 0);
  const shared = 360 - MIN_SWEEP * shown.length;
  let start = 0;
  return shown.map(({ category, count }, index) => {
    const sweep =
      index === shown.length - 1 ? 360 - start : MIN_SWEEP + (shared * count) / (total || 1);
    const segment = { category, start, sweep };
    start += sweep;
    return segment;
  });
}

/** What a click on a cluster does: zoom in until it splits, or list its events. */
export type ClusterOpening = 'zoom' | 'same-place' | 'close-together';

/**
 * "Cluster of 858 events: 600 shelling, 258 other": the count, then up to three categories by
 * name, largest first, and the rest as "other" (a category called "other" among them, so the word
 * means one thing). Events at one spot say so and offer the list: "2 events at the same place
 * (1 missile test, 1 military activity): list them"; so do events a data server's map cannot
 * split at its closest zoom ("close together"). In the reader's language, numbers as it
 * writes them.
 */
export function clusterName(
  count: number,
  mix: readonly CategoryCount[],
  /** What a click does: zoom in, or list events at one spot or too close for the map to split. */
  opens: ClusterOpening,
  /** A category's name for readers (categories.ts `labelOf`). */
  labelOf: (category: string) => string,
): string {
  const named = mix
    .filter(({ category }) => category !== null && category.toLowerCase() !== 'other')
    .slice(0, NAMED_CATEGORIES);
  const rest = count - named.reduce((sum, part) => sum + part.count, 0);
  const parts = named.map(({ category, count: part }) =>
    i18n._('{count} {category}', {
      count: i18n.number(part),
      // One space between words: "Feb - June" reads "feb june", not "feb   june".
      category: labelOf(category ?? '')
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    }),
  );
  if (rest > 0) parts.push(i18n._('{count} other', { count: i18n.number(rest) }));
  const values = {
    events: i18n._('{count, plural, one {# event} other {# events}}', { count }),
    parts: parts.join(', '),
  };
  if (opens === 'same-place')
    return i18n._('{events} at the same place ({parts}): list them', values);
  if (opens === 'close-together')
    return i18n._('{events} close together ({parts}): list them', values);
  return i18n._('Cluster of {events}: {parts}', values);
}
