import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json';
import { buildBasemap, mendLines, unwrapLongitudes } from './basemap-shapes.ts';

type WorldTopology = Parameters<typeof buildBasemap>[0];
const basemap = buildBasemap(world as unknown as WorldTopology);

function largestStep(line: number[][]): number {
  let largest = 0;
  for (let index = 1; index < line.length; index += 1) {
    largest = Math.max(largest, Math.abs((line[index]?.[0] ?? 0) - (line[index - 1]?.[0] ?? 0)));
  }
  return largest;
}

describe('the offline basemap', () => {
  it('unwraps a ring that crosses the antimeridian instead of drawing it across the world', () => {
    const chukotka = [
      [178, 65],
      [180, 66],
      [-178, 66],
      [-175, 65],
      [178, 65],
    ];
    expect(unwrapLongitudes(chukotka)).toEqual([
      [178, 65],
      [180, 66],
      [182, 66],
      [185, 65],
      [178, 65],
    ]);
  });

  it('has no land ring or border line that jumps across the world (Russia, Fiji)', () => {
    const jumps: number[] = [];
    for (const polygon of basemap.land.geometry.coordinates) {
      for (const ring of polygon) {
        if (Math.min(...ring.map(([, lat = 0]) => lat)) < -60) continue; // Antarctica wraps the pole by design
        if (largestStep(ring) >= 180) jumps.push(largestStep(ring));
      }
    }
    for (const line of basemap.borders.geometry.coordinates) {
      if (largestStep(line) >= 180) jumps.push(largestStep(line));
    }
    expect(jumps).toEqual([]);
  });

  it('draws no border along the South Pole or down the antimeridian', () => {
    const artefacts: string[] = [];
    for (const line of basemap.borders.geometry.coordinates) {
      for (let index = 1; index < line.length; index += 1) {
        const [aLon = 0, aLat = 0] = line[index - 1] ?? [];
        const [bLon = 0, bLat = 0] = line[index] ?? [];
        if (aLat <= -89.9 && bLat <= -89.9) artefacts.push(`along the pole at ${aLon}`);
        // A segment of real length running down ±180° is the cut, not a coast.
        const onCut =
          Math.abs(Math.abs(aLon) - 180) < 0.01 &&
          Math.abs(Math.abs(bLon) - 180) < 0.01 &&
          Math.abs(aLat - bLat) > 1e-9;
        if (onCut) artefacts.push(`down the antimeridian at ${aLat}…${bLat}`);
      }
    }
    expect(artefacts).toEqual([]);
  });

  it('keeps the coast near the antimeridian: a mended line is split, not lost', () => {
    const line = [
      [179, 0],
      [180, 1],
      [180, 2],
      [179, 3],
    ];
    expect(mendLines([line])).toEqual([
      [
        [179, 0],
        [180, 1],
      ],
      [
        [180, 2],
        [179, 3],
      ],
    ]);
  });
});
