/**
 * The fonts the social card is drawn in, from the project's own dependencies, never the build
 * machine's: Inter for Latin text (as on the page) and Noto Sans KR for Hangul, which Inter lacks.
 * Text is measured in the full fonts (for line breaks), and drawn in fonts subset to the characters
 * the cards use, so rendering stays quick and every machine draws the same card.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import type { Measure } from './card-text.ts';

const require = createRequire(import.meta.url);

export type CardWeight = 400 | 700;

/** The families, first to last: a character takes the first that has a glyph for it. */
export const CARD_FONT_FAMILIES = ['Inter', 'Noto Sans KR'] as const;

const FONT_FILES: Record<(typeof CARD_FONT_FAMILIES)[number], Record<CardWeight, string>> = {
  Inter: {
    400: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    700: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  },
  'Noto Sans KR': {
    400: require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    700: require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
  },
};

function openFont(buffer: Buffer): fontkit.Font {
  const font = fontkit.create(buffer);
  if (!('unitsPerEm' in font))
    throw new Error('a font collection where a single font was expected');
  return font;
}

/** Measures text as resvg draws it: each character in the first family that has it. */
export interface CardFonts {
  measure(weight: CardWeight, size: number): Measure;
  /** Whether some family of this weight has a glyph for every character of `text`. */
  covers(weight: CardWeight, text: string): boolean;
}

function fontsOf(buffers: Buffer[][]): CardFonts {
  const families = buffers.map(([regular, bold]) => ({
    400: openFont(regular ?? Buffer.alloc(0)),
    700: openFont(bold ?? Buffer.alloc(0)),
  }));
  const fontFor = (weight: CardWeight, codePoint: number) =>
    families.find((family) => family[weight].hasGlyphForCodePoint(codePoint))?.[weight];
  return {
    measure: (weight, size) => (text) => {
      // Runs of characters in one font, shaped together so kerning counts as it does in resvg.
      let width = 0;
      let run = '';
      let runFont: fontkit.Font | undefined;
      const flush = () => {
        const font = runFont ?? families[0]?.[weight];
        if (run && font) width += (font.layout(run).advanceWidth / font.unitsPerEm) * size;
        run = '';
      };
      for (const character of text) {
        const font = fontFor(weight, character.codePointAt(0) ?? 0) ?? families[0]?.[weight];
        if (font !== runFont) flush();
        runFont = font;
        run += character;
      }
      flush();
      return width;
    },
    covers: (weight, text) =>
      Array.from(text).every(
        (character) => /\s/u.test(character) || fontFor(weight, character.codePointAt(0) ?? 0),
      ),
  };
}

function readFonts(): Buffer[][] {
  return CARD_FONT_FAMILIES.map((family) => [
    readFileSync(FONT_FILES[family][400]),
    readFileSync(FONT_FILES[family][700]),
  ]);
}

let fullFonts: CardFonts | null = null;

/** The full fonts, for measuring: opened once. */
export function cardFonts(): CardFonts {
  fullFonts ??= fontsOf(readFonts());
  return fullFonts;
}

/** The fonts resvg draws with, subset to `text`'s characters, as files in a fresh folder. */
export interface SubsetFonts {
  files: string[];
  fonts: CardFonts;
}

export async function subsetCardFonts(text: string): Promise<SubsetFonts> {
  const characters = [...new Set(Array.from(text))].join('');
  const subsets = await Promise.all(
    readFonts().map((family) =>
      Promise.all(
        family.map((buffer) => subsetFont(buffer, characters, { targetFormat: 'truetype' })),
      ),
    ),
  );
  const folder = await mkdtemp(join(tmpdir(), 'dateline-card-fonts-'));
  const files: string[] = [];
  for (const [familyIndex, family] of subsets.entries()) {
    for (const [weightIndex, buffer] of family.entries()) {
      const file = join(folder, `font-${familyIndex}-${weightIndex}.ttf`);
      await writeFile(file, buffer);
      files.push(file);
    }
  }
  return { files, fonts: fontsOf(subsets) };
}
