/**
 * The synthetic dataset of synthetic-dataset.ts as one Parquet file, made by DuckDB from range():
 * the same seeded hot spots and bursts, the same shares of days, months, years, intervals and
 * uncertain dates, the same columns as a CSV export (id, title, summary, date, place, latitude,
 * longitude, category, url). Fast enough for a hundred million rows, which the JavaScript
 * generator would take an hour to write; the rows are drawn from hashes of their number, so they
 * are not the JavaScript generator's rows, but the file is the same for the same count.
 *
 *   npx tsx scripts/synthetic-parquet.ts <count> <out.parquet>
 */
import { renameSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  CATEGORIES,
  FIRST_DAY,
  LAST_DAY,
  PLACES,
  seededRandom,
  syntheticShape,
  WORDS,
} from './synthetic-dataset.ts';

/** Words of our own making as SQL list literals. */
const strings = (list: string[]) => `[${list.map((value) => `'${value}'`).join(', ')}]`;
/** A uniform draw in [0, 1) per row and stream, from a hash of the row's number. */
const draw = (stream: number) => `(hash(i, ${stream}) / 18446744073709551616.0)`;
const gaussian = (a: number, b: number) =>
  `(sqrt(-2 * ln(greatest(${draw(a)}, 1e-12))) * cos(2 * pi() * ${draw(b)}))`;
const isoDay = (day: string) => `strftime(DATE '1970-01-01' + (${day})::INTEGER, '%Y-%m-%d')`;

/** Small tables of the hot spots and bursts, joined to the rows rather than indexed per row. */
export function syntheticShapeSql(): string[] {
  const { hotSpots, bursts } = syntheticShape(seededRandom(42));
  let running = 0;
  const spots = hotSpots.map(
    (spot, index) =>
      `(${index + 1}, ${(running += spot.weight).toPrecision(17)}, ${spot.latitude.toPrecision(17)}, ${spot.longitude.toPrecision(17)}, ${spot.spread.toPrecision(17)})`,
  );
  return [
    `CREATE OR REPLACE TEMP TABLE spots AS SELECT * FROM (VALUES ${spots.join(', ')}) AS s(spot, reach, latitude, longitude, spread)`,
    `CREATE OR REPLACE TEMP TABLE bursts AS SELECT * FROM (VALUES ${bursts
      .map((burst, index) => `(${index + 1}, ${burst.day}, ${burst.spread.toPrecision(17)})`)
      .join(', ')}) AS b(burst, day, spread)`,
    `CREATE OR REPLACE TEMP MACRO total_weight() AS ${running.toPrecision(17)}`,
  ];
}

export function syntheticParquetSql(count: number, path: string): string {
  return `COPY (
    WITH drawn AS (
      SELECT i, ${draw(1)} * total_weight() AS reach,
             (floor(${draw(6)} * 60) + 1)::INTEGER AS burst
      FROM range(${count}) AS numbers(i)),
    placed AS (
      SELECT drawn.i, drawn.burst,
             round(greatest(-85.0, least(85.0, spots.latitude + ${gaussian(2, 3)} * spots.spread)), 5) AS latitude,
             spots.longitude + ${gaussian(4, 5)} * spots.spread AS raw_longitude
      FROM drawn ASOF JOIN spots ON drawn.reach <= spots.reach),
    dated AS (
      SELECT placed.*,
             least(${LAST_DAY}, greatest(${FIRST_DAY},
               CASE WHEN ${draw(7)} < 0.8 THEN round(bursts.day + ${gaussian(8, 9)} * bursts.spread)
                    ELSE ${FIRST_DAY} + floor(${draw(10)} * ${LAST_DAY - FIRST_DAY}) END))::INTEGER AS day,
             ${draw(11)} AS kind,
             ${strings(WORDS)}[i % ${WORDS.length} + 1] AS word,
             ${strings(PLACES)}[(floor(${draw(13)} * ${PLACES.length}) + 1)::INTEGER] AS place_word
      FROM placed JOIN bursts USING (burst))
    SELECT 'event-' || i AS id,
           upper(left(word, 1)) || substr(word, 2) || ' near ' || place_word || ' ' || i AS title,
           'Reported ' || word || ' near the ' || place_word || '; synthetic record ' || i || '.' AS summary,
           CASE WHEN kind < 0.8 THEN ${isoDay('day')}
                WHEN kind < 0.9 THEN left(${isoDay('day')}, 7)
                WHEN kind < 0.93 THEN left(${isoDay('day')}, 4)
                WHEN kind < 0.97 THEN ${isoDay('day')} || '/' || ${isoDay(`day + 1 + floor(${draw(12)} * 5)`)}
                ELSE ${isoDay('day')} || CASE WHEN ${draw(16)} < 0.5 THEN '?' ELSE '~' END END AS date,
           upper(left(place_word, 1)) || substr(place_word, 2) || ' ' || (hash(i, 14) % 500) AS place,
           latitude,
           round(raw_longitude - 360 * floor((raw_longitude + 180) / 360), 5) AS longitude,
           ${strings(CATEGORIES)}[(floor(${draw(15)} * ${CATEGORIES.length}) + 1)::INTEGER] AS category,
           'https://example.org/report/' || i AS url
    FROM dated ORDER BY i
  ) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`;
}

export async function writeSyntheticParquet(count: number, path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const partial = `${path}.part`;
    // A hundred million rows are sorted by number on disk, beside whatever else the machine runs.
    await connection.run(`SET memory_limit = '4GB'`);
    await connection.run(`SET temp_directory = '${`${path}.tmp`.replace(/'/g, "''")}'`);
    for (const statement of syntheticShapeSql()) await connection.run(statement);
    await connection.run(syntheticParquetSql(count, partial));
    // Whole or not at all: a run stopped half-way leaves no file to be taken for a whole one.
    renameSync(partial, path);
  } finally {
    rmSync(`${path}.tmp`, { recursive: true, force: true });
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1]?.endsWith('synthetic-parquet.ts')) {
  const [count, path] = process.argv.slice(2);
  if (!count || !path) {
    console.error('Usage: npx tsx scripts/synthetic-parquet.ts <count> <out.parquet>');
    process.exit(2);
  }
  await writeSyntheticParquet(Number(count), path);
}
