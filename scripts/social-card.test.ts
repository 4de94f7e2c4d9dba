import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import world from 'world-atlas/countries-50m.json';
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { validateFeatureCollection } from '../src/data/model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import {
  CARD_HEIGHT,
  cardTextLines,
  escapeXml,
  renderCard,
  socialCardSvg,
  TEXT_LEFT,
  TEXT_ROOM,
} from './social-card.ts';
import { subsetCardFonts, type SubsetFonts } from './card-fonts.ts';
import { eventPageHtml, oembedJson } from './prerender-events.ts';
import { categoryPalette } from '../src/data/model/categories.ts';

const basemap = buildBasemap(world as unknown as Parameters<typeof buildBasemap>[0]);
const [hostile] = validateFeatureCollection(
  makeFeatureCollection([
    makeFeature({
      id: 'hostile',
      coordinates: [128.183, 40.033],
      properties: {
        title: '<script>alert("x")</script> & "quotes"',
        place: 'Sinpo <b>',
        date: '2024-09~',
      },
    }),
  ]),
).events;

describe('the social card', () => {
  it('escapes event text, so no title can inject markup into the SVG or the page head', () => {
    if (!hostile) throw new Error('no event');
    expect(escapeXml('<a href="x">&\'</a>')).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#38;&#39;&#60;/a&#62;',
    );
    const svg = socialCardSvg(hostile, basemap, 'Test <dataset>');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&#60;script&#62;');
    const html = eventPageHtml(
      '<html><head><title>x</title><meta name="description" content="d" /></head></html>',
      hostile,
      'T',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(
      '<meta property="og:title" content="&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#34;quotes&#34;" />',
    );
  });

  it('draws the coast around the event and its date at the precision given', () => {
    if (!hostile) throw new Error('no event');
    const svg = socialCardSvg(hostile, basemap, 'Dataset');
    expect(svg).toMatch(/<path d="M[\d.,LZM-]{200,}" fill="#e4e0d6"/);
    expect(svg).toContain('c. Sept 2024');
    expect(svg).toMatch(/width="1200" height="630"/);
  });

  it('uses the dataset’s own label and colour for the category', () => {
    if (!hostile) throw new Error('no event');
    const palette = categoryPalette([hostile.category], null, {
      [hostile.category]: { label: 'Launches', colour: '#cc5500' },
    });
    const svg = socialCardSvg(hostile, basemap, 'Dataset', { palette });
    expect(svg).toContain('Launches');
    expect(svg).toContain('r="22" fill="#cc5500"');
  });
});

const require = createRequire(import.meta.url);
const INTER_ONLY = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];
const KOREAN_TITLE = '북한군, 도네츠크 인근서 사망… 신포 잠수함 기지 활동';
const ABSURD_TITLE = `${'An absurdly long English headline about the negotiations '.repeat(6)}Supercalifragilisticexpialidociouslylongunbreakablewordthatnevereverends`;

