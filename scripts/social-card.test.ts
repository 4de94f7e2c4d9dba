import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json';
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { validateFeatureCollection } from '../src/data/model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { escapeXml, socialCardSvg, wrapText } from './social-card.ts';
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

  it('wraps long titles and cuts them with an ellipsis', () => {
    expect(
      wrapText('North Korea tests cruise missiles fired from near the Sinpo submarine base', 24, 4),
    ).toEqual(['North Korea tests cruise', 'missiles fired from near', 'the Sinpo submarine base']);
    const cut = wrapText('one two three four five six seven eight nine ten eleven twelve', 10, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(wrapText('Supercalifragilisticexpialidocious', 10, 2)).toEqual(['Supercali…']);
  });

  it('uses the dataset’s own label and colour for the category', () => {
    if (!hostile) throw new Error('no event');
    const palette = categoryPalette([hostile.category], null, {
      [hostile.category]: { label: 'Launches', colour: '#cc5500' },
    });
    const svg = socialCardSvg(hostile, basemap, 'Dataset', palette);
    expect(svg).toContain('Launches');
    expect(svg).toContain('r="22" fill="#cc5500"');
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
