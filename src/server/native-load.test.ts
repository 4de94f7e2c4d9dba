/**
 * The data server's two ways of reading a table, held to the same answers: the importer (the
 * browser's own, load-dataset.ts) and DuckDB reading the file itself (native-load.ts), on files
 * made of the cells that test the importer's rules: titles borrowed from summaries, formula
 * guards, dates of every precision and bad ones, intervals, decimal commas, coordinates out of
 * range, repeated, long and non-ASCII ids, rows without ids (Korean titles too), category forms,
 * publishers named in a column of their own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventFilter } from '../data/model/event-filter.ts';
import { DuckDbEngine } from './duckdb-engine.ts';
import { loadDataset } from './load-dataset.ts';

const folder = mkdtempSync(join(tmpdir(), 'dateline-native-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const VARIANTS = {
  id: ['', 'evt-1', 'EVT 2', 'café-3', '사건-4', 'x'.repeat(120) + ' ' + 'y'.repeat(100), 'dup'],
  title: [
    'Strike on the depot',
    '',
    "'=SUM(A1)",
    '  Padded\u00a0title\u3000',
    '신포 잠수함 발사',
    'Missile test near Sinpo',
  ],
  summary: [
    '',
    'First sentence here. Second one follows.',
    'A sentence without a stop that runs on and on well past one hundred characters so that it is cut short at last',
    "'+formula in the summary",
  ],
  date: [
    '2024-06-19',
    '2024-06',
    '2024',
    '2024-06-19?',
    'June 2024',
    '2024-06-19T10:30:00',
    'not a date',
    '2024-02-30',
    '',
    '19 June 2024',
  ],
  end_date: ['', '', '', '2024-06-21', '2024-06-01', '2024-06-19'],
  latitude: ['48.5', ' 37,56 ', '91', 'abc', '', '1e1', '.5', '+3', '-0', '39.1'],
  longitude: ['37.8', '127,5', '181', '', '-179.99', '126.9', '1e400'],
  category: ['Air strike', 'air  strike', 'AIR STRIKE', 'Missile test', '', 'a,b'],
  url: ['https://example.org/a', 'see https://x.example/y).', 'a report, no link', ''],
  country: ['kr', 'KOR', ''],
  location_precision: ['city', 'bogus', ''],
  place: ['Sinpo', '', ' Donetsk '],
  publisher: ['Reuters', '', 'Yonhap | AP', 'MND; KCNA'],
} as const;

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows made of every variant, in a seeded mix, with a number to tell titles and ids apart. */
function trickyCsv(rows: number): string {
  const random = seeded(7);
  const columns = Object.keys(VARIANTS) as (keyof typeof VARIANTS)[];
  const lines = [columns.join(',')];
  for (let row = 0; row < rows; row += 1) {
    const cells = columns.map((column) => {
      const choices = VARIANTS[column];
      const pick = choices[Math.floor(random() * choices.length)] ?? '';
      if (column === 'id' && pick === 'dup') return random() < 0.5 ? 'dup' : `dup-${row % 7}`;
      if (column === 'id' && pick !== '' && random() < 0.8) return `${pick}-${row}`;
      if (column === 'title' && pick !== '' && random() < 0.5) return `${pick} ${row % 50}`;
      return pick;
    });
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const EVERYTHING: EventFilter = { from: null, to: null, query: '', categories: [] };

async function compare(path: string) {
  const native = await DuckDbEngine.openFile(path);
  const importer = await DuckDbEngine.open(await loadDataset(path));
  try {
    expect(native).not.toBeNull();
    if (native === null) return;
    const [a, b] = [await native.describe(), await importer.describe()];
    expect(a).toEqual(b);
    expect(a.eventCount).toBeGreaterThan(100);
    expect(a.issues.count).toBeGreaterThan(100);
    for (let offset = 0; offset < a.eventCount; offset += 500) {
      const request = { offset, limit: 500 };
      expect(await native.window(EVERYTHING, request)).toEqual(
        await importer.window(EVERYTHING, request),
      );
    }
    const { events } = await importer.window(EVERYTHING, { offset: 0, limit: 500 });
    const publishers = new Set(events.flatMap((event) => event.sources.map((s) => s.publisher)));
    expect([...publishers]).toEqual(expect.arrayContaining(['Reuters', 'Yonhap; AP', 'MND; KCNA']));
    const derived = events.filter((event) => event.idDerived);
    expect(derived.length).toBeGreaterThan(10);
    expect(derived.some((event) => event.id.startsWith('sinpo-jamsuham'))).toBe(true);
    for (const event of events.slice(0, 40)) expect(await native.event(event.id)).toEqual(event);
    for (const unknown of ['missile-test-sinpo', 'strike-depot-12', 'cafe-3'])
      expect(await native.closest(unknown)).toEqual(await importer.closest(unknown));
    const filter: EventFilter = {
      from: 19_800,
      to: 19_900,
      query: 'strike',
      categories: ['Air strike'],
    };
    expect(await native.histogram(filter, 'month')).toEqual(
      await importer.histogram(filter, 'month'),
    );
    const view = { west: -180, east: 180, south: -85, north: 85, zoom: 2 };
    expect(await native.clusters(filter, view)).toEqual(await importer.clusters(filter, view));
    expect(await native.categoryCounts(filter)).toEqual(await importer.categoryCounts(filter));
  } finally {
    native?.close();
    importer.close();
  }
}

describe('the data server reading a file with DuckDB', () => {
  const csv = join(folder, 'tricky.csv');
  writeFileSync(csv, trickyCsv(3_000));

  it('gives the events, ids, order and Data issues the importer gives, from CSV', async () => {
    await compare(csv);
  }, 60_000);

  it('and from Parquet with typed columns', async () => {
    const parquet = join(folder, 'tricky.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Coordinates as numbers where they are numbers, dates as text: the shapes exporters write.
    await connection.run(
      `COPY (SELECT * REPLACE (TRY_CAST(trim(latitude) AS DOUBLE) AS latitude)
             FROM read_csv('${csv}', all_varchar = true, header = true))
       TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    await compare(parquet);
  }, 60_000);

  it('reads a file with the columns, title and category labels its config sets, both ways', async () => {
    // UCDP's own columns: without the config the headline loses to the dyad's name as the title.
    const ucdp = join(folder, 'ucdp.csv');
    writeFileSync(
      ucdp,
      [
        'id,date_start,source_headline,dyad_name,where_description,latitude,longitude,type_of_violence',
        '147997,2014-01-22,Police disperse Kiev protest,Government of Ukraine - Maidan,Kiev,50.45,30.52333,1',
        '153030,2014-05-02,Death toll from Odessa violence rises,Supporters - Supporters,Odessa,46.466667,30.733333,2',
        '203689,2015-05-19,Battle erupts in eastern Ukraine,Government of Ukraine - UAF,Katerinovka,48.668695,38.483163,1',
      ].join('\n'),
    );
    const settings = {
      title: 'Ukraine conflict events',
      columns: { title: 'source_headline' },
      categories: { '1': { label: 'State-based conflict', colour: '#cc5500' } },
    };
    const notes: string[] = [];
    const engines = [
      await DuckDbEngine.openFile(ucdp, { settings, say: (note) => notes.push(note) }),
      await DuckDbEngine.open(await loadDataset(ucdp, settings, (note) => notes.push(note))),
    ];
    try {
      for (const engine of engines) {
        expect(engine).not.toBeNull();
        if (engine === null) continue;
        const described = await engine.describe();
        expect(described.metadata.title).toBe('Ukraine conflict events');
        expect(described.metadata.categories).toEqual(settings.categories);
        expect(described.categoryColumn).toBe('type_of_violence');
        // The columns it read by, for About this file: the config chose them.
        expect(described.columns).toEqual({
          fields: expect.objectContaining({
            id: 'id',
            date: 'date_start',
            title: 'source_headline',
            latitude: 'latitude',
            longitude: 'longitude',
            category: 'type_of_violence',
          }),
          proposed: false,
          guessed: [],
        });
        const { events } = await engine.window(EVERYTHING, { offset: 0, limit: 10 });
        expect(events.map((event) => event.title)).toEqual([
          'Police disperse Kiev protest',
          'Death toll from Odessa violence rises',
          'Battle erupts in eastern Ukraine',
        ]);
      }
      expect(notes).toEqual([]);
      // Without one, the importer's proposal is read and said.
      const unset = await DuckDbEngine.openFile(ucdp, { say: (note) => notes.push(note) });
      engines.push(unset);
      const { events } = (await unset?.window(EVERYTHING, { offset: 0, limit: 1 })) ?? {};
      expect(events?.[0]?.title).toBe('Government of Ukraine - Maidan');
      expect(notes).toEqual([expect.stringContaining('its proposal was used')]);
      // And the page is told so, with the columns taken.
      expect((await unset?.describe())?.columns).toEqual({
        fields: expect.objectContaining({ title: 'dyad_name', date: 'date_start' }),
        proposed: true,
        guessed: ['title'],
      });
    } finally {
      for (const engine of engines) await engine?.close();
    }
  }, 60_000);

  it('leaves to the importer what only it reads: GeoJSON, and files not in UTF-8', async () => {
    const geojson = join(folder, 'events.geojson');
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    expect(await DuckDbEngine.openFile(geojson)).toBeNull();
    // Its fields are the contract's own: no columns to tell of.
    expect((await loadDataset(geojson)).columns).toBeNull();
    const latin1 = join(folder, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.from('title,date,latitude,longitude\nCaf\xe9 opens,2024-06-19,48.5,37.8\n', 'latin1'),
    );
    expect(await DuckDbEngine.openFile(latin1)).toBeNull();
  });
});
