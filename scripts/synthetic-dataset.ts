/**
 * A seeded generator of datasets in the contract, shaped like real event data: clustered in space
 * (a few dozen hot spots, most events near one), bursty in time (campaigns and crises), and mixed in
 * date precision (mostly days, some months, years, intervals and uncertain dates). The same seed
 * always gives the same file, so benchmark runs compare like with like.
 *
 *   npx tsx scripts/synthetic-dataset.ts <count> [out.geojson] [seed]
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: a tiny, good-enough PRNG with a 32-bit state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CATEGORIES = [
  'strike',
  'statement',
  'diplomacy',
  'military-activity',
  'missile-test',
  'protest',
];
export const WORDS = [
  'shelling',
  'convoy',
  'talks',
  'drone',
  'launch',
  'protest',
  'blast',
  'summit',
  'raid',
  'ceasefire',
  'evacuation',
  'outage',
];
export const PLACES = [
  'harbour',
  'airfield',
  'district',
  'bridge',
  'market',
  'station',
  'ridge',
  'port',
];

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const pad = (value: number) => String(value).padStart(2, '0');

function isoDay(dayNumber: number): string {
  // Days since 1970-01-01 to a civil date, without Date (so no time zone can interfere).
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const FIRST_DAY = 10957; // 2000-01-01
export const LAST_DAY = 20453; // 2025-12-31

/**
 * Where and when the events gather: a generator's first draws. The generators made inside a
 * database (synthetic-parquet.ts, bench-clickhouse.ts) take the same ones from the same seed.
 */
export function syntheticShape(random: () => number) {
  const hotSpots = Array.from({ length: 40 }, () => ({
    latitude: -50 + random() * 110,
    longitude: -170 + random() * 340,
    spread: 0.05 + random() * 2,
    weight: random() ** 2,
  }));
  const bursts = Array.from({ length: 60 }, () => ({
    day: FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY)),
    spread: 2 + random() * 60,
  }));
  return { hotSpots, bursts };
}

export function* syntheticFeatures(count: number, seed = 42) {
  const random = seededRandom(seed);
  const { hotSpots, bursts } = syntheticShape(random);
  const totalWeight = hotSpots.reduce((sum, spot) => sum + spot.weight, 0);
  for (let index = 0; index < count; index += 1) {
    let pick = random() * totalWeight;
    const spot = hotSpots.find((candidate) => (pick -= candidate.weight) <= 0) ?? hotSpots[0];
    const latitude = Math.max(
      -85,
      Math.min(85, (spot?.latitude ?? 0) + gaussian(random) * (spot?.spread ?? 1)),
    );
    let longitude = (spot?.longitude ?? 0) + gaussian(random) * (spot?.spread ?? 1);
    longitude = ((((longitude + 180) % 360) + 360) % 360) - 180;
    const burst = bursts[Math.floor(random() * bursts.length)] ?? { day: FIRST_DAY, spread: 10 };
    const inBurst = random() < 0.8;
    const day = Math.min(
      LAST_DAY,
      Math.max(
        FIRST_DAY,
        inBurst
          ? Math.round(burst.day + gaussian(random) * burst.spread)
          : FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY)),
      ),
    );
    const iso = isoDay(day);
    const kind = random();
    const date =
      kind < 0.8
        ? iso
        : kind < 0.9
          ? iso.slice(0, 7)
          : kind < 0.93
            ? iso.slice(0, 4)
            : kind < 0.97
              ? `${iso}/${isoDay(day + 1 + Math.floor(random() * 5))}`
              : `${iso}${random() < 0.5 ? '?' : '~'}`;
    const word = WORDS[index % WORDS.length] ?? 'event';
    const place = PLACES[Math.floor(random() * PLACES.length)] ?? 'site';
    yield {
      type: 'Feature',
      id: `event-${index.toString(36)}`,
      geometry: {
        type: 'Point',
        coordinates: [Number(longitude.toFixed(5)), Number(latitude.toFixed(5))],
      },
      properties: {
        title: `${word.charAt(0).toUpperCase()}${word.slice(1)} near ${place} ${index}`,
        summary: `Reported ${word} near the ${place}; synthetic record ${index}.`,
        date,
        place: `${place.charAt(0).toUpperCase()}${place.slice(1)} ${Math.floor(random() * 500)}`,
        category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
        sources: [{ publisher: 'Synthetic wire', url: `https://example.org/report/${index}` }],
      },
    };
  }
}

