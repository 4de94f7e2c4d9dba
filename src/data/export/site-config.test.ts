import { describe, expect, it } from 'vitest';
import {
  publishCommand,
  readableTitle,
  shellWord,
  siteConfigFromReading,
  siteConfigText,
} from './site-config.ts';

describe('the site config of a reading', () => {
  it('keeps the title, the description and only the columns that were chosen', () => {
    const mapping = {
      date: 'Date',
      endDate: null,
      latitude: 'lat',
      longitude: 'lon',
      title: 'Event',
    };
    const config = siteConfigFromReading(
      { title: 'Civilian harm', description: 'Incidents, 2022' },
      { fileName: 'harm.csv', mapping, dayOrder: 'day-first' },
    );
    expect(config).toEqual({
      title: 'Civilian harm',
      description: 'Incidents, 2022',
      columns: { date: 'Date', latitude: 'lat', longitude: 'lon', title: 'Event' },
      dayOrder: 'day-first',
    });
    expect(JSON.parse(siteConfigText(config))).toEqual(config);
    expect(siteConfigText(config)).toMatch(/^\{\n {2}"title": "Civilian harm",\n[\s\S]*\}\n$/);
  });

  it('has no columns for a file already in the Dateline format, and no empty description', () => {
    expect(
      siteConfigFromReading(
        { title: 'Events', description: '' },
        { fileName: 'events.geojson', mapping: null, dayOrder: null },
      ),
    ).toEqual({ title: 'Events' });
  });

  it('gives a file named only by its file name a readable title', () => {
    const reading = { fileName: 'ukraine-civilian_harm-2022.csv', mapping: null, dayOrder: null };
    expect(siteConfigFromReading({ title: reading.fileName, description: '' }, reading).title).toBe(
      'Ukraine civilian harm 2022',
    );
    expect(readableTitle('my-events.csv')).toBe('My events');
    expect(readableTitle('.csv')).toBe('.csv');
  });
});

describe('the publish command', () => {
  it('names the dataset so the shell reads it back exactly', () => {
    expect(publishCommand({ kind: 'bundled' })).toBe('npm run build');
    expect(publishCommand({ kind: 'file', name: 'my-events.csv' })).toBe(
      'DATASET=my-events.csv npm run build',
    );
    expect(publishCommand({ kind: 'address', url: 'https://example.org/e.geojson?v=2&x=1' })).toBe(
      "DATELINE_CONFIG=dateline.config.json DATASET='https://example.org/e.geojson?v=2&x=1' npm run build",
    );
    expect(publishCommand({ kind: 'file', name: "Jane's events 2024.csv" })).toBe(
      "DATASET='Jane'\\''s events 2024.csv' npm run build",
    );
    expect(shellWord('$(rm -rf ~).csv')).toBe("'$(rm -rf ~).csv'");
  });
});
