/**
 * Events packed for the trip from the import worker to the page. Posting event objects as they are
 * makes the browser copy each of the ten or so objects and strings of every event, twice (out of
 * the worker, into the page). Packed, a slice of events is one array of numbers (moved, not
 * copied), one string holding all their own text, and the words they repeat (categories,
 * countries, publishers) sent once; a date is sent once too and shared by every event on it. The
 * page rebuilds the objects from that in a fraction of the time, with fewer of them. Longer text
 * comes back as slices of the one string, which the engine keeps as references rather than copies.
 *
 * The writer (event-packer.ts) and the reader (event-unpacker.ts) walk an event in the same order;
 * `event-pack.test.ts` checks that every event that can pass validation comes back equal.
 */

export interface EventPack {
  count: number;
  numbers: Float64Array;
  text: string;
  /** Words first used in this pack; earlier packs' words keep their numbers. */
  newWords: string[];
}

/** Marks a missing string or object in the number stream. */
export const NONE = -1;
/** Marks a date seen for the first time: it follows in full, and later events refer to it. */
export const NEW_DATE = -2;