describe('the social card in Korean and with long titles', () => {
  if (!hostile) throw new Error('no event');
  const korean = { ...hostile, title: KOREAN_TITLE, place: '신포, 함경남도' };
  const absurd = { ...hostile, title: ABSURD_TITLE, place: ABSURD_TITLE };
  let subset: SubsetFonts;
  beforeAll(async () => {
    const text = [korean, absurd]
      .flatMap((event) => cardTextLines(event, 'Dataset').map((line) => line.text))
      .join('');
    subset = await subsetCardFonts(text);
  }, 60_000);
  afterAll(() => subset.remove());

  /** The title's rows of the left column, as RGBA bytes. */
  const titleArea = (pixels: Buffer, width: number) =>
    pixels.subarray(130 * width * 4, 300 * width * 4);

  it('has a glyph for every character of a Korean card in the subset fonts it is drawn in', () => {
    const lines = cardTextLines(korean, 'Dataset');
    // The title's lines break between its words, never inside one.
    const titleLines = lines
      .map((line) => line.text)
      .filter((text) => KOREAN_TITLE.includes(text.replace(/…$/u, '')));
    expect(titleLines.length).toBeGreaterThan(1);
    for (const line of titleLines) {
      const bare = line.replace(/…$/u, '');
      const start = KOREAN_TITLE.indexOf(bare);
      const end = start + bare.length;
      expect(start === 0 || KOREAN_TITLE[start - 1] === ' ', line).toBe(true);
      expect(
        end === KOREAN_TITLE.length || KOREAN_TITLE[end] === ' ' || KOREAN_TITLE[end] === '…',
        line,
      ).toBe(true);
    }
    for (const line of lines) expect(subset.fonts.covers(line.weight, line.text)).toBe(true);
  });

  it('draws the Korean title as it is drawn in the full fonts, not as missing-glyph boxes', () => {
    const svg = socialCardSvg(korean, basemap, 'Dataset');
    const drawn = renderCard(svg, subset.files);
    const full = renderCard(svg, [
      ...INTER_ONLY,
      require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
      require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
    ]);
    const withoutHangul = renderCard(svg, INTER_ONLY);
    expect(titleArea(drawn.pixels, drawn.width).equals(titleArea(full.pixels, full.width))).toBe(
      true,
    );
    expect(
      titleArea(drawn.pixels, drawn.width).equals(
        titleArea(withoutHangul.pixels, withoutHangul.width),
      ),
    ).toBe(false);
  }, 30_000);

  it('keeps an absurdly long title and place inside the text column, ending in "…"', () => {
    const lines = cardTextLines(absurd, 'Dataset');
    const title = lines.filter((line) => line.fill === '#ffffff' && line.x === TEXT_LEFT);
    expect(title).toHaveLength(3);
    expect(title[2]?.text.endsWith('…')).toBe(true);
    // No light text pixel between the column's right edge and the map.
    const { pixels, width } = renderCard(socialCardSvg(absurd, basemap, 'Dataset'), subset.files);
    const mapLeft = 620;
    let lightPixels = 0;
    for (let y = 0; y < CARD_HEIGHT; y += 1) {
      for (let x = TEXT_LEFT + TEXT_ROOM + 2; x < mapLeft; x += 1) {
        if ((pixels[(y * width + x) * 4] ?? 0) > 80) lightPixels += 1;
      }
    }
    expect(lightPixels).toBe(0);
    // And text does reach the column's edge, so the check looks where text would overflow.
    let nearEdge = 0;
    for (let y = 130; y < 300; y += 1) {
      for (let x = TEXT_LEFT + TEXT_ROOM - 60; x < TEXT_LEFT + TEXT_ROOM; x += 1) {
        if ((pixels[(y * width + x) * 4] ?? 0) > 80) nearEdge += 1;
      }
    }
    expect(nearEdge).toBeGreaterThan(0);
  });
});

describe('oEmbed', () => {
  const site = { site: 'https://news.example', base: '/map/', siteName: 'Harbour <log>' };

  it('answers with the event’s embed view in a frame, and its card', () => {
    if (!hostile) throw new Error('no event');
    const answer = JSON.parse(oembedJson(hostile, site)) as Record<string, unknown>;
    expect(answer).toMatchObject({
      type: 'rich',
      version: '1.0',
      provider_name: 'Harbour <log>',
      provider_url: 'https://news.example/map/',
      thumbnail_url: 'https://news.example/map/events/hostile/card.png',
    });
    const html = String(answer.html);
    expect(html).toContain('<iframe src="https://news.example/map/events/hostile?embed=1"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="&lt;script&gt;alert(&quot;x&quot;)');
  });

  it('is named in the event page’s head', () => {
    if (!hostile) throw new Error('no event');
    const html = eventPageHtml('<head><title>x</title></head>', hostile, 'T', site);
    expect(html).toContain(
      '<link rel="alternate" type="application/json+oembed" href="https://news.example/map/events/hostile/oembed.json" title="&#60;script&#62;',
    );
    expect(html).toContain(
      '<title>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#34;quotes&#34; — Harbour &#60;log&#62;</title>',
    );
  });
});
