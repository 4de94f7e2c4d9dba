import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakPieces, ELLIPSIS, wrapByWidth, type Measure } from './card-text.ts';
import { cardFonts } from './card-fonts.ts';
import { TEXT_ROOM, TITLE_MAX_LINES } from './social-card.ts';

const titleWidth = cardFonts().measure(700, 46);
const withoutSpaces = (text: string) => text.replace(/\s/gu, '');

/** What every wrap must satisfy, whatever the text and the font. */
function expectWrapped(text: string, measure: Measure, room: number, maxLines: number) {
  const { lines, cut } = wrapByWidth(text, measure, room, maxLines);
  expect(lines.length).toBeLessThanOrEqual(maxLines);
  for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(room);
  expect(lines[lines.length - 1]?.endsWith(ELLIPSIS) ?? false).toBe(cut);
  // Nothing is lost or reordered: the lines read as the start of the text (all of it when not cut).
  const shown = withoutSpaces(lines.join('')).replace(new RegExp(`${ELLIPSIS}$`, 'u'), '');
  if (cut) expect(withoutSpaces(text).startsWith(shown)).toBe(true);
  else expect(shown).toBe(withoutSpaces(text));
  return { lines, cut };
}

describe('wrapping card text by its measured width', () => {
  it('wraps a long English title between words, three lines at most, then "…"', () => {
    const { lines, cut } = expectWrapped(
      'An absurdly long English headline about the extraordinarily protracted negotiations concerning the internationalization of the demilitarized zone',
      titleWidth,
      TEXT_ROOM,
      TITLE_MAX_LINES,
    );
    expect(cut).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('An absurdly long');
  });

  it('keeps a title that fits whole, with no "…"', () => {
    const { lines, cut } = expectWrapped(
      'North Korea tests cruise missiles',
      titleWidth,
      TEXT_ROOM,
      3,
    );
    expect(cut).toBe(false);
    expect(lines).toEqual(['North Korea tests', 'cruise missiles']);
  });

  it('wraps Korean between words, each full line as long as whole words allow', () => {
    const title =
      '북한군, 도네츠크 인근서 사망… 신포 잠수함 기지 활동 포착 위성사진으로 확인된 새로운 움직임과 건조 중인 잠수함';
    const { lines, cut } = expectWrapped(title, titleWidth, TEXT_ROOM, TITLE_MAX_LINES);
    expect(cut).toBe(true);
    const words = title.split(' ');
    let next = 0;
    for (const line of lines.slice(0, -1)) {
      // Whole words, in order…
      const lineWords = line.split(' ');
      expect(lineWords).toEqual(words.slice(next, next + lineWords.length));
      next += lineWords.length;
      // …and the next word would not have fitted.
      expect(titleWidth(`${line} ${words[next] ?? ''}`)).toBeGreaterThan(TEXT_ROOM);
    }
  });

  it('wraps a mixed Korean and English title', () => {
    expectWrapped(
      'Yonhap: 북한, 신포 잠수함 기지에서 SLBM 시험 발사 준비 정황 포착 — satellite imagery shows new activity',
      titleWidth,
      TEXT_ROOM,
      TITLE_MAX_LINES,
    );
  });

  it('breaks a word longer than a line between its letters', () => {
    const { lines, cut } = expectWrapped(
      'Supercalifragilisticexpialidociouslylongunbreakablewordthatnevereverends',
      titleWidth,
      TEXT_ROOM,
      TITLE_MAX_LINES,
    );
    expect(cut).toBe(true);
    expect(lines[0]?.startsWith('Supercalifragilistic')).toBe(true);
  });

  it('breaks Korean between words, never inside one, and keeps punctuation with its word', () => {
    expect(breakPieces('사망… 신포, 잠수함')).toEqual(['사망… ', '신포, ', '잠수함']);
    expect(breakPieces('북한 SLBM-3 발사')).toEqual(['북한 ', 'SLBM-3 ', '발사']);
  });

  it('holds for any text, room and number of lines (property)', () => {
    // Hangul twice as wide as Latin, as in the card's fonts.
    const measure: Measure = (text) =>
      Array.from(text).reduce(
        (width, character) => width + (/[가-힣]/u.test(character) ? 2 : 1),
        0,
      );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'bb', 'Sinpo', ' ', '북', '한', ',', 'x'.repeat(30)), {
          maxLength: 40,
        }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (parts, room, maxLines) => {
          expectWrapped(parts.join(''), measure, room, maxLines);
        },
      ),
    );
  });
});
