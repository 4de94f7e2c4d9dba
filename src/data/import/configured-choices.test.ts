import { describe, expect, it } from 'vitest';
import { settledChoices } from './configured-choices.ts';
import { importDataset } from './import-dataset.ts';
import type { ImportChoices } from './import-types.ts';

/** UCDP's own columns: the importer cannot tell the headline from the dyad's name. */
const UCDP = [
  'id,date_start,source_headline,dyad_name,where_description,latitude,longitude,type_of_violence',
  '147997,01/22/2014,"Police disperse Kiev protest",Government of Ukraine - Maidan,Kiev,50.45,30.52333,1',
  '153030,05/02/2014,Death toll from Odessa violence rises,Supporters - Supporters,Odessa town,46.466667,30.733333,2',
  '203689,05/19/2015,Battle erupts in eastern Ukraine,Government of Ukraine - UAF,Katerinovka,48.668695,38.483163,1',
].join('\n');

const PLAIN = ['id,title,date,latitude,longitude', 'a,Alpha,2024-03-04,50,30'].join('\n');
/** 13/04 can only be day first: the importer is sure of the order. */
const DAY_FIRST = [
  'id,title,date,latitude,longitude',
  'a,Alpha,13/04/2024,50,30',
  'b,Beta,03/04/2024,50,30',
].join('\n');
/** Every date fits both orders: the importer asks which. */
const EITHER_ORDER = ['id,title,date,latitude,longitude', 'a,Alpha,03/04/2024,50,30'].join('\n');

function read(csv: string, choices: ImportChoices | null = null) {
  return importDataset([{ name: 'events.csv', bytes: new TextEncoder().encode(csv) }], choices, {
    sourceUrl: null,
  });
}

function titles(csv: string, choices: ImportChoices | null) {
  const outcome = read(csv, choices);
  return outcome.kind === 'dataset' ? outcome.dataset.events.map((event) => event.title) : null;
}

describe('settledChoices', () => {
  it('reads the columns the config names over those the importer was unsure of', () => {
    const outcome = read(UCDP);
    expect(outcome.kind).toBe('needs-mapping');
    const { choices, notes } = settledChoices(
      outcome,
      { columns: { title: 'source_headline' } },
      'events.csv',
    );
    expect(notes).toEqual([]);
    expect(choices?.mapping.title).toBe('source_headline');
    expect(choices?.mapping.category).toBe('type_of_violence');
    expect(titles(UCDP, choices)).toEqual([
      'Police disperse Kiev protest',
      'Death toll from Odessa violence rises',
      'Battle erupts in eastern Ukraine',
    ]);
  });

  it('with no config, reads the importer’s proposal and says which columns it took', () => {
    const { choices, notes } = settledChoices(read(UCDP), {}, 'events.csv');
    expect(choices?.mapping.title).toBe('dyad_name');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^events\.csv: the importer was unsure of some columns/);
    expect(notes[0]).toContain('title ← "dyad_name"');
    expect(notes[0]).toContain('Set "columns" in dateline.config.json to choose otherwise.');
  });

  it('says nothing of the day order when the config gives it, and names only the key left to set', () => {
    const dayOnly = read(EITHER_ORDER);
    expect(dayOnly.kind).toBe('needs-mapping');
    expect(settledChoices(dayOnly, { dayOrder: 'day-first' }, 'events.csv').notes).toEqual([]);
    const [unset] = settledChoices(dayOnly, {}, 'events.csv').notes;
    expect(unset).toMatch(
      /^events\.csv: the importer was unsure of the day order \(Every date fits both/,
    );
    expect(unset).toContain('it read the dates day-first. Set "dayOrder" in dateline.config.json');
    expect(unset).not.toContain('"columns"');
    // UCDP's columns are in doubt and so is its order: a day order set leaves the columns to say.
    const both = read(UCDP.replace('01/22/2014', '01/02/2014').replace('05/19/2015', '05/12/2015'));
    expect(both.report.proposal?.doubtNotes.map((doubt) => doubt.kind)).toEqual([
      'guessed',
      'day-order',
    ]);
    const [columnsOnly] = settledChoices(both, { dayOrder: 'month-first' }, 'events.csv').notes;
    expect(columnsOnly).toMatch(
      /unsure of some columns \(“dyad_name” was guessed as the title\.\)/,
    );
    expect(columnsOnly).toContain('Set "columns" in dateline.config.json');
    const [neither] = settledChoices(both, {}, 'events.csv').notes;
    expect(neither).toMatch(/unsure of some columns and the day order \(“dyad_name”.+ Every date/);
    expect(neither).toContain(
      ', dates day-first. Set "columns" or "dayOrder" in dateline.config.json',
    );
    // The columns set and the order not: the order is still said, the columns are not.
    const [orderOnly] = settledChoices(
      both,
      { columns: { title: 'source_headline' } },
      'events.csv',
    ).notes;
    expect(orderOnly).toMatch(/^events\.csv: the importer was unsure of the day order/);
    expect(orderOnly).not.toContain('dyad_name');
    expect(
      settledChoices(both, { columns: { title: 'source_headline' }, dayOrder: 'day-first' }, 'x')
        .notes,
    ).toEqual([]);
  });

  it('names the settings’ file as it was named', () => {
    const [note] = settledChoices(read(UCDP), { configName: 'ucdp.json' }, 'events.csv').notes;
    expect(note).toContain('Set "columns" in ucdp.json to choose otherwise.');
    expect(() =>
      settledChoices(read(UCDP), { columns: { date: null }, configName: 'ucdp.json' }, 'x.csv'),
    ).toThrow(/in ucdp\.json \(docs\/publishing\.md\)/);
  });

  it('refuses a column the file lacks, and a required field left without one, naming its columns', () => {
    expect(() =>
      settledChoices(
        read(UCDP),
        { columns: { title: 'headline' }, configName: 'site.json' },
        'events.csv',
      ),
    ).toThrow(
      'site.json: columns.title is "headline", but events.csv has no such column. Its columns: "id", "date_start"',
    );
    expect(() => settledChoices(read(UCDP), { columns: { date: null } }, 'events.csv')).toThrow(
      /^events\.csv: the importer cannot tell which column holds the date\. Set "columns": \{ "date": "<column>" \}/,
    );
  });

  it('leaves a file the importer is sure of as it read it, unless the config sets its day order', () => {
    expect(settledChoices(read(PLAIN), {}, 'events.csv')).toEqual({ choices: null, notes: [] });
    // The config's order over the importer's own certainty: the publisher knows the source.
    const sure = read(DAY_FIRST);
    expect(sure.kind).toBe('dataset');
    const { choices: monthFirstChoices } = settledChoices(sure, { dayOrder: 'month-first' }, 'x');
    const reread = read(DAY_FIRST, monthFirstChoices);
    expect(
      reread.kind === 'dataset' && reread.dataset.events.map((event) => event.date.edtf),
    ).toEqual(['2024-03-04']);
    const dayFirst = settledChoices(read(EITHER_ORDER), { dayOrder: 'day-first' }, 'events.csv');
    const outcome = read(EITHER_ORDER, dayFirst.choices);
    expect(outcome.kind === 'dataset' && outcome.dataset.events[0]?.date.edtf).toBe('2024-04-03');
    const monthFirst = settledChoices(
      read(EITHER_ORDER),
      { dayOrder: 'month-first' },
      'events.csv',
    );
    const other = read(EITHER_ORDER, monthFirst.choices);
    expect(other.kind === 'dataset' && other.dataset.events[0]?.date.edtf).toBe('2024-03-04');
  });
});
