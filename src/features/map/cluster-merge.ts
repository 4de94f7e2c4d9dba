/**
 * Merging what the screen grid left too close. Two neighbouring cells can hold events a pixel apart
 * across their border, and a cluster's circle grows with its count, so after the grid pass some
 * circles touch or cover each other. Here every group whose circle comes within GAP of another's is
 * merged into it, until none does: the largest counts first, each absorbing its neighbours (and
 * growing, so it looks again) before the next is looked at. A coarse grid of buckets, each wider
 * than two of the largest circles, means each group is compared only with the few around it.
 *
 * The groups are also kept clear of the selected marker (fan-out.ts): each is drawn where its
 * events are, or moved just aside from the selected one, and touching is judged where it is drawn.
 */
import { stepAside, type Circle } from './fan-out.ts';
import { GAP, targetRadius } from './cluster-size.ts';

export interface Groups {
  /** Screen pixels at the view's zoom: the mean position of each group's events. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  count: ArrayLike<number>;
}

export interface Merged {
  /** For each group, the group it was merged into: itself when it leads one. */
  leader: Int32Array;
  /** For each leader, the events it now holds and where its circle is drawn. */
  count: Float64Array;
  shownX: Float64Array;
  shownY: Float64Array;
}

/** Bucket keys fit in a double exactly: screen pixels stay below 2^27 up to zoom 19. */
const BUCKET_ROW = 2 ** 26;

export function mergeTouching({ x, y, count }: Groups, selected: Circle | null): Merged {
  const size = count.length;
  const leader = new Int32Array(size);
  const total = Float64Array.from(count);
  const sumX = new Float64Array(size);
  const sumY = new Float64Array(size);
  const shownX = new Float64Array(size);
  const shownY = new Float64Array(size);
  const radius = new Float64Array(size);
  let everything = 0;
  for (let index = 0; index < size; index += 1) {
    leader[index] = index;
    sumX[index] = (x[index] ?? 0) * (total[index] ?? 0);
    sumY[index] = (y[index] ?? 0) * (total[index] ?? 0);
    everything += total[index] ?? 0;
  }
  // Wide enough that two circles within reach of each other sit in the same or adjacent buckets.
  const bucketSize = 2 * targetRadius(everything) + GAP;
  const buckets = new Map<number, number[]>();
  const bucketOf = (index: number) =>
    Math.floor((shownX[index] ?? 0) / bucketSize) * BUCKET_ROW +
    Math.floor((shownY[index] ?? 0) / bucketSize);

  function place(index: number) {
    const weight = total[index] ?? 1;
    const meanX = (sumX[index] ?? 0) / weight;
    const meanY = (sumY[index] ?? 0) / weight;
    const reach = targetRadius(weight);
    const [dx, dy] = stepAside(meanX, meanY, reach, selected, GAP);
    radius[index] = reach;
    shownX[index] = meanX + dx;
    shownY[index] = meanY + dy;
    const key = bucketOf(index);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(index);
    else buckets.set(key, [index]);
  }

  function unplace(index: number) {
    const bucket = buckets.get(bucketOf(index));
    bucket?.splice(bucket.indexOf(index), 1);
  }

  function touching(index: number): number {
    const ax = shownX[index] ?? 0;
    const ay = shownY[index] ?? 0;
    const reach = (radius[index] ?? 0) + GAP;
    const column = Math.floor(ax / bucketSize);
    const row = Math.floor(ay / bucketSize);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const other of buckets.get((column + dx) * BUCKET_ROW + row + dy) ?? []) {
          if (other === index) continue;
          const apart = Math.hypot((shownX[other] ?? 0) - ax, (shownY[other] ?? 0) - ay);
          if (apart < reach + (radius[other] ?? 0)) return other;
        }
      }
    }
    return -1;
  }

  for (let index = 0; index < size; index += 1) place(index);
  const order = Array.from(leader).sort((a, b) => (total[b] ?? 0) - (total[a] ?? 0) || a - b);
  for (const index of order) {
    if (leader[index] !== index) continue;
    // A group that absorbs a neighbour grows and moves, so it looks again until nothing touches
    // it. Nothing else moves meanwhile, so once every leader has looked, no two circles touch.
    for (let other = touching(index); other >= 0; other = touching(index)) {
      unplace(index);
      unplace(other);
      leader[other] = index;
      total[index] = (total[index] ?? 0) + (total[other] ?? 0);
      sumX[index] = (sumX[index] ?? 0) + (sumX[other] ?? 0);
      sumY[index] = (sumY[index] ?? 0) + (sumY[other] ?? 0);
      place(index);
    }
  }
  // Groups absorbed by a group that was absorbed in turn follow the chain to the leader.
  for (let index = 0; index < size; index += 1) {
    let top = leader[index] ?? index;
    while (leader[top] !== top) top = leader[top] ?? top;
    leader[index] = top;
  }
  return { leader, count: total, shownX, shownY };
}
