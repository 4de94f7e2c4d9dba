import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAPPED_FIELDS } from '../src/data/import/column-mapping.ts';
import {
  checkSiteConfig,
  parseSiteConfigText,
  readSiteConfig,
  unknownCategoryWarnings,
} from './site-config-read.ts';

const check = (json: unknown) => () => checkSiteConfig(json, 'dateline.config.json');

describe('checkSiteConfig', () => {
  it('reads every setting', () => {
    expect(
      checkSiteConfig(
        {
          title: ' Harbour log ',
          description: 'Fires and closures.',
          columns: { title: 'headline', summary: null },
          dayOrder: 'day-first',
          categories: { fire: { label: 'Fire', colour: '#CC5500' } },
          siteUrl: 'https://news.example/',
          basePath: '/harbour/',
          frameAncestors: "'self' https://news.example",
        },
        'c.json',
      ),
    ).toEqual({
      title: 'Harbour log',
      description: 'Fires and closures.',
      columns: { title: 'headline', summary: null },
      dayOrder: 'day-first',
      categories: { fire: { label: 'Fire', colour: '#cc5500' } },
      siteUrl: 'https://news.example',
      basePath: '/harbour/',
      frameAncestors: "'self' https://news.example",
    });
  });

  it('names an unknown key, a wrong type, a bad colour and an unknown field', () => {
    expect(check({ titel: 'x' })).toThrow('dateline.config.json: unknown key "titel". Known keys:');
    expect(check({ title: 3 })).toThrow('"title" should be non-empty text, found number 3.');
    expect(check({ categories: { fire: { colour: 'orange' } } })).toThrow(
      '"categories.fire".colour should be a colour like "#d55e00", found string "orange".',
    );
    expect(check({ columns: { headline: 'title' } })).toThrow(
      '"columns" has an unknown field "headline".',
    );
    expect(check({ dayOrder: 'dmy' })).toThrow('"dayOrder" should be "day-first" or "month-first"');
    expect(check({ basePath: 'news' })).toThrow('"basePath" should start and end with "/"');
    expect(check({ frameAncestors: "'self'; script-src *" })).toThrow('without ";"');
  });

  it('says when the file is not JSON', () => {
    expect(() => parseSiteConfigText('{ title: "x" }', 'c.json')).toThrow(
      /^c\.json is not valid JSON/,
    );
  });
});

describe('readSiteConfig', () => {
  it('names the file in what it says as it was named, or as the one beside the dataset', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const folder = mkdtempSync(join(tmpdir(), 'dateline-config-'));
    const named = join(folder, 'ucdp.json');
    writeFileSync(named, '{ "categories": { "7": { "label": "Seven" } } }');
    writeFileSync(join(folder, 'dateline.config.json'), '{ "categories": { "8": {} } }');
    const config = await readSiteConfig(join(folder, 'events.csv'), named, '--config');
    expect(config.configName).toBe(named);
    expect(unknownCategoryWarnings(config, new Set(['1', '2']))).toEqual([
      `${named}: "categories.7" names a category no event has. Categories: "1", "2".`,
    ]);
    const beside = await readSiteConfig(join(folder, 'events.csv'), null, '--config');
    expect(unknownCategoryWarnings(beside, new Set(['1']))[0]).toMatch(
      /^dateline\.config\.json: "categories\.8"/,
    );
  });
});

describe('the config file’s JSON schema (docs/dateline.config.schema.json)', () => {
  it('names every column the importer can map, so that editors accept a config Publish… writes', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../docs/dateline.config.schema.json', import.meta.url), 'utf8'),
    ) as { properties: { columns: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.columns.properties).sort()).toEqual(
      [...MAPPED_FIELDS].sort(),
    );
  });
});
