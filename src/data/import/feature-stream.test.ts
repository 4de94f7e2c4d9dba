/**
 * The reader that checks records while they download (feature-stream.ts) must give exactly what
 * the whole-file importer gives, wherever the download happens to be cut into pieces, or step
 * aside. How many inputs each property tries (fast-check numRuns): valid files cut anywhere 300,
 * damaged files 500.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureStream } from './feature-stream.ts';
import { importDataset } from './import-dataset.ts';
import type { ImportOutcome } from './import-types.ts';
import { EventPacker } from './event-packer.ts';
import { EventUnpacker } from './event-unpacker.ts';
import { settleRecords } from './record-settlement.ts';
import type { DatasetEvent } from '../model/schema.ts';

const encoder = new TextEncoder();

/**
 * The file as the worker would receive it: in pieces that end at the given byte offsets, the
 * records taken after each piece as the worker takes them, and settled at the end as the page
 * settles them. The outcome with those events, or null when the reader stepped aside.
 */
function readInPieces(
  name: string,
  bytes: Uint8Array,
  cuts: number[],
  { takeAsItGoes = true } = {},
): ImportOutcome | null {
  const stream = new FeatureStream(name);
  const records: DatasetEvent[] = [];
  const take = () => {
    if (takeAsItGoes) records.push(...stream.takeNew());
  };
  let start = 0;
  for (const cut of [...cuts.filter((at) => at > 0 && at < bytes.length)].sort((a, b) => a - b)) {
    stream.push(bytes.subarray(start, cut));
    take();
    start = cut;
  }
  stream.push(bytes.subarray(start));
  take();
  const ended = stream.end();
  if (!ended) return null;
  // The last records are taken after the end, as the worker takes them (ids settled by then).
  records.push(...stream.takeNew());
  const { outcome, settlement } = ended;
  if (outcome.kind !== 'dataset') return outcome;
  return {
    ...outcome,
    dataset: { ...outcome.dataset, events: settleRecords(records, settlement) },
  };
}

