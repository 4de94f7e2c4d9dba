import { describe, expect, it } from 'vitest';
import { readPlaceNames, tileKey } from './place-names-data.ts';
import { toWorld } from './outline-data.ts';

describe('reading a place-name file', () => {
  it('reads countries and places, in world coordinates, capitals marked', () => {
    const names = readPlaceNames(
      {
        format: 1,
        countries: [['Ukraine', 32.368, 49.434, 3]],
        places: [
          ['Kyiv', 30.524, 50.455, 11_200_000, 1],
          ['Donetsk', 37.802, 48.023, 1_020_000],
        ],
      },
      toWorld,
    );
    expect(names.map(({ text, kind, rank, capital }) => [text, kind, rank, capital])).toEqual([
      ['Ukraine', 'country', 3, false],
      ['Kyiv', 'place', 11_200_000, true],
      ['Donetsk', 'place', 1_020_000, false],
    ]);
    const [x, y] = toWorld(37.802, 48.023);
    expect(names[2]?.x).toBe(x);
    expect(names[2]?.y).toBe(y);
  });

  it('refuses a file of another format, or with a broken row, rather than drawing garbage', () => {
    expect(() => readPlaceNames({ format: 2, countries: [], places: [] }, toWorld)).toThrow(
      'Not a place-name file',
    );
    expect(() => readPlaceNames(null, toWorld)).toThrow('Not a place-name file');
    expect(() =>
      readPlaceNames({ format: 1, countries: [], places: [['Kyiv', '30.5', 50.4, 1]] }, toWorld),
    ).toThrow('malformed row');
    expect(() =>
      readPlaceNames({ format: 1, countries: [], places: [['Kyiv', 30.5, 50.4]] }, toWorld),
    ).toThrow('malformed row');
  });

  it('keys tiles by column and row, keeping points on or past the edge in the grid', () => {
    expect(tileKey(0, 0, 8)).toBe('0-0');
    expect(tileKey(0.99, 0.5, 8)).toBe('7-4');
    expect(tileKey(1, 1, 8)).toBe('7-7');
    expect(tileKey(1.02, -0.01, 8)).toBe('7-0');
  });
});
