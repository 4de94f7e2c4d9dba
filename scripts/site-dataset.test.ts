import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../src/data/model/validate.ts';
import { SiteBuildError, contrastWarnings, readSiteDataset } from './site-dataset.ts';

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-site-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const GOOD = 'date,title,latitude,longitude,category\n2024-01-02,Harbour fire,35.1,129.0,fire\n';
const BROKEN_ROW = '2024-01-03,Bridge closed,north,129.1,traffic\n';

describe('readSiteDataset', () => {
  it('reads a CSV with the importer, names the site after the file, and keeps the rows it cannot read', async () => {
    const cwd = folderWith({ 'my-events.csv': GOOD + BROKEN_ROW });
    const site = await readSiteDataset('my-events.csv', {}, { cwd });
    expect(site.title).toBe('My events');
    expect(site.dataset.events.map((event) => event.title)).toEqual(['Harbour fire']);
    expect(site.issues).toEqual(['Row 2 · line 3 · latitude: “north” is not a number']);
    // The converted file carries the issue, so the site's Data issues panel lists the row too.
    const bundled = parseDatasetText(site.geojson);
    expect(bundled.metadata.title).toBe('My events');
    expect(bundled.issues).toEqual([
      { position: 1, line: 3, id: null, field: 'latitude', reason: '“north” is not a number' },
    ]);
    expect(bundled.recordCount).toBe(2);
  });

  it('fails when no event can be read, naming the rows', async () => {
    const cwd = folderWith({
      'events.csv': 'date,title,latitude,longitude\n2024-01-03,Bridge closed,135.5,129.1\n',
    });
    const config = { columns: { latitude: 'latitude', longitude: 'longitude' } };
    await expect(readSiteDataset('events.csv', config, { cwd })).rejects.toThrow(
      /^No event could be read from events\.csv:\n {2}Row 1 · line 2 · latitude: /,
    );
  });

  it('fails with strict on any record it cannot read', async () => {
    const cwd = folderWith({ 'events.csv': GOOD + BROKEN_ROW });
    const attempt = readSiteDataset('events.csv', {}, { cwd, strict: true });
    await expect(attempt).rejects.toBeInstanceOf(SiteBuildError);
    await expect(attempt).rejects.toThrow(/--strict: events\.csv has 1 record that cannot be read/);
    await expect(
      readSiteDataset('events.csv', {}, { cwd: folderWith({ 'events.csv': GOOD }), strict: true }),
    ).resolves.toMatchObject({ issues: [] });
  });

  it('takes the config’s title, columns and category styles, and names a column the file lacks', async () => {
    const cwd = folderWith({
      'log.csv': 'when,headline,lat,lon,kind\n2024-01-02,Harbour fire,35.1,129.0,fire\n',
    });
    const site = await readSiteDataset(
      'log.csv',
      {
        title: 'Harbour log',
        columns: { title: 'headline', category: 'kind' },
        categories: { fire: { label: 'Fire', colour: '#cc5500' } },
      },
      { cwd },
    );
    expect(site.title).toBe('Harbour log');
    expect(site.dataset.events[0]?.category).toBe('fire');
    expect(parseDatasetText(site.geojson).metadata.categories).toEqual({
      fire: { label: 'Fire', colour: '#cc5500' },
    });
    await expect(
      readSiteDataset('log.csv', { columns: { title: 'Headline' } }, { cwd }),
    ).rejects.toThrow(/columns\.title is "Headline", but log\.csv has no such column/);
  });

  it('names the columns to set when the importer cannot tell where the dates are', async () => {
    const cwd = folderWith({
      'notes.csv':
        'a,b,c,d\nHarbour fire,35.1,129.0,on a Tuesday\nBridge closed,35.2,129.1,later\n',
    });
    await expect(readSiteDataset('notes.csv', {}, { cwd })).rejects.toThrow(
      /"columns": \{ "date": "<column>" \}/,
    );
  });
});

describe('contrastWarnings', () => {
  it('names a category whose colour is under 3:1 against the land or water of a theme', () => {
    expect(contrastWarnings({ strike: { colour: '#cc5500' } })).toEqual([]);
    expect(contrastWarnings({ strike: { colour: '#f0e442' } })).toEqual([
      expect.stringMatching(
        /^Category "strike": its colour #f0e442 has less than 3:1 contrast against light land/,
      ),
    ]);
  });
});
