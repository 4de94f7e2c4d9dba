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

type Rgb = [number, number, number];

/** The colour's channels in linear light, 0–1. */
function linearRgb(hex: string): Rgb {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return [r, g, b];
}

function luminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * How a colour looks to a reader without one kind of cone (Machado, Oliveira and Fernandes 2009,
 * severity 1), as a matrix on linear RGB.
 */
const VISIONS = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
} satisfies Record<string, [Rgb, Rgb, Rgb]>;

/** CIELAB (D65) of the colour as a reader with that vision sees it. */
function labSeenAs(hex: string, vision: [Rgb, Rgb, Rgb]): Rgb {
  const linear = linearRgb(hex);
  const [r, g, b] = vision.map((row) =>
    Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])),
  ) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference between two colours, as a reader with that vision sees them. */
function differenceSeenAs(a: string, b: string, vision: [Rgb, Rgb, Rgb]): number {
  const [labA, labB] = [labSeenAs(a, vision), labSeenAs(b, vision)];
  return Math.hypot(labA[0] - labB[0], labA[1] - labB[1], labA[2] - labB[2]);
}

/**
 * CIEDE2000 (Sharma, Wu and Dalal 2005): closer than CIE76 to what typical vision sees, which
 * overrates differences among blues and dark colours.
 */
function ciede2000([l1, a1, b1]: Rgb, [l2, a2, b2]: Rgb): number {
  const degrees = Math.PI / 180;
  const chromaMean = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(chromaMean ** 7 / (chromaMean ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number) =>
    a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / degrees + 360) % 360;
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let hueStep = 0;
  if (c1 * c2 !== 0) {
    hueStep = h2 - h1;
    if (hueStep > 180) hueStep -= 360;
    else if (hueStep < -180) hueStep += 360;
  }
  const deltaH = 2 * Math.sqrt(c1 * c2) * Math.sin((hueStep * degrees) / 2);
  const [lMean, cMean] = [(l1 + l2) / 2, (c1 + c2) / 2];
  let hMean = h1 + h2;
  if (c1 * c2 !== 0) hMean = Math.abs(h1 - h2) > 180 ? (h1 + h2 + 360) / 2 : (h1 + h2) / 2;
  hMean %= 360;
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * degrees) +
    0.24 * Math.cos(2 * hMean * degrees) +
    0.32 * Math.cos((3 * hMean + 6) * degrees) -
    0.2 * Math.cos((4 * hMean - 63) * degrees);
  const rotation = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cMean ** 7 / (cMean ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sC = 1 + 0.045 * cMean;
  const sH = 1 + 0.015 * cMean * t;
  const rT = -Math.sin(2 * rotation * degrees) * rC;
  const [dL, dC, dH] = [(l2 - l1) / sL, (c2 - c1) / sC, deltaH / sH];
  return Math.sqrt(dL ** 2 + dC ** 2 + dH ** 2 + rT * dC * dH);
}

/** The closest two colours of a set, for each vision, with their difference. */
function closestPairs(colours: Record<string, string>): string[] {
  return Object.entries(VISIONS).map(([name, vision]) => {
    let closest = { difference: Infinity, pair: '' };
    const entries = Object.entries(colours);
    entries.forEach(([slotA, colourA], index) => {
      for (const [slotB, colourB] of entries.slice(index + 1)) {
        const difference = differenceSeenAs(colourA, colourB, vision);
        if (difference < closest.difference) closest = { difference, pair: `${slotA}/${slotB}` };
      }
    });
    return `${name}: ${closest.pair} ${closest.difference.toFixed(1)}`;
  });
}

/** The smallest difference a reader can rely on between two small markers side by side. */
const APART = 15;
/** The same for typical vision, in CIEDE2000. */
const APART_TYPICAL = 20;

describe('category colours, as every reader sees them', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps every two categories apart in the ${theme} theme, with or without colour blindness`, () => {
      const categories = Object.fromEntries(
        Object.entries(SLOT_COLOURS)
          .filter(([slot]) => slot.startsWith('category-'))
          .map(([slot, colours]) => [slot, colours[theme]]),
      );
      expect(Object.keys(categories)).toHaveLength(7);
      const tooClose = closestPairs(categories).filter(
        (line) => Number(line.split(' ').at(-1)) < APART,
      );
      expect(tooClose).toEqual([]);
      // For typical vision also by CIEDE2000, which does not overrate dark blues and greys.
      const entries = Object.entries(categories);
      const nearTypical = entries.flatMap(([slotA, colourA], index) =>
        entries.slice(index + 1).flatMap(([slotB, colourB]) => {
          const difference = ciede2000(
            labSeenAs(colourA, VISIONS.typical),
            labSeenAs(colourB, VISIONS.typical),
          );
          return difference < APART_TYPICAL ? [`${slotA}/${slotB} ${difference.toFixed(1)}`] : [];
        }),
      );
      expect(nearTypical).toEqual([]);
    });

    it(`keeps every two steps of the graded palette apart in the ${theme} theme, each darker than the last`, () => {
      const grades = Object.entries(SLOT_COLOURS)
        .filter(([slot]) => slot.startsWith('grade-'))
        .map(([slot, colours]) => [slot, colours[theme]] as const);
      expect(grades).toHaveLength(5);
      const tooClose = closestPairs(Object.fromEntries(grades)).filter(
        (line) => Number(line.split(' ').at(-1)) < APART,
      );
      expect(tooClose).toEqual([]);
      // A scale read without its hues is read by lightness: it must rise in one direction.
      const lightness = grades.map(([, colour]) => labSeenAs(colour, VISIONS.typical)[0]);
      const steps = lightness.slice(1).map((value, index) => (lightness[index] ?? 0) - value);
      expect(steps.filter((step) => step < 4)).toEqual([]);
    });
  }

  it('sees the pairs that the colour-blind readers of an earlier palette could not tell apart', () => {
    // The light theme's vermillion and ochre of 2026-12-06, both near one lightness: distinct for
    // typical vision, one colour without red cones. Likewise that dark theme's pink and grey
    // without green cones. Blue and yellow stay apart for both.
    expect(differenceSeenAs('#b34d05', '#7a5c00', VISIONS.typical)).toBeGreaterThan(25);
    expect(differenceSeenAs('#b34d05', '#7a5c00', VISIONS.protanopia)).toBeLessThan(2);
    expect(differenceSeenAs('#d584b0', '#9aa3ad', VISIONS.typical)).toBeGreaterThan(25);
    expect(differenceSeenAs('#d584b0', '#9aa3ad', VISIONS.deuteranopia)).toBeLessThan(2);
    expect(differenceSeenAs('#1f4fd1', '#d1b01f', VISIONS.deuteranopia)).toBeGreaterThan(40);
    expect(differenceSeenAs('#777777', '#777777', VISIONS.tritanopia)).toBe(0);
  });
});

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

  it('measures colour difference as CIEDE2000 does', () => {
    // Pairs 1 and 17 of Sharma, Wu and Dalal's test data.
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
