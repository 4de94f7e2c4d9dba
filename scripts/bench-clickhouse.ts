/**
 * `npm run bench:clickhouse [-- <count>]`: the ClickHouse engine (src/server/clickhouse-engine.ts)
 * on two ClickHouse servers on loopback as a two-shard cluster (scripts/clickhouse-cluster.ts),
 * 10,000,000 synthetic events by default. The events are made inside ClickHouse from numbers(),
 * with the distribution of scripts/synthetic-dataset.ts (the same seeded hot spots and bursts, the
 * same shares of days, months, years and intervals); then the scripted session of 50 views that
 * bench-data-server.ts asks of DuckDB. Prints the load time and p50/p95 per kind of query
 * (docs/performance.md keeps the results). Starts and stops its own servers.
 */
import { CLUSTER, startCluster, stopCluster } from './clickhouse-cluster.ts';
import { sessionLines, timeSession } from './bench-views.ts';
import {
  CATEGORIES,
  FIRST_DAY,
  LAST_DAY,
  PLACES,
  seededRandom,
  syntheticShape,
  WORDS,
} from './synthetic-dataset.ts';
import { ClickHouseEngine } from '../src/server/clickhouse-engine.ts';

const count = Number(process.argv[2] ?? 10_000_000);
if (!Number.isInteger(count) || count < 1) {
  console.error(`The count must be a whole number of events, not "${process.argv[2]}"`);
  process.exit(2);
}

// The hot spots and bursts of syntheticFeatures(count, 42): its first draws from the same seed.
const { hotSpots: spots, bursts } = syntheticShape(seededRandom(42));
let running = 0;
const cumulative = spots.map((spot) => (running += spot.weight));

/** Numbers and words of our own making (never a request's) as SQL array literals. */
const numbers = (list: number[]) => `[${list.map((value) => value.toPrecision(17)).join(', ')}]`;
const strings = (list: string[]) => `[${list.map((value) => `'${value}'`).join(', ')}]`;

/** A uniform draw in [0, 1) per event and stream, from a hash of the event's number. */
const draw = (stream: number) => `(cityHash64(number, ${stream}) / 18446744073709551616.)`;
const gaussian = (a: number, b: number) =>
  `(sqrt(-2 * log(greatest(${draw(a)}, 1e-12))) * cos(2 * pi() * ${draw(b)}))`;

