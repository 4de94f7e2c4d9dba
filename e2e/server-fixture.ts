/**
 * The data server's end-to-end fixture (e2e/data-server.spec.ts): a seeded CSV of synthetic events
 * (scripts/synthetic-dataset.ts) plus a few events the tests look for by name, written once to
 * the system's temporary folder and reused while its name (count and seed) is the same; and the
 * server started on a file (`npm run serve:data`), for that spec and e2e/server-mode.spec.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticFeatures } from '../scripts/synthetic-dataset.ts';

/** Events the tests name: searched for, linked to, and found by their dates. */
export const MARKED_EVENTS = [
  {
    id: 'zeppelin-lands-at-tempelhof',
    title: 'Zeppelin lands at Tempelhof airfield',
    summary: 'A marked event of the end-to-end fixture, alone in its words.',
    date: '2013-05-17',
    place: 'Tempelhof, Berlin',
    latitude: 52.4733,
    longitude: 13.4039,
    category: 'diplomacy',
    url: 'https://example.org/report/zeppelin',
  },
  {
    id: 'zeppelin-leaves-lakehurst',
    title: 'Zeppelin leaves Lakehurst',
    summary: 'The second marked event, two years later.',
    date: '2015-03-02',
    place: 'Lakehurst, New Jersey',
    latitude: 40.0154,
    longitude: -74.3113,
    category: 'statement',
    url: 'https://example.org/report/lakehurst',
  },
] as const;

const COLUMNS = [
  'id',
  'title',
  'summary',
  'date',
  'place',
  'latitude',
  'longitude',
  'category',
  'url',
] as const;

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes the fixture unless it is there already; returns its path. */
export async function serverFixture(count: number, seed = 27): Promise<string> {
  const directory = join(tmpdir(), 'dateline-e2e');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `server-${count}-${seed}.csv`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.part`;
  const out = createWriteStream(partial);
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  let buffer = `${COLUMNS.join(',')}\n`;
  for (const event of MARKED_EVENTS)
    buffer += `${COLUMNS.map((name) => cell(event[name])).join(',')}\n`;
  for (const feature of syntheticFeatures(count - MARKED_EVENTS.length, seed)) {
    const [longitude, latitude] = feature.geometry.coordinates;
    const { title, summary, date, place, category, sources } = feature.properties;
    buffer += `${[
      feature.id,
      title,
      summary,
      date,
      place,
      latitude ?? 0,
      longitude ?? 0,
      category ?? '',
      sources[0]?.url ?? '',
    ]
      .map(cell)
      .join(',')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  // Whole or not at all: a run stopped half-way leaves no fixture to be taken for a whole one.
  renameSync(partial, path);
  return path;
}

/**
 * Starts the data server on `file` at `port`, answering the app's `origin`, and resolves once it
 * serves. Kill the process it gives when done.
 */
export async function startDataServer(
  file: string,
  port: number,
  origin: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve-data.ts', file, '--port', String(port), '--cors', origin],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the data server stopped (${code}): ${errors}`)));
  });
  return child;
}

if (process.argv[1]?.endsWith('server-fixture.ts')) {
  console.log(await serverFixture(Number(process.argv[2] ?? 1_000_000)));
}
