import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import world from 'world-atlas/countries-50m.json';
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { parseEdtf } from '../src/data/model/edtf.ts';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { categoryPalette } from '../src/data/model/categories.ts';
import {
  ENGLISH_SHELL_WORDS,
  eventText,
  koreanEventDate,
  koreanShellHtml,
} from './site-languages.ts';
import { eventCardText, eventPageHtml, oembedJson } from './prerender-events.ts';
import { cardTextLines, socialCardSvg, TEXT_LEFT, TEXT_ROOM } from './social-card.ts';
import { cardFonts, subsetCardFonts, type SubsetFonts } from './card-fonts.ts';
import { textDirection } from './card-text.ts';

const FIXTURE = 'e2e/fixtures/languages/translated-events.geojson';
const fixtureText = readFileSync(FIXTURE, 'utf8');
const rawFeatures = (JSON.parse(fixtureText) as { features: unknown[] }).features;
const dataset = parseDatasetText(fixtureText);
const palette = categoryPalette(dataset.events.map((event) => event.category));

function fixtureEvent(id: string) {
  const event = dataset.events.find((candidate) => candidate.id === id);
  if (!event) throw new Error(`no event ${id} in ${FIXTURE}`);
  return event;
}
const summit = fixtureEvent('pyongyang-summit-defense-pact');
const derna = fixtureEvent('derna-floods-death-toll');
const SUMMIT_KO = '푸틴과 김정은, 평양 정상회담에서 상호 방위 조약 체결';
const DERNA = 'ارتفاع عدد قتلى فيضانات درنة في ليبيا إلى أكثر من 5000';

function date(edtf: string) {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.date;
}