export async function writeSyntheticDataset(count: number, path: string, seed = 42): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((resolve) =>
      out.write(text) ? resolve() : out.once('drain', () => resolve()),
    );
  await write(
    `{"type":"FeatureCollection","metadata":{"title":"Synthetic ${count.toLocaleString('en-GB')} events (seed ${seed})"},"features":[\n`,
  );
  let first = true;
  let buffer = '';
  for (const feature of syntheticFeatures(count, seed)) {
    buffer += (first ? '' : ',\n') + JSON.stringify(feature);
    first = false;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(`${buffer}\n]}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * The same events split by year into `partCount` files beside a manifest (see
 * src/data/loading/manifest.ts): how a dataset too big for one file is put on static hosting.
 */
export async function writeSyntheticManifest(
  count: number,
  directory: string,
  partCount: number,
  seed = 42,
): Promise<string> {
  const firstYear = 2000;
  const years = 26;
  const partOf = (date: string) =>
    Math.min(
      partCount - 1,
      Math.floor(((Number(date.slice(0, 4)) - firstYear) * partCount) / years),
    );
  const buffers = Array.from({ length: partCount }, () => [] as string[]);
  for (const feature of syntheticFeatures(count, seed)) {
    buffers[partOf(feature.properties.date)]?.push(JSON.stringify(feature));
  }
  const parts = buffers.map((features, index) => {
    const from = firstYear + Math.ceil((index * years) / partCount);
    const to = firstYear + Math.ceil(((index + 1) * years) / partCount) - 1;
    const url = `synthetic-${count}-part-${index + 1}.geojson`;
    writeFileSync(
      `${directory}/${url}`,
      `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`,
    );
    return { url, from: `${from}-01-01`, to: `${to}-12-31`, events: features.length };
  });
  const manifest = `synthetic-${count}-manifest.json`;
  writeFileSync(
    `${directory}/${manifest}`,
    `${JSON.stringify({ type: 'DatelineManifest', title: `Synthetic ${count.toLocaleString('en-GB')} events in ${partCount} parts (seed ${seed})`, parts }, null, 1)}\n`,
  );
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 1000);
  const path = process.argv[3] ?? `synthetic-${count}.geojson`;
  const seed = Number(process.argv[4] ?? 42);
  await writeSyntheticDataset(count, path, seed);
  console.log(`Wrote ${count} events to ${path}`);
}

/**
 * Where crowdFeatures puts its crowds: near Sinpo; across the antimeridian (Fiji's longitudes);
 * across the Mercator map's north edge (85.05°), where latitudes beyond it are drawn on the edge;
 * and wholly beyond its north and south edges. Each is a box [west, south, east, north]; a west
 * past the east crosses the antimeridian.
 */
const CROWD_BOXES = [
  [127.3, 36.2, 128.1, 37],
  [179.6, -17.4, -179.6, -16.6],
  [-20.4, 84.6, -19.6, 90],
  [40.6, 86, 41.4, 90],
  [10.6, -90, 11.4, -86],
] as const;

/**
 * Crowds of events in a few fine cells of the map (src/server/cell-rollup.ts), on both sides of
 * any edge a view near them has: the synthetic events are too sparse for that, a cell of the
 * rollup holding one or none. A crowd in each of CROWD_BOXES in turn, with places on their edges
 * (longitude ±180, latitude ±90). Ids `crowd-<n>`; categories `Crowd` and `strike`.
 */
export function crowdFeatures(count: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const [west, south, east, north] = CROWD_BOXES[index % CROWD_BOXES.length] ?? CROWD_BOXES[0];
    const width = east >= west ? east - west : east - west + 360;
    // The first six of each crowd on its box's corners and the middles of its north and south
    // edges (the antimeridian, as 180 and as −180), the rest anywhere in it.
    const corner = Math.floor(index / CROWD_BOXES.length);
    const across = corner < 6 ? (corner % 3) / 2 : random();
    const up = corner < 6 ? Math.floor(corner / 3) : random();
    const eastward = west + across * width;
    const longitude = eastward > 180 || (eastward === 180 && up === 1) ? eastward - 360 : eastward;
    return {
      type: 'Feature',
      id: `crowd-${index}`,
      geometry: {
        type: 'Point',
        coordinates: [longitude, south + up * (north - south)].map(
          (value) => Math.round(value * 1e5) / 1e5,
        ),
      },
      properties: {
        title: `Crowd ${index}`,
        date: `2020-0${1 + (index % 9)}-1${index % 10}`,
        category: index % 3 === 0 ? 'Crowd' : 'strike',
        sources: [{ publisher: 'Crowd wire', url: `https://example.org/crowd/${index}` }],
      },
    };
  });
}