/** importDataset's outcome for the whole file, or the message of the DatasetError it throws. */
function wholeFile(name: string, bytes: Uint8Array): ImportOutcome | string {
  try {
    return importDataset([{ name, bytes }], null, { sourceUrl: null });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const bundled = readFileSync('data/events.geojson');

/** Text that is hard on a scanner: quotes, backslashes, brackets, commas, emoji, other scripts. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'a "quoted", [bracketed] {braced} title',
    'ends in \\',
    '\\"',
    '북한 🚀 Sinpo',
    ']}',
  ),
);

const feature = fc.record({
  id: fc.option(fc.constantFrom('sinpo', 'seoul', 'donetsk'), { nil: undefined }),
  title: awkwardText,
  summary: awkwardText,
  date: fc.constantFrom('2024-06', '2024-10-08', '2024~', '2024-06-19/2024-06-20', 'June'),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  tags: fc.array(awkwardText, { maxLength: 3 }),
  nested: fc.jsonValue({ maxDepth: 3 }),
});

const collection = fc
  .record({
    features: fc.array(feature, { maxLength: 12 }),
    title: awkwardText,
    metadataFirst: fc.boolean(),
    indent: fc.constantFrom(0, 1, 2, '\t'),
  })
  .map(({ features, title, metadataFirst, indent }) => {
    const list = features.map((item) => ({
      type: 'Feature',
      ...(item.id === undefined ? {} : { id: item.id }),
      geometry: { type: 'Point', coordinates: [item.longitude, item.latitude] },
      properties: {
        title: item.title,
        summary: item.summary,
        date: item.date,
        tags: item.tags,
        extra: item.nested,
        sources: [{ publisher: 'Yonhap', url: 'https://en.yna.co.kr/' }],
      },
    }));
    const metadata = { title, features: [{ not: 'these' }] };
    const json = metadataFirst
      ? { type: 'FeatureCollection', metadata, features: list }
      : { features: list, type: 'FeatureCollection', metadata };
    return encoder.encode(JSON.stringify(json, null, indent));
  });

const cutsIn = (bytes: Uint8Array) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 8 });

describe('FeatureStream: reading a dataset while it downloads', () => {
  it('gives the whole-file outcome for the bundled dataset, however the download is cut', () => {
    const expected = wholeFile('events.geojson', bundled);
    for (const cuts of [[], [1], [7, 8, 9], [100, 2000, 2001, 5000], [bundled.length - 1]]) {
      expect(readInPieces('events.geojson', bundled, cuts)).toEqual(expected);
      // Records taken only after the last piece come out the same.
      expect(readInPieces('events.geojson', bundled, cuts, { takeAsItGoes: false })).toEqual(
        expected,
      );
    }
    // A piece per byte: every possible boundary, inside strings, escapes and UTF-8 sequences.
    const everyByte = Array.from({ length: bundled.length }, (_, index) => index);
    expect(readInPieces('events.geojson', bundled, everyByte)).toEqual(expected);
  });

  it('gives the whole-file outcome for valid files with awkward text, cut anywhere', () => {
    fc.assert(
      fc.property(
        collection.chain((bytes) => fc.tuple(fc.constant(bytes), cutsIn(bytes))),
        ([bytes, cuts]) => {
          const streamed = readInPieces('data.geojson', bytes, cuts);
          // Every one of these is our contract: the quick way must be taken, not stepped aside.
          expect(streamed).not.toBeNull();
          expect(streamed).toEqual(wholeFile('data.geojson', bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same outcome or steps aside when the file is damaged anywhere', () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(',', ']', '}', '[', '{', '"', '\\', ' ', ',,', 'x', '\uD800'),
      }),
    );
    let readQuickly = 0;
    fc.assert(
      fc.property(
        collection,
        fc.array(damage, { minLength: 1, maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (valid, damages, rawCuts) => {
          let text = new TextDecoder().decode(valid);
          for (const change of damages) {
            const at = change.at % (text.length + 1);
            if (change.kind === 'cut') text = text.slice(0, at);
            else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
            else text = text.slice(0, at) + change.text + text.slice(at);
          }
          const bytes = encoder.encode(text);
          const streamed = readInPieces(
            'data.geojson',
            bytes,
            rawCuts.map((cut) => cut % Math.max(1, bytes.length)),
          );
          const whole = wholeFile('data.geojson', bytes);
          // Stepping aside is always allowed (the whole-file importer then answers); a different
          // answer never is.
          if (streamed !== null) {
            readQuickly += 1;
            expect(streamed).toEqual(whole);
          }
        },
      ),
      { numRuns: 500 },
    );
    // Damage inside a string or a number leaves valid JSON: those files are still read quickly.
    expect(readQuickly).toBeGreaterThan(50);
  });

  it('gives the page the same events from records sent during the download, then settled', () => {
    // As import-worker.ts and run-import.ts do it: each piece's new records packed and rebuilt
    // at once (ids not yet settled), then their order and derived ids once the file is in.
    fc.assert(
      fc.property(
        collection.chain((bytes) => fc.tuple(fc.constant(bytes), cutsIn(bytes))),
        ([bytes, cuts]) => {
          const stream = new FeatureStream('data.geojson');
          const packer = new EventPacker();
          const unpacker = new EventUnpacker();
          const records: DatasetEvent[] = [];
          const send = () => unpacker.unpack(packer.pack(stream.takeNew()), records);
          let start = 0;
          for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
            stream.push(bytes.subarray(start, cut));
            send();
            start = cut;
          }
          const ended = stream.end();
          send();
          if (!ended) throw new Error('expected the quick way');
          const whole = wholeFile('data.geojson', bytes);
          if (typeof whole === 'string' || whole.kind !== 'dataset') throw new Error(String(whole));
          const settled = settleRecords(records, ended.settlement);
          expect(settled).toEqual(whole.dataset.events);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the collection’s own members wherever they are, and not a nested "features"', () => {
    const text = JSON.stringify({
      metadata: { title: 'Nested', features: [1, 2, 3], note: '"features":[' },
      features: JSON.parse(bundled.toString('utf8')).features,
      type: 'FeatureCollection',
      after: { features: [] },
    });
    const bytes = encoder.encode(text);
    const streamed = readInPieces('nested.geojson', bytes, [10, 40, 41, 300]);
    expect(streamed).not.toBeNull();
    expect(streamed).toEqual(wholeFile('nested.geojson', bytes));
    if (streamed?.kind !== 'dataset') throw new Error('expected a dataset');
    expect(streamed.dataset.metadata.title).toBe('Nested');
    expect(streamed.dataset.recordCount).toBe(6);
  });

  it('names an untitled dataset after its file, as the whole-file importer does', () => {
    const bytes = encoder.encode('{"type":"FeatureCollection","features":[]}');
    const streamed = readInPieces('https://example.org/data/empty.geojson', bytes, [5]);
    expect(streamed).toEqual(wholeFile('https://example.org/data/empty.geojson', bytes));
    expect(streamed?.kind === 'dataset' && streamed.dataset.metadata.title).toBe('empty.geojson');
  });

  it('steps aside for files the whole-file importer reads another way', () => {
    const steppedAside = (bytes: Uint8Array) => readInPieces('file', bytes, [3]) === null;
    const features = (JSON.parse(bundled.toString('utf8')) as { features: unknown[] }).features;
    // Windows-1252 (not valid UTF-8), UTF-16 with its byte-order mark.
    expect(steppedAside(Uint8Array.from([...bundled.subarray(0, 60), 0xdc, 0x20]))).toBe(true);
    expect(steppedAside(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]))).toBe(true);
    // A list of records, a manifest, a CSV, an HTML page, plain GeoJSON with columns to map.
    expect(steppedAside(encoder.encode(JSON.stringify(features)))).toBe(true);
    expect(
      steppedAside(encoder.encode('{"type":"DatelineManifest","parts":[{"url":"a.geojson"}]}')),
    ).toBe(true);
    expect(steppedAside(encoder.encode('date,title\n2024,x\n'))).toBe(true);
    expect(steppedAside(encoder.encode('<!doctype html><p>Not found</p>'))).toBe(true);
    const plain = {
      type: 'FeatureCollection',
      features: Array.from({ length: 60 }, (_, index) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [index, 1] },
        properties: { time: 1_700_000_000_000, mag: 4.5 },
      })),
    };
    expect(steppedAside(encoder.encode(JSON.stringify(plain)))).toBe(true);
    // A key written with an escape, a second features list, a trailing comma, anything after.
    const own = JSON.stringify({ type: 'FeatureCollection', features });
    expect(steppedAside(encoder.encode(own.replace('"features"', '"feat\\u0075res"')))).toBe(true);
    expect(steppedAside(encoder.encode(own.replace(/}$/, ',"features":[]}')))).toBe(true);
    expect(steppedAside(encoder.encode(own.replace(/}]}$/, '},]}')))).toBe(true);
    expect(steppedAside(encoder.encode(`${own} x`))).toBe(true);
    // Before the collection, text that is white space to a regular expression but not to JSON,
    // alone in the first piece: a no-break space, a form feed, a second byte-order mark.
    for (const prefix of [[0xc2, 0xa0], [0x0c], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
      const bytes = Uint8Array.from([...prefix, ...encoder.encode(own)]);
      expect(readInPieces('file', bytes, [prefix.length])).toBeNull();
      expect(wholeFile('file', bytes)).toMatch(/not valid JSON/);
    }
    // Each of these still imports (or fails) as before through the whole-file importer.
    expect(wholeFile('plain.geojson', encoder.encode(JSON.stringify(plain)))).not.toBeTypeOf(
      'string',
    );
  });

  it('counts the records read so far, for the progress line', () => {
    const stream = new FeatureStream('events.geojson');
    const half = Math.floor(bundled.length / 2);
    stream.push(bundled.subarray(0, half));
    const midway = stream.records;
    stream.push(bundled.subarray(half));
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(6);
    stream.end();
    expect(stream.records).toBe(6);
    // Once the reader steps aside (not a file of ours after all), it claims no records read.
    const plain = new FeatureStream('plain.geojson');
    plain.push(
      encoder.encode(
        `{"type":"FeatureCollection","features":[${Array(60).fill('{"type":"Feature","properties":{}}').join(',\n')}`,
      ),
    );
    expect(plain.records).toBe(0);
  });
});
