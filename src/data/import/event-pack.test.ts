/**
 * The trip from the import worker to the page (event-pack.ts): whatever validation can produce
 * must arrive exactly as it left, across any number of slices.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateFeatureCollection } from '../model/validate.ts';
import type { DatasetEvent } from '../model/schema.ts';
import type { EventPack } from './event-pack.ts';
import { EventPacker } from './event-packer.ts';
import { EventUnpacker } from './event-unpacker.ts';

/** Packs in slices of `sliceSize`, posts each through a structured clone as the worker does. */
function roundTrip(events: DatasetEvent[], sliceSize: number): DatasetEvent[] {
  const packer = new EventPacker();
  const unpacker = new EventUnpacker();
  const received: DatasetEvent[] = [];
  for (let start = 0; start < events.length; start += sliceSize) {
    const pack = packer.pack(events.slice(start, start + sliceSize));
    const posted: EventPack = structuredClone(pack, { transfer: [pack.numbers.buffer] });
    unpacker.unpack(posted, received);
  }
  return received;
}

const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 });
const optionalText = fc.option(fc.string({ unit: 'binary', maxLength: 24 }), { nil: undefined });
const date = fc.constantFrom(
  '2024-10-08',
  '2024-06',
  '2024',
  '2024-09~',
  '1999-12-31?',
  '2001-02%',
  '2024-10-03/2024-10-04',
  '2024-06/2024-07-02',
  '2024-10-08T09:30:00+09:00',
  '2024-10-08T23:59:59.5Z',
  '2024-10-08T00:00',
  '0000-01-01',
  '9999-12-31',
);
const language = fc.constantFrom('ko', 'en', 'pt-BR', 'ar', 'zh-Hant');
const feature = fc.record({
  type: fc.constant('Feature'),
  id: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,4})?$/), { nil: undefined }),
  geometry: fc.record({
    type: fc.constant('Point'),
    coordinates: fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
  }),
  properties: fc.record(
    {
      title: text,
      summary: optionalText,
      date,
      place: optionalText,
      country: fc.constantFrom('KR', 'KP', 'UA', 'RU', null),
      locationPrecision: fc.constantFrom('exact', 'city', 'region', 'country', null),
      category: fc.constantFrom('statement', 'summit', 'military-activity', 'other'),
      tags: fc.array(fc.constantFrom('navy', 'submarine', 'troops', 'é😀'), { maxLength: 3 }),
      sources: fc.array(
        fc.record(
          {
            publisher: text,
            title: optionalText,
            published: fc.option(date, { nil: null }),
            url: fc.option(fc.webUrl(), { nil: null }),
            quote: optionalText,
            quoteTranslations: fc.option(fc.dictionary(language, text, { maxKeys: 2 }), {
              nil: undefined,
            }),
          },
          { requiredKeys: ['publisher'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      related: fc.array(fc.constantFrom('a', 'b-1', 'c'), { maxLength: 2 }),
      translations: fc.option(
        fc.dictionary(
          language,
          fc.record({ title: optionalText, summary: optionalText, place: optionalText }),
          { maxKeys: 3 },
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['title', 'date', 'sources'] },
  ),
});

describe('events packed for the page', () => {
  it('arrive equal to what validation made, in any slicing (500 generated datasets)', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (features, sliceSize) => {
          const { events } = validateFeatureCollection({ type: 'FeatureCollection', features });
          expect(roundTrip(events, sliceSize)).toEqual(events);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('carry the bundled dataset across unchanged', () => {
    const json: unknown = JSON.parse(readFileSync('data/events.geojson', 'utf8'));
    const { events } = validateFeatureCollection(json);
    expect(events.length).toBeGreaterThan(5);
    expect(roundTrip(events, 2)).toEqual(events);
  });

  it('keep −0, the poles and the antimeridian exactly', () => {
    const features = [
      [-0, -0],
      [180, 90],
      [-180, -90],
      [126.97796919, 37.56653500000001],
    ].map((coordinates, index) => ({
      type: 'Feature',
      id: `p${index}`,
      geometry: { type: 'Point', coordinates },
      properties: { title: 'T', date: '2024', sources: [{ publisher: 'P' }] },
    }));
    const { events } = validateFeatureCollection({ type: 'FeatureCollection', features });
    const received = roundTrip(events, 3);
    expect(received.map((event) => [event.longitude, event.latitude])).toEqual(
      events.map((event) => [event.longitude, event.latitude]),
    );
    expect(Object.is(received.find((event) => event.id === 'p0')?.longitude, -0)).toBe(true);
  });

  it('send a date once and share it among the events on that date', () => {
    const features = Array.from({ length: 6 }, (_, index) => ({
      type: 'Feature',
      id: `e${index}`,
      geometry: { type: 'Point', coordinates: [index, index] },
      properties: {
        title: `Event ${index}`,
        date: index < 3 ? '2024-06-19' : '2024-06',
        sources: [{ publisher: 'Wire', published: '2024-06-19' }],
      },
    }));
    const { events } = validateFeatureCollection({ type: 'FeatureCollection', features });
    const packer = new EventPacker();
    const first = packer.pack(events.slice(0, 3));
    const second = packer.pack(events.slice(3));
    // The second slice refers to the first one's date instead of sending it again.
    expect(second.numbers.length).toBeLessThan(first.numbers.length);
    const unpacker = new EventUnpacker();
    const received: DatasetEvent[] = [];
    unpacker.unpack(first, received);
    unpacker.unpack(second, received);
    expect(received).toEqual(events);
    const june19 = received.filter((event) => event.date.edtf === '2024-06-19');
    expect(june19).toHaveLength(3);
    expect(june19[0]?.date).toBe(june19[2]?.date);
    expect(june19[0]?.sources[0]?.published).toBe(june19[0]?.date);
  });
});
