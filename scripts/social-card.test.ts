import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json';
import { buildBasemap } from '../src/features/map/basemap-shapes.ts';
import { validateFeatureCollection } from '../src/data/model/validate.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { escapeXml, socialCardSvg, wrapText } from './social-card.ts';
import { eventPageHtml } from './prerender-events.ts';

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
});
