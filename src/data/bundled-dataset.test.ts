/**
 * The bundled dataset is the first thing every user sees: it must meet the contract, and every
 * quote must be the article's own words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from './model/validate.ts';
import { formatEventDate } from './model/date-label.ts';
import { formatIsoDay } from './model/calendar-day.ts';
import { reportDatasetProblems } from '../../scripts/dataset-report.ts';

const dataset = parseDatasetText(
  readFileSync(new URL('../../data/events.geojson', import.meta.url), 'utf8'),
);
// The article the quotes come from, kept as a snapshot in the repository (data/sources/README.md).
const article = readFileSync(new URL('../../data/sources/article.txt', import.meta.url), 'utf8');

describe('the bundled dataset', () => {
  it('has no problems at all', () => {
    expect(reportDatasetProblems(dataset)).toEqual([]);
    expect(dataset.events).toHaveLength(6);
  });

  it('gives each event the date at the precision the article gives', () => {
    const byId = Object.fromEntries(
      dataset.events.map((event) => [event.id, formatEventDate(event.date)]),
    );
    expect(byId).toEqual({
      'seoul-defense-minister-confirms-casualties': '8 Oct 2024',
      'donetsk-strike-north-korean-officers': '4 Oct 2024?',
      'pyongyang-summit-defense-pact': 'June 2024',
      'kim-jong-un-mentions-nuclear-submarine': 'Sept 2024',
      'sinpo-submarine-site-activity': 'c. Sept 2024',
      'sinpo-cruise-missile-tests': 'Jan 2024',
    });
  });

  it('quotes the article word for word, and every source is the Yonhap report of 8 Oct 2024', () => {
    for (const event of dataset.events) {
      expect(event.sources.length).toBeGreaterThan(0);
      for (const source of event.sources) {
        expect(source.publisher).toBe('Yonhap');
        expect(source.published && formatIsoDay(source.published.start)).toBe('2024-10-08');
        const segments = (source.quote ?? '').split(' … ');
        for (const segment of segments) expect(article, `quote of ${event.id}`).toContain(segment);
      }
    }
  });

  it('is written in English, with every title, summary and place in Korean too', () => {
    expect(dataset.metadata.language).toBe('en');
    for (const event of dataset.events) {
      const korean = event.translations?.ko;
      for (const field of ['title', 'summary', 'place'] as const)
        expect(korean?.[field], `${event.id} ${field}`).toMatch(/[가-힣]/);
    }
    const places = dataset.events.map((event) => event.translations?.ko?.place ?? '');
    for (const place of ['서울 용산 국방부', '도네츠크', '평양', '신포'])
      expect(
        places.some((text) => text.includes(place)),
        place,
      ).toBe(true);
  });

  it('puts each place where it is on the map', () => {
    const near = (id: string, latitude: number, longitude: number) => {
      const event = dataset.events.find((candidate) => candidate.id === id);
      expect(event, id).toBeDefined();
      expect(Math.abs((event?.latitude ?? 0) - latitude)).toBeLessThan(0.1);
      expect(Math.abs((event?.longitude ?? 0) - longitude)).toBeLessThan(0.1);
    };
    near('seoul-defense-minister-confirms-casualties', 37.54, 126.98);
    near('donetsk-strike-north-korean-officers', 48.02, 37.8);
    near('pyongyang-summit-defense-pact', 39.04, 125.76);
    near('sinpo-submarine-site-activity', 40.03, 128.18);
    near('sinpo-cruise-missile-tests', 40.03, 128.18);
  });
});
