/**
 * How long finding the bulk of the dates takes (src/data/query/date-bulk.ts), on the bench's own
 * synthetic datasets: it runs once per dataset, as the page builds its index.
 *
 *   npx tsx scripts/bench-date-bulk.ts [count …]    (default: 100000 1000000)
 */
import { parseEdtf } from '../src/data/model/edtf.ts';
import { dateBulk } from '../src/data/query/date-bulk.ts';
import { syntheticFeatures } from './synthetic-dataset.ts';

const RUNS = 21;
const counts = process.argv.slice(2).map(Number);

for (const count of counts.length > 0 ? counts : [100_000, 1_000_000]) {
  // The index's arrays, as buildEventIndex makes them: starts ascending, ends beside them.
  const dates: { start: number; end: number }[] = [];
  for (const feature of syntheticFeatures(count)) {
    const parsed = parseEdtf(feature.properties.date);
    if (parsed.ok) dates.push(parsed.date);
  }
  dates.sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = Int32Array.from(dates, (date) => date.start);
  const ends = Int32Array.from(dates, (date) => date.end);

  const times: number[] = [];
  let bulk = dateBulk(starts, ends);
  for (let run = 0; run < RUNS; run += 1) {
    const began = performance.now();
    bulk = dateBulk(starts, ends);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] ?? 0;
  const slowest = times[RUNS - 1] ?? 0;
  console.log(
    `${count.toLocaleString('en-GB')} events: median ${median.toFixed(2)} ms, slowest ${slowest.toFixed(2)} ms ` +
      `(${RUNS} runs; ${bulk?.earlier ?? 0} earlier and ${bulk?.later ?? 0} later left outside)`,
  );
}
