/**
 * Times the map's per-view pass (itemsInView: grid, merge, category mix) on the seeded synthetic
 * dataset, at the views a reader passes through: the world, a region, a city, a street. Each view
 * is timed with and without a selected event; the median of many runs after a warm-up.
 *
 *   npx tsx scripts/cluster-bench.ts [count=100000] [runs=40]
 */
import { validateFeatureCollection } from '../src/data/model/validate.ts';
import {
  buildClusterIndex,
  itemsInView,
  type BoundingBox,
} from '../src/features/map/cluster-index.ts';
import { syntheticFeatures } from './synthetic-dataset.ts';

const count = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 40);

/** The desktop map (about 1,000 × 700 px), with the quarter margin the map reads around it. */
const VIEW_PX: [number, number] = [1000 * 1.5, 700 * 1.5];

function boundsAround(latitude: number, longitude: number, zoom: number): BoundingBox {
  const worldPx = 256 * 2 ** zoom;
  const x = ((longitude + 180) / 360) * worldPx;
  const sin = Math.sin((latitude * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx;
  const toLongitude = (px: number) => Math.max(-180, Math.min(180, (px / worldPx) * 360 - 180));
  const toLatitude = (py: number) =>
    (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / worldPx))) * 180) / Math.PI;
  const [width, height] = VIEW_PX;
  return [
    toLongitude(x - width / 2),
    toLatitude(Math.min(worldPx, y + height / 2)),
    toLongitude(x + width / 2),
    toLatitude(Math.max(0, y - height / 2)),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const started = performance.now();
const { events } = validateFeatureCollection({
  type: 'FeatureCollection',
  features: [...syntheticFeatures(count)],
});
console.log(
  `${events.length.toLocaleString('en-GB')} events ready in ${Math.round(performance.now() - started)} ms`,
);

// The page's events share one string per category (the import worker sends each word once:
// src/data/import/event-packer.ts); parsed here, each event has its own copy. Shared, as there.
const shared = new Map<string, string>();
for (const event of events) {
  const category = shared.get(event.category) ?? event.category;
  shared.set(category, category);
  (event as { category: string }).category = category;
}

const indexSamples: number[] = [];
let clustered = buildClusterIndex(events);
for (let run = 0; run < 30; run += 1) {
  const start = performance.now();
  clustered = buildClusterIndex(events);
  indexSamples.push(performance.now() - start);
}
console.log(
  `buildClusterIndex (once per data or filter change): median ${median(indexSamples).toFixed(1)} ms`,
);

// The busiest spot: the one-degree square holding the most events, and an event in it.
const perSquare = new Map<string, { count: number; event: (typeof events)[number] }>();
for (const event of events) {
  const key = `${Math.floor(event.latitude)},${Math.floor(event.longitude)}`;
  const square = perSquare.get(key);
  if (square) square.count += 1;
  else perSquare.set(key, { count: 1, event });
}
const busiest = [...perSquare.values()].sort((a, b) => b.count - a.count)[0]?.event ?? null;
const centre = { latitude: busiest?.latitude ?? 0, longitude: busiest?.longitude ?? 0 };

const views: { name: string; bbox: BoundingBox; zoom: number }[] = [
  { name: 'world, zoom 1.5', bbox: [-180, -85, 180, 85], zoom: 1.5 },
  { name: 'region, zoom 5', bbox: boundsAround(centre.latitude, centre.longitude, 5), zoom: 5 },
  { name: 'city, zoom 8', bbox: boundsAround(centre.latitude, centre.longitude, 8), zoom: 8 },
  { name: 'street, zoom 12', bbox: boundsAround(centre.latitude, centre.longitude, 12), zoom: 12 },
];

console.log('| view | events in view | items | median ms | with a selection, median ms |');
console.log('| ---- | -------------- | ----- | --------- | --------------------------- |');
for (const view of views) {
  const time = (selected: (typeof events)[number] | null) => {
    const samples: number[] = [];
    let items = 0;
    for (let run = 0; run < runs + 5; run += 1) {
      const start = performance.now();
      items = itemsInView(clustered, view.bbox, view.zoom, selected).length;
      if (run >= 5) samples.push(performance.now() - start);
    }
    return { items, ms: median(samples) };
  };
  const [west, south, east, north] = view.bbox;
  const inView = events.filter(
    (event) =>
      event.longitude >= west &&
      event.longitude <= east &&
      event.latitude >= south &&
      event.latitude <= north,
  ).length;
  const plain = time(null);
  const withSelection = time(busiest);
  console.log(
    `| ${view.name} | ${inView.toLocaleString('en-GB')} | ${plain.items} | ${plain.ms.toFixed(2)} | ${withSelection.ms.toFixed(2)} |`,
  );
}
