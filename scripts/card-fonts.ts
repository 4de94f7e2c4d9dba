/**
 * The fonts the social card is drawn in, from the project's own dependencies, never the build
 * machine's: Inter for Latin text (as on the page), Noto Sans KR for Hangul and Noto Sans Arabic for
 * Arabic, which Inter lacks. A line read right to left takes Noto Sans Arabic first, digits and
 * Latin included, so that it is one run that resvg shapes and orders as a whole.
 * Text is measured in the full fonts (for line breaks), and drawn in fonts subset to the characters
 * the cards use, so rendering stays quick and every machine draws the same card.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { textDirection, type Direction, type Measure } from './card-text.ts';

const require = createRequire(import.meta.url);

export type CardWeight = 400 | 700;

/** The families, first to last: a character takes the first that has a glyph for it. */
export const CARD_FONT_FAMILIES = ['Inter', 'Noto Sans KR', 'Noto Sans Arabic'] as const;

/** The family a line read right to left looks in first. */
const RIGHT_TO_LEFT_FAMILY: CardFamily = 'Noto Sans Arabic';

const FONT_FILES: Record<(typeof CARD_FONT_FAMILIES)[number], Record<CardWeight, string>> = {
  Inter: {
    400: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    700: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  },
  'Noto Sans KR': {
    400: require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    700: require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
  },
  'Noto Sans Arabic': {
    400: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    700: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  },
};

function openFont(buffer: Buffer): fontkit.Font {
  const font = fontkit.create(buffer);
  if (!('unitsPerEm' in font))
    throw new Error('a font collection where a single font was expected');
  return font;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** A stretch of text drawn in one family. */
export interface FontRun {
  family: CardFamily;
  text: string;
}

type CardFamily = (typeof CARD_FONT_FAMILIES)[number];

/**
 * Measures text as the card draws it: each character in the first family that has a glyph for it.
 * The card names the family of every run itself (see textSvg in social-card.ts).
 */
export interface CardFonts {
  /**
   * The runs in logical order. `direction` is the paragraph's (textDirection of the whole title,
   * not of one of its lines): a right-to-left paragraph looks in Noto Sans Arabic first.
   */
  runs(weight: CardWeight, text: string, direction?: Direction): FontRun[];
  measure(weight: CardWeight, size: number, direction?: Direction): Measure;
  /** Whether some family of this weight has a glyph for every character of `text`. */
  covers(weight: CardWeight, text: string): boolean;
}

function fontsOf(buffers: Buffer[][]): CardFonts {
  const families = CARD_FONT_FAMILIES.map((family, index) => ({
    family,
    400: openFont(buffers[index]?.[0] ?? Buffer.alloc(0)),
    700: openFont(buffers[index]?.[1] ?? Buffer.alloc(0)),
  }));
  const rightToLeftFirst = [
    ...families.filter(({ family }) => family === RIGHT_TO_LEFT_FAMILY),
    ...families.filter(({ family }) => family !== RIGHT_TO_LEFT_FAMILY),
  ];
  const familyFor = (weight: CardWeight, character: string, order = families) =>
    order.find((family) => family[weight].hasGlyphForCodePoint(character.codePointAt(0) ?? 0));
  const runs = (
    weight: CardWeight,
    text: string,
    direction: Direction = textDirection(text),
  ): FontRun[] => {
    const found: FontRun[] = [];
    const order = direction === 'rtl' ? rightToLeftFirst : families;
    for (const character of text) {
      const previous = found[found.length - 1];
      // Spaces and characters no family has stay in the run they are in.
      const family = /\s/u.test(character)
        ? previous?.family
        : familyFor(weight, character, order)?.family;
      if (previous && (family === undefined || family === previous.family)) {
        previous.text += character;
      } else {
        found.push({ family: family ?? CARD_FONT_FAMILIES[0], text: character });
      }
    }
    return found;
  };
  return {
    runs,
    measure: (weight, size, direction) => (text) =>
      runs(weight, text, direction).reduce((width, run) => {
        // Shaped, so kerning counts as it does when resvg draws the run; but without contextual
        // alternates, which resvg does not apply and which widen Noto's spaces between Hangul.
        const font = families.find((family) => family.family === run.family)?.[weight];
        // fontkit shapes a run in the script of its first letter: a run of an Arabic line that
        // starts with a Latin name is shaped as Arabic all the same (joined letters are narrower).
        const script = ARABIC.test(run.text) ? 'arab' : undefined;
        const advance = font?.layout(run.text, { calt: false }, script).advanceWidth ?? 0;
        return font ? width + (advance / font.unitsPerEm) * size : width;
      }, 0),
    covers: (weight, text) =>
      Array.from(text).every(
        (character) => /\s/u.test(character) || familyFor(weight, character) !== undefined,
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
  /** The files resvg is given: only the families some character of the text is drawn in. */
  files: string[];
  /** The file of a family's weight, or null when no character of the text needs that family. */
  fileOf(family: CardFamily, weight: CardWeight): string | null;
  /** Their size together. */
  bytes: number;
  /** Deletes the files once the cards are drawn. */
  remove(): Promise<void>;
  fonts: CardFonts;
}

export async function subsetCardFonts(text: string): Promise<SubsetFonts> {
  const characters = [...new Set(Array.from(text))].join('');
  const full = cardFonts();
  // A family no character falls to (Noto Sans Arabic for cards without Arabic) is not handed to
  // resvg, which reads every font file for every card.
  const needed = new Set<CardFamily>(['Inter']);
  for (const weight of [400, 700] as const)
    for (const run of full.runs(weight, characters.replace(/\s/gu, ''), 'ltr'))
      needed.add(run.family);
  const subsets = await Promise.all(
    readFonts().map((family) =>
      Promise.all(
        family.map((buffer) => subsetFont(buffer, characters, { targetFormat: 'truetype' })),
      ),
    ),
  );
  const folder = await mkdtemp(join(tmpdir(), 'dateline-card-fonts-'));
  const files: string[] = [];
  const fileByFamily = new Map<string, string>();
  let bytes = 0;
  for (const [familyIndex, family] of subsets.entries()) {
    const name = CARD_FONT_FAMILIES[familyIndex];
    if (!name || !needed.has(name)) continue;
    for (const [weightIndex, buffer] of family.entries()) {
      const file = join(folder, `font-${familyIndex}-${weightIndex}.ttf`);
      await writeFile(file, buffer);
      files.push(file);
      fileByFamily.set(`${name} ${weightIndex === 0 ? 400 : 700}`, file);
      bytes += buffer.length;
    }
  }
  const remove = () => rm(folder, { recursive: true, force: true });
  return {
    files,
    fileOf: (family, weight) => fileByFamily.get(`${family} ${weight}`) ?? null,
    bytes,
    remove,
    fonts: fontsOf(subsets),
  };
}