function meta(html: string, attribute: 'property' | 'name', key: string): string[] {
  return [...html.matchAll(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`, 'g'))].map(
    ([, content]) => content ?? '',
  );
}

describe('Korean dates', () => {
  it('give a date at its own precision, as Korean readers write it', () => {
    expect(koreanEventDate(date('2024-10-08'))).toBe('2024년 10월 8일');
    expect(koreanEventDate(date('2024-06'))).toBe('2024년 6월');
    expect(koreanEventDate(date('2024'))).toBe('2024년');
    expect(koreanEventDate(date('2024-09~'))).toBe('2024년 9월경');
    expect(koreanEventDate(date('2024-10-03/2024-10-04'))).toMatch(/^2024년 10월 3일\s*~\s*4일$/);
    expect(koreanEventDate(date('2024-06/2024-08'))).toMatch(/^2024년 6월\s*~\s*8월$/);
  });
});

describe('an event’s text in a language', () => {
  it('takes the fields of translations.ko from the file, and the event’s own where one is missing', () => {
    expect(eventText(summit, 'ko', rawFeatures)).toEqual({
      title: SUMMIT_KO,
      summary: expect.stringContaining('상호 방위 조약') as string,
      place: '북한 평양',
    });
    expect(eventText(summit, 'en', rawFeatures).title).toBe(summit.title);
    // An event without translations, and a translation with an empty title.
    expect(eventText(derna, 'ko', rawFeatures).title).toBe(DERNA);
    const partly = { ...summit, translations: { ko: { title: ' ', place: '평양' } } };
    expect(eventText(partly, 'ko')).toEqual({
      title: summit.title,
      summary: summit.summary,
      place: '평양',
    });
  });
});

describe('the Korean pages', () => {
  const indexHtml = readFileSync('index.html', 'utf8');
  const site = { site: 'https://example.org', base: '/news/', siteName: 'Dateline' };

  it('paint the explorer’s static shell in Korean', () => {
    const html = koreanShellHtml(indexHtml, false);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>Dateline — 언제, 어디서 일어났나</title>');
    expect(html).toContain('데이터셋 불러오는 중…');
    expect(html).toContain('placeholder="사건 검색"');
    for (const english of ENGLISH_SHELL_WORDS) expect(html).not.toContain(english);
    // A site named after its dataset keeps its own title.
    expect(koreanShellHtml(indexHtml, true)).toContain(
      '<title>Dateline — where and when it happened</title>',
    );
  });

  it('give an event page its Korean title and description, ko_KR, and both languages’ addresses', () => {
    const html = eventPageHtml(koreanShellHtml(indexHtml, false), summit, 'Data', site, {
      language: 'ko',
      rawFeatures,
    });
    expect(html).toContain(`<title>${SUMMIT_KO} — Dateline</title>`);
    expect(meta(html, 'property', 'og:title')).toEqual([SUMMIT_KO]);
    expect(meta(html, 'name', 'description')[0]).toMatch(/^2024년 6월, 북한 평양\. 블라디미르/);
    expect(meta(html, 'property', 'og:locale')).toEqual(['ko_KR']);
    expect(meta(html, 'property', 'og:locale:alternate')).toEqual(['en_US']);
    const page = 'https://example.org/news/ko/events/pyongyang-summit-defense-pact';
    expect(html).toContain(`<link rel="canonical" href="${page}" />`);
    expect(meta(html, 'property', 'og:image')).toEqual([`${page}/card.png`]);
    expect(html).toContain(`<link rel="alternate" hreflang="ko" href="${page}" />`);
    expect(html).toContain(
      '<link rel="alternate" hreflang="en" href="https://example.org/news/events/pyongyang-summit-defense-pact" />',
    );
    expect(html).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://example.org/news/events/pyongyang-summit-defense-pact" />',
    );
    const answer = JSON.parse(oembedJson(summit, site, { language: 'ko', rawFeatures })) as {
      title: string;
      html: string;
    };
    expect(answer.title).toBe(SUMMIT_KO);
    expect(answer.html).toContain(`${page}?embed=1`);
  });

  it('leave the English page in English, naming the Korean one', () => {
    const html = eventPageHtml(indexHtml, summit, 'Data', site, { rawFeatures });
    expect(meta(html, 'property', 'og:title')).toEqual([summit.title]);
    expect(meta(html, 'property', 'og:locale')).toEqual(['en_US']);
    expect(meta(html, 'property', 'og:locale:alternate')).toEqual(['ko_KR']);
    expect(meta(html, 'name', 'description')[0]).toMatch(/^June 2024, Pyongyang/);
    expect(html).toContain(
      '<link rel="canonical" href="https://example.org/news/events/pyongyang-summit-defense-pact" />',
    );
    expect(html).toContain(
      '<link rel="alternate" hreflang="ko" href="https://example.org/news/ko/events/pyongyang-summit-defense-pact" />',
    );
  });
});

describe('the cards in Korean and in Arabic', () => {
  const basemap = buildBasemap(world as unknown as Parameters<typeof buildBasemap>[0]);
  const cards = dataset.events.flatMap((event) =>
    (['en', 'ko'] as const).map((language) => ({
      event,
      options: {
        palette,
        language,
        text: eventCardText(event, palette, { language, rawFeatures }),
      },
    })),
  );
  let subset: SubsetFonts;
  beforeAll(async () => {
    const text = cards
      .flatMap(({ event, options }) => cardTextLines(event, 'Data', options))
      .map((line) => line.text)
      .join('');
    subset = await subsetCardFonts(text);
  }, 60_000);
  afterAll(() => subset.remove());

  it('say the Korean date and title on the Korean card', () => {
    const lines = cardTextLines(summit, 'Data', {
      palette,
      text: eventCardText(summit, palette, { language: 'ko', rawFeatures }),
    });
    expect(lines.map((line) => line.text).join(' ')).toContain('푸틴과 김정은');
    expect(lines.some((line) => /^2024년 6월 +· +/.test(line.text))).toBe(true);
  });

  it('have a glyph in the subset font for every character of every line, in the font it is drawn in', () => {
    for (const { event, options } of cards) {
      for (const line of cardTextLines(event, 'Data', options)) {
        expect(subset.fonts.covers(line.weight, line.text), line.text).toBe(true);
        for (const run of subset.fonts.runs(line.weight, line.text, line.direction)) {
          const file = subset.fileOf(run.family, line.weight);
          if (file === null) throw new Error(`${run.family} is not among the card's fonts`);
          const font = fontkit.openSync(file) as fontkit.Font;
          for (const character of run.text.replace(/\s/gu, ''))
            expect(
              font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0),
              `${character} in ${run.family}`,
            ).toBe(true);
        }
      }
    }
  });

  it('set an Arabic title right to left, against the right edge, in Noto Sans Arabic', () => {
    expect(textDirection(DERNA)).toBe('rtl');
    expect(textDirection('5000')).toBe('ltr');
    const fonts = cardFonts();
    const title = cardTextLines(derna, 'Data', { palette, fonts }).filter(
      (line) => line.fill === '#ffffff' && line.weight === 700 && line.x === TEXT_LEFT,
    );
    expect(title.length).toBeGreaterThan(1);
    // Every line of it, even one of digits alone ("5000"), is read right to left in one run.
    for (const line of title) {
      expect(line.direction).toBe('rtl');
      expect(fonts.runs(700, line.text, 'rtl').map((run) => run.family)).toEqual([
        'Noto Sans Arabic',
      ]);
    }
    const svg = socialCardSvg(derna, basemap, 'Data', { palette, fonts });
    const first = title[0];
    if (!first) throw new Error('no title');
    const width = fonts.measure(700, first.size, 'rtl')(first.text);
    const x = (TEXT_LEFT + TEXT_ROOM - width).toFixed(1);
    expect(svg).toContain(
      `<text x="${x}" y="${first.y}" font-family="'Noto Sans Arabic'" font-weight="700"`,
    );
    expect(svg).toContain(`>\u202B${first.text}\u202C</text>`);
  });

  it('order a right-to-left line that starts with a Latin name right to left, measured as shaped', () => {
    const fonts = cardFonts();
    const measure = fonts.measure(700, 46, 'rtl');
    const mixed = 'Hwasong-18 قرب سينبو،';
    // Shaped as Arabic (joined letters) though its first letter is Latin.
    expect(
      Math.abs(measure(mixed) - (measure('Hwasong-18') + measure(' ') + measure('قرب سينبو،'))),
    ).toBeLessThan(2);
    const [event] = parseDatasetText(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            ...(rawFeatures[2] as object),
            properties: {
              ...(rawFeatures[2] as { properties: object }).properties,
              title: 'كوريا الشمالية تطلق صاروخ Hwasong-18 قرب سينبو، بحسب سيول',
            },
          },
        ],
      }),
    ).events;
    if (!event) throw new Error('no event');
    const svg = socialCardSvg(event, basemap, 'Data', { palette, fonts });
    // resvg lays every <text> out left to right: each right-to-left run is embedded (RLE … PDF).
    expect(svg).toContain('>\u202BHwasong-18 قرب سينبو،\u202C</text>');
  });
});
