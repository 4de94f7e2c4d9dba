/** What Dateline exports, Dateline imports again unchanged: GeoJSON and CSV alike. */
import { describe, expect, it } from 'vitest';
import { toCsv, toGeoJson } from './export/export.ts';
import { importDataset } from './import/import-dataset.ts';
import type { ImportInput, ImportOutcome } from './import/import-types.ts';
import { parseDatasetText } from './model/validate.ts';

const encoder = new TextEncoder();
const utf8 = (name: string, text: string): ImportInput => ({ name, bytes: encoder.encode(text) });

function dataset(outcome: ImportOutcome) {
  if (outcome.kind !== 'dataset') throw new Error(`expected a dataset, got ${outcome.kind}`);
  return outcome;
}

describe('export, then import', () => {
  const original = parseDatasetText(
    JSON.stringify({
      type: 'FeatureCollection',
      metadata: { title: 'Round trip', language: 'en' },
      features: [
        {
          type: 'Feature',
          id: 'summit',
          geometry: { type: 'Point', coordinates: [125.75, 39.03] },
          properties: {
            title: '=HYPERLINK("x") and, "quotes"',
            summary: 'Line one.\nLine two, with a comma.',
            date: '2024-06',
            place: 'Pyongyang',
            country: 'KP',
            locationPrecision: 'city',
            category: 'diplomacy',
            tags: ['summit', 'treaty'],
            sources: [
              {
                publisher: 'Yonhap',
                title: 'A | B',
                url: 'https://en.yna.co.kr/x',
                quote: 'He said so.',
                quoteTranslations: { ko: '그는 그렇게 말했다.', 'pt-BR': 'Ele disse, | sim.' },
              },
              { publisher: 'KCNA', published: '2024-06-20', title: 'Back\\slash' },
            ],
            related: ['strike'],
            translations: {
              ko: { title: '평양 정상회담, "조약"', place: '평양' },
              'pt-BR': { summary: 'Linha um.\nLinha dois.' },
            },
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [37.8, 48.0] },
          properties: {
            title: 'Strike',
            date: '2024-10-04?',
            sources: [{ publisher: 'Yonhap' }],
          },
        },
      ],
    }),
  );
  const comparable = (events: typeof original.events) =>
    events.map(
      ({
        id,
        title,
        summary,
        date,
        place,
        country,
        latitude,
        longitude,
        locationPrecision,
        category,
        tags,
        related,
        translations,
      }) => ({
        id,
        title,
        summary,
        edtf: date.edtf,
        place,
        country,
        latitude,
        longitude,
        locationPrecision,
        category,
        tags,
        related,
        translations,
      }),
    );

  it('gives back the same events from GeoJSON, sources and all', () => {
    const text = toGeoJson(original.events, original.metadata);
    const { dataset: back } = dataset(
      importDataset([utf8('x.geojson', text)], null, { sourceUrl: null }),
    );
    expect(back.events).toEqual(original.events.map((event) => ({ ...event, idDerived: false })));
    expect(back.metadata.title).toBe('Round trip');
    expect(back.metadata.language).toBe('en');
  });

  it('gives back the same events from CSV, sources and all', () => {
    const text = toCsv(original.events);
    expect(text.split('\r\n')[0]).toContain(
      ',title_ko,summary_ko,place_ko,source_quote_ko,title_pt-BR,',
    );
    expect(text).toContain(`"'=HYPERLINK(""x"") and, ""quotes"""`);
    const { dataset: back } = dataset(
      importDataset([utf8('x.csv', text)], null, { sourceUrl: null }),
    );
    expect(comparable(back.events)).toEqual(comparable(original.events));
    // Publication dates are not in the CSV; everything else about each source comes back.
    for (const [index, event] of original.events.entries()) {
      expect(back.events[index]?.sources).toEqual(
        event.sources.map((source) => ({ ...source, published: null })),
      );
    }
  });
});
