import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { mergeParts, readManifest } from './manifest.ts';
import { mightBeManifest } from './manifest-check.ts';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('readManifest', () => {
  it('reads parts relative to the manifest, and tells a dataset from a manifest', () => {
    const manifest = readManifest(
      bytes({
        type: 'DatelineManifest',
        title: 'Incidents',
        parts: [{ url: 'parts/2000.geojson', from: '2000-01-01', to: '2000-12-31', events: 3 }],
      }),
      'https://data.example/sets/manifest.json',
    );
    expect(manifest).toEqual({
      title: 'Incidents',
      parts: [
        {
          url: 'https://data.example/sets/parts/2000.geojson',
          from: '2000-01-01',
          to: '2000-12-31',
          events: 3,
        },
      ],
    });
    expect(readManifest(bytes(makeFeatureCollection([])), 'https://x.example/a')).toBeNull();
    expect(readManifest(new TextEncoder().encode('date,title'), 'https://x.example/a')).toBeNull();
  });

  it('refuses parts that are missing or not http(s)', () => {
    const read = (parts: unknown) =>
      readManifest(bytes({ type: 'DatelineManifest', parts }), 'https://x.example/m.json');
    expect(() => read([])).toThrow(/lists no parts/);
    expect(() => read([{ from: '2000' }])).toThrow(/Part 1 of the manifest has no "url"/);
    expect(() => read([{ url: 'javascript:alert(1)' }])).toThrow(/not an http\(s\) address/);
  });
});

describe('mightBeManifest', () => {
  it('lets through every manifest, however it is written, and turns away datasets', () => {
    const manifest = { type: 'DatelineManifest', parts: [{ url: 'parts/a.geojson' }] };
    const written = [
      bytes(manifest),
      new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
      new TextEncoder().encode('{ "parts": [{"url": "a.csv"}],\n  "type" :\t"DatelineManifest" }'),
    ];
    for (const file of written) {
      expect(readManifest(file, 'https://x.example/m.json')).not.toBeNull();
      expect(mightBeManifest(file)).toBe(true);
    }
    // The page then never loads the manifest reader for an ordinary dataset.
    expect(mightBeManifest(bytes(makeFeatureCollection([makeFeature()])))).toBe(false);
    expect(mightBeManifest(new TextEncoder().encode('date,title\n2024-06,Summit'))).toBe(false);
  });
});

describe('mergeParts', () => {
  it('keeps every record accounted for, in order, reporting ids an earlier part used', () => {
    const part = (ids: string[], year: number, extra: unknown[] = []) =>
      validateFeatureCollection(
        makeFeatureCollection([
          ...ids.map((id, index) =>
            makeFeature({ id, properties: { date: `${year}-0${index + 1}-01` } }),
          ),
          ...extra,
        ]),
      );
    const merged = mergeParts('Both', [
      { name: '2000.geojson', dataset: part(['a', 'b'], 2000) },
      { name: '2001.geojson', dataset: part(['c', 'a'], 2001, [{ type: 'Feature' }]) },
    ]);
    expect(merged.metadata.title).toBe('Both');
    expect(merged.events.map((event) => event.id)).toEqual(['a', 'b', 'c']);
    // Record numbers run on across parts: "c" is the third record of the whole dataset.
    expect(merged.events.map((event) => event.position)).toEqual([0, 1, 2]);
    expect(merged.recordCount).toBe(5);
    expect(merged.events.length + merged.issues.length).toBe(merged.recordCount);
    expect(merged.issues.map((issue) => [issue.position, issue.field])).toEqual([
      [3, '2001.geojson · id'],
      [4, '2001.geojson · properties'],
    ]);
  });
});
