import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOT_COLOURS } from '../../data/model/palette-colours.ts';
import { BASEMAP_COLOURS } from './basemap-colours.ts';

const tokens = readFileSync(new URL('../../styles/tokens.css', import.meta.url), 'utf8');
const [lightTokens = '', darkTokens = ''] = tokens.split('@media (prefers-color-scheme: dark)');

function token(block: string, name: string): string {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(block)?.[1];
  if (!value) throw new Error(`--${name} is not set in this theme`);
  return value.toLowerCase();
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('marker colours against the basemap', () => {
  const themes = [
    { theme: 'light', block: lightTokens, land: BASEMAP_COLOURS.light.land },
    { theme: 'dark', block: darkTokens, land: BASEMAP_COLOURS.dark.land },
  ] as const;

  for (const { theme, block, land } of themes) {
    it(`keeps at least 3:1 against land and water in the ${theme} theme`, () => {
      const water = token(block, 'map-water');
      const failing = Object.entries(SLOT_COLOURS).flatMap(([slot, colours]) => {
        const colour = colours[theme];
        return [land, water]
          .filter((background) => contrast(colour, background) < 3)
          .map(
            (background) =>
              `${slot} ${colour} on ${background}: ${contrast(colour, background).toFixed(2)}`,
          );
      });
      expect(failing).toEqual([]);
    });

    it(`defines the same colours in tokens.css for the ${theme} theme`, () => {
      for (const [slot, colours] of Object.entries(SLOT_COLOURS)) {
        expect(token(block, slot), slot).toBe(colours[theme]);
      }
    });
  }

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