function generator(table: string, shard: number, shards: number): string {
  return `INSERT INTO ${table}
  SELECT ord, id, category, longitude, latitude, start_day, end_day, title, search, slug_words,
         languages, has_story,
         concat('{"id":"', id, '","title":"', title, '","date":{"start":', toString(start_day),
                ',"end":', toString(end_day), '},"longitude":', toString(longitude),
                ',"latitude":', toString(latitude), ',"category":"', category,
                '","summary":"', summary, '","place":"', place_name,
                '","sources":[{"publisher":"Synthetic wire","url":"https://example.org/report/', toString(ord), '"}]}') AS body
  FROM (
    SELECT toUInt32(number) AS ord, concat('event-', toString(number)) AS id,
           greatest(1, arrayFirstIndex(c -> c >= ${draw(1)} * ${running.toPrecision(17)}, ${numbers(cumulative)})) AS spot,
           ${numbers(spots.map((s) => s.latitude))}[spot] AS spot_latitude,
           ${numbers(spots.map((s) => s.longitude))}[spot] AS spot_longitude,
           ${numbers(spots.map((s) => s.spread))}[spot] AS spread,
           round(greatest(-85., least(85., spot_latitude + ${gaussian(2, 3)} * spread)), 5) AS latitude,
           spot_longitude + ${gaussian(4, 5)} * spread AS raw_longitude,
           round(raw_longitude - 360 * floor((raw_longitude + 180) / 360), 5) AS longitude,
           toUInt32(floor(${draw(6)} * ${bursts.length})) + 1 AS burst,
           toInt32(least(${LAST_DAY}, greatest(${FIRST_DAY},
             if(${draw(7)} < 0.8,
                round(${numbers(bursts.map((b) => b.day))}[burst] + ${gaussian(8, 9)} * ${numbers(bursts.map((b) => b.spread))}[burst]),
                ${FIRST_DAY} + floor(${draw(10)} * ${LAST_DAY - FIRST_DAY}))))) AS day,
           ${draw(11)} AS kind,
           toInt32(multiIf(kind < 0.8, day,
                           kind < 0.9, toInt32(toStartOfMonth(toDate(day))),
                           kind < 0.93, toInt32(toStartOfYear(toDate(day))),
                           day)) AS start_day,
           toInt32(multiIf(kind < 0.8, day,
                           kind < 0.9, toInt32(addMonths(toStartOfMonth(toDate(day)), 1)) - 1,
                           kind < 0.93, toInt32(addYears(toStartOfYear(toDate(day)), 1)) - 1,
                           kind < 0.97, day + 1 + toInt32(floor(${draw(12)} * 5)),
                           day)) AS end_day,
           ${strings(WORDS)}[number % ${WORDS.length} + 1] AS word,
           ${strings(PLACES)}[toUInt32(floor(${draw(13)} * ${PLACES.length})) + 1] AS place,
           concat(upper(substring(word, 1, 1)), substring(word, 2), ' near ', place, ' ', toString(number)) AS title,
           concat('Reported ', word, ' near the ', place, '; synthetic record ', toString(number), '.') AS summary,
           concat(upper(substring(place, 1, 1)), substring(place, 2), ' ', toString(cityHash64(number, 14) % 500)) AS place_name,
           ${strings(CATEGORIES)}[toUInt32(floor(${draw(15)} * ${CATEGORIES.length})) + 1] AS category,
           lower(concat(title, ' ', summary, ' ', place_name, ' ', category)) AS search,
           concat(' ', lower(replaceAll(title, ' ', ' ')), ' ') AS slug_words,
           '' AS languages, toUInt8(0) AS has_story
    FROM numbers(${count})
    WHERE number % ${shards} = ${shard})`;
}

const cluster = await startCluster();
try {
  const engine = ClickHouseEngine.connect(
    {
      metadata: { title: 'Synthetic', description: '', license: '', source: '', updated: '' },
      issues: [],
      recordCount: count,
    },
    { urls: cluster.urls, cluster: CLUSTER, table: 'events' },
  );
  await engine.createTables();
  let started = performance.now();
  // Each shard makes its own half, into its local table (which computes the materialized column).
  await Promise.all(
    cluster.urls.map(async (url, shard) => {
      const response = await fetch(`${url}/`, {
        method: 'POST',
        body: generator('events_local', shard, cluster.urls.length),
      });
      if (!response.ok) throw new Error(await response.text());
    }),
  );
  await engine.countDays();
  const loaded = (performance.now() - started) / 1000;
  started = performance.now();
  const description = await engine.describe();
  const described = performance.now() - started;
  const first = Date.parse(description.extent?.first ?? '2020-01-01') / 86_400_000;
  const last = Date.parse(description.extent?.last ?? '2020-12-31') / 86_400_000;
  const times = await timeSession(engine, first, last);
  const shards = await Promise.all(
    cluster.urls.map(async (url) =>
      Number(await (await fetch(`${url}/?query=SELECT%20count()%20FROM%20events_local`)).text()),
    ),
  );
  console.log(
    `${description.eventCount.toLocaleString('en-GB')} events on two shards (${shards.map((n) => n.toLocaleString('en-GB')).join(' + ')}): generated and loaded in ${loaded.toFixed(1)} s; describe ${described.toFixed(0)} ms`,
  );
  for (const line of sessionLines(times)) console.log(line);
} finally {
  stopCluster(cluster);
}
