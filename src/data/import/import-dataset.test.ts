import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyMapping as emptyMappingFor } from './column-mapping.ts';
import { importDataset, jsonEndsEarly } from './import-dataset.ts';
import type { ImportInput, ImportOutcome } from './import-types.ts';

const encoder = new TextEncoder();
const utf8 = (name: string, text: string): ImportInput => ({ name, bytes: encoder.encode(text) });

function dataset(outcome: ImportOutcome) {
  if (outcome.kind !== 'dataset') throw new Error(`expected a dataset, got ${outcome.kind}`);
  return outcome;
}

/** Imports, confirming the importer's own guess if it asks: what a reader clicking Import gets. */
function importConfirmed(inputs: ImportInput[], sourceUrl: string | null = null) {
  const first = importDataset(inputs, null, { sourceUrl });
  if (first.kind === 'dataset') return first;
  return dataset(
    importDataset(
      inputs,
      { mapping: first.proposal.mapping, dayOrder: first.proposal.dayOrder },
      { sourceUrl },
    ),
  );
}

describe('importDataset: CSV', () => {
  it('reads Windows-1252 text, month-only and two-digit-year dates, and reports broken rows by line', () => {
    // "Kims Ünha" in Windows-1252: Ü is the single byte 0xDC, which is not valid UTF-8.
    const text =
      'Date,Missile Name,Facility Name,Facility Latitude,Facility Longitude,Source(s)\r\n' +
      '9-Apr-84,Scud-B,Tonghae,40.85,129.67,http://a.example/x; http://b.example/y\r\n' +
      'Sep-84,\xdcnha,Sohae,39.66,124.71,"CNS, 2016"\r\n' +
      'Unknown,Scud-B,Tonghae,40.85,129.67,\r\n' +
      '12-Feb-93,Rodong,Somewhere,Unknown,Unknown,\r\n';
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    const outcome = importConfirmed([{ name: 'cns.csv', bytes }]);
    const { dataset: result, report } = outcome;
    expect(report.encoding).toBe('windows-1252');
    expect(report.twoDigitYears).toBe(true);
    expect(result.recordCount).toBe(4);
    expect(result.events.map((event) => [event.title, event.date.edtf])).toEqual([
      ['Scud-B', '1984-04-09'],
      ['Ünha', '1984-09'],
    ]);
    const [first, second] = result.events;
    expect(first?.sources.map((source) => [source.publisher, source.url])).toEqual([
      ['a.example', 'http://a.example/x'],
      ['b.example', 'http://b.example/y'],
    ]);
    // No link in the cell: the citation text is kept, and the file named as publisher.
    expect(second?.sources).toEqual([
      { publisher: 'cns.csv', title: 'CNS, 2016', url: null, published: null, quote: null },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ position: 2, line: 4, field: 'Date' }),
      expect.objectContaining({
        position: 3,
        line: 5,
        field: 'Facility Latitude',
        reason: '“Unknown” is not a number',
      }),
    ]);
    expect(result.events.length + result.issues.length).toBe(result.recordCount);
  });

  it('asks before importing when it is unsure, and uses the reader’s choices', () => {
    const input = utf8('ambiguous.csv', 'day,label,lat,lon\n03/04/2020,A,1,2\n05/06/2020,B,1,2\n');
    const first = importDataset([input], null, { sourceUrl: null });
    expect(first.kind).toBe('needs-mapping');
    if (first.kind !== 'needs-mapping') return;
    expect(first.report.preview).toHaveLength(2);
    const monthFirst = dataset(
      importDataset(
        [input],
        { mapping: first.proposal.mapping, dayOrder: 'month-first' },
        { sourceUrl: null },
      ),
    );
    expect(monthFirst.dataset.events.map((event) => event.date.edtf)).toEqual([
      '2020-03-04',
      '2020-05-06',
    ]);
    const dayFirst = dataset(
      importDataset(
        [input],
        { mapping: first.proposal.mapping, dayOrder: 'day-first' },
        { sourceUrl: null },
      ),
    );
    expect(dayFirst.dataset.events.map((event) => event.date.edtf)).toEqual([
      '2020-04-03',
      '2020-06-05',
    ]);
  });

  it('derives stable ids for rows without one, telling identical rows apart', () => {
    const text =
      'date,title,lat,lon\n2024-01-01,Test,1,2\n2024-01-01,Test,1,2\n2024-02-01,Other,3,4\n';
    const once = importConfirmed([utf8('a.csv', text)]).dataset.events.map((event) => event.id);
    expect(new Set(once).size).toBe(3);
    const reordered =
      'date,title,lat,lon\n2024-02-01,Other,3,4\n2024-01-01,Test,1,2\n2024-01-01,Test,1,2\n';
    expect(
      importConfirmed([utf8('a.csv', reordered)]).dataset.events.map((event) => event.id),
    ).toEqual(once);
  });

  it('links the dataset itself as the source of rows without a link, when it came from an address', () => {
    const outcome = importConfirmed(
      [
        utf8(
          'quakes.csv',
          'time,magnitude,latitude,longitude\n2019-06-16 10:00:00,4.8,36.4,140.5\n',
        ),
      ],
      'https://data.example/quakes.csv',
    );
    const [event] = outcome.dataset.events;
    expect(event?.title).toBe('Magnitude 4.8');
    expect(event?.date.edtf).toBe('2019-06-16T10:00:00');
    expect(event?.sources[0]).toMatchObject({
      publisher: 'quakes.csv',
      url: 'https://data.example/quakes.csv',
    });
  });

  it('names each link by the file’s publisher column, and keeps the publisher of a row without a link', () => {
    const text =
      'date,title,lat,lon,url,outlet\n' +
      '2024-10-08,One link,37.5,127,https://www.reuters.example/a,Reuters\n' +
      '2024-10-09,Two links,37.5,127,https://a.example/1 https://b.example/2,Yonhap | AP\n' +
      '2024-10-10,One name for both,37.5,127,https://a.example/3; https://b.example/4,Yonhap\n' +
      '2024-10-11,No name,37.5,127,https://c.example/5,\n' +
      '2024-10-11,Two names one link,37.5,127,https://d.example/6,Yonhap; AP\n' +
      '2024-10-12,No link,37.5,127,Briefing in Seoul,Ministry of National Defense; KCNA\n';
    const { dataset: result, report } = importConfirmed([utf8('press.csv', text)]);
    expect(report.mapping).toMatchObject({ link: 'url', publisher: 'outlet' });
    expect(
      result.events.map((event) => event.sources.map((source) => [source.publisher, source.url])),
    ).toEqual([
      [['Reuters', 'https://www.reuters.example/a']],
      [
        ['Yonhap', 'https://a.example/1'],
        ['AP', 'https://b.example/2'],
      ],
      [
        ['Yonhap', 'https://a.example/3'],
        ['Yonhap', 'https://b.example/4'],
      ],
      [['c.example', 'https://c.example/5']],
      [['Yonhap; AP', 'https://d.example/6']],
      [['Ministry of National Defense; KCNA', null]],
    ]);
    expect(result.events.at(-1)?.sources[0]?.title).toBe('Briefing in Seoul');
  });

  it('pairs our export’s listed publishers and links position by position, and names a row’s own publisher, not the file', () => {
    // Our CSV export with source_title and source_quote deleted: an empty link keeps its place.
    const links = Array.from({ length: 12 }, (_, index) => `https://n${index}.example/`);
    const names = Array.from({ length: 12 }, (_, index) => `Outlet ${index}`);
    const text =
      'date,title,lat,lon,source_url,source_publisher\n' +
      '2024-10-08,Listed,37.5,127," | https://reuters.example/a",Ministry | Reuters\n' +
      `2024-10-09,Twelve,37.5,127,${links.join(' ')},${names.join('; ')}\n` +
      '2024-10-10,Unlinked,37.5,127,,KCNA\n' +
      '2024-10-11,Unsourced,37.5,127,,\n';
    const { dataset: result } = importConfirmed(
      [utf8('partial.csv', text)],
      'https://data.example/partial.csv',
    );
    const [listed, twelve, unlinked, unsourced] = result.events;
    expect(listed?.sources.map((source) => [source.publisher, source.url])).toEqual([
      ['Ministry', null],
      ['Reuters', 'https://reuters.example/a'],
    ]);
    // Ten sources at most, each still with its own name.
    expect(twelve?.sources.map((source) => source.publisher)).toEqual(names.slice(0, 10));
    // KCNA's words are not at the dataset's address.
    expect(unlinked?.sources).toEqual([
      expect.objectContaining({ publisher: 'KCNA', url: null, title: 'Row 3 of partial.csv' }),
    ]);
    // With no name, the file is the source: its row need not name the file twice.
    expect(unsourced?.sources).toEqual([
      expect.objectContaining({
        publisher: 'partial.csv',
        url: 'https://data.example/partial.csv',
        title: 'Row 4',
      }),
    ]);
  });

  it('reads a publisher column only when it holds names, not addresses', () => {
    const text =
      'date,title,lat,lon,source_publisher,source_url\n' +
      '2024-10-08,A,37.5,127,https://x.example/a,https://y.example/b\n';
    const { dataset: result, report } = importConfirmed([utf8('links.csv', text)]);
    expect(report.mapping?.publisher).toBeNull();
    expect(result.events[0]?.sources.map((source) => source.publisher)).toEqual(['y.example']);
  });

  it('reports a missing title only when no summary can stand in', () => {
    const text =
      'date,title,summary,lat,lon\n2024-01-01,Storm,,1,2\n2024-01-02,,It rained. Then more.,1,2\n2024-01-03,,,1,2\n';
    const { dataset: result } = importConfirmed([utf8('a.csv', text)]);
    expect(result.events.map((event) => event.title)).toEqual(['Storm', 'It rained.']);
    expect(result.issues).toEqual([
      expect.objectContaining({
        position: 2,
        field: 'title',
        reason: expect.stringMatching(/title is empty/),
      }),
    ]);
  });
});

describe('importDataset: what files get wrong', () => {
  it('reports every row with the same unreadable date, and reads every row that repeats a good one', () => {
    // Date and category cells are read once per distinct text: the answer must still reach each row.
    const text = [
      'date,title,category,lat,lon',
      '2024-13-45,First,Strike,1,2',
      '2024-06,Second, strike ,1,2',
      '2024-13-45,Third,Strike,1,2',
      '2024-06,Fourth,Strike,1,2',
    ].join('\n');
    const { dataset: result, report } = importConfirmed([utf8('a.csv', text)]);
    expect(result.events.map((event) => [event.title, event.date.edtf, event.category])).toEqual([
      ['Fourth', '2024-06', 'Strike'],
      ['Second', '2024-06', 'Strike'],
    ]);
    expect(result.issues.map((issue) => [issue.position, issue.field])).toEqual([
      [0, 'date'],
      [2, 'date'],
    ]);
    expect(report.categoryMerges).toEqual([
      { into: 'Strike', merged: [{ from: 'strike', rows: 1 }] },
    ]);
  });

  it('keeps rows that repeat an id, each with an id of its own, and counts them', () => {
    const rows = Array.from(
      { length: 10 },
      (_, index) => `A${index},2022-02-${10 + index},Event ${index},1,2`,
    );
    const text = `entry,date,title,lat,lon\n${rows.join('\n')}\nA3,2022-03-01,Second use of A3,3,4\n`;
    const { dataset: result, report } = importConfirmed([utf8('a.csv', text)]);
    expect(result.events).toHaveLength(11);
    expect(result.events.find((event) => event.title === 'Event 3')?.id).toBe('a3');
    expect(result.events.find((event) => event.title === 'Second use of A3')?.id).toMatch(
      /^second-use-of-a3-[a-z0-9]+$/,
    );
    expect(report.repeatedIds).toBe(1);
    expect(result.issues).toEqual([]);
  });

  it('splits addresses glued together or separated by semicolons into separate sources', () => {
    const text =
      'date,title,lat,lon,Source(s)\n2020-01-01,A,1,2,http://a.example/x.htmlhttp://b.example/y;https://c.example/z\n';
    const [event] = importConfirmed([utf8('a.csv', text)]).dataset.events;
    expect(event?.sources.map((source) => source.url)).toEqual([
      'http://a.example/x.html',
      'http://b.example/y',
      'https://c.example/z',
    ]);
  });

  it('asks again when the chosen columns are not in the file (an edited file, same name)', () => {
    const input = utf8('a.csv', 'label,y,x,when\nA,1,2,2020-01-01\n');
    const stale = {
      mapping: {
        ...emptyMappingFor(),
        date: 'Date',
        latitude: 'Lat',
        longitude: 'Lon',
        title: 'Name',
      },
      dayOrder: 'day-first' as const,
    };
    expect(importDataset([input], stale, { sourceUrl: null }).kind).toBe('needs-mapping');
  });
});

describe('importDataset: JSON', () => {
  it('takes the records, not the lists inside them, and names other groups it left', () => {
    const json = {
      events: [
        {
          date: '2020-01-01',
          lat: 1,
          lon: 2,
          title: 'A',
          sources: [
            { url: 'https://a.example', publisher: 'A' },
            { url: 'https://b.example', publisher: 'B' },
          ],
        },
        {
          date: '2020-01-02',
          lat: 1,
          lon: 2,
          title: 'B',
          sources: [
            { url: 'https://c.example', publisher: 'C' },
            { url: 'https://d.example', publisher: 'D' },
          ],
        },
      ],
      archive: [{ date: '2019-01-01', title: 'Old', note: 'x' }],
    };
    const outcome = importConfirmed([utf8('a.json', JSON.stringify(json))]);
    expect(outcome.report.recordsPath).toBe('events[]');
    expect(outcome.report.otherRecordGroups).toEqual(['archive[] (1)']);
    expect(outcome.dataset.events.map((event) => event.title)).toEqual(['A', 'B']);
  });

  const usgs = {
    type: 'FeatureCollection',
    metadata: { title: 'USGS All Earthquakes, Past Week' },
    features: [
      {
        type: 'Feature',
        id: 'nc73198821',
        properties: {
          mag: 0.73,
          place: '1km E of The Geysers, CA',
          time: 1560702461260,
          url: 'https://earthquake.usgs.gov/earthquakes/eventpage/nc73198821',
          title: 'M 0.7 - 1km E of The Geysers, CA',
          type: 'earthquake',
        },
        geometry: { type: 'Point', coordinates: [-122.7411652, 38.7768326, 2.1] },
      },
      {
        type: 'Feature',
        id: 'ak0197cvs6p9',
        properties: {
          mag: 1.5,
          place: 'Alaska',
          time: 1560098736138,
          url: 'https://earthquake.usgs.gov/x',
          title: 'M 1.5 - Alaska',
          type: 'earthquake',
        },
        geometry: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      },
    ],
  };

  it('maps a foreign GeoJSON feed by itself: ms times, titles, links, ids, Point geometry', () => {
    const outcome = importDataset([utf8('usgs.geojson', JSON.stringify(usgs))], null, {
      sourceUrl: null,
    });
    const { dataset: result, report } = dataset(outcome);
    expect(report.format).toBe('geojson');
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      id: 'nc73198821',
      title: 'M 0.7 - 1km E of The Geysers, CA',
      place: '1km E of The Geysers, CA',
      latitude: 38.7768326,
      longitude: -122.7411652,
      category: 'earthquake',
    });
    expect(result.events[0]?.date.edtf).toBe('2019-06-16T16:27:41.260Z');
    expect(result.issues).toEqual([expect.objectContaining({ position: 1, id: 'ak0197cvs6p9' })]);
  });

  const tests = {
    timeBins: [
      {
        data: [
          {
            date: '1984-04-09',
            facility: 'tonghae',
            missile: 'scud-b',
            description: 'First test.',
          },
        ],
      },
      {
        data: [
          { date: '2017-07-04', facility: 'panghyon', missile: 'hwasong-14', description: 'ICBM.' },
          {
            date: '2017-07-28',
            facility: 'nowhere',
            missile: 'hwasong-14',
            description: 'Unknown site.',
          },
          { date: '2019-05-04', facility: 'hodo', missile: 'kn-23', description: 'Hodo.' },
        ],
      },
    ],
  };
  const facilities = {
    facilities: {
      tonghae: { name: 'Tonghae', lat: 40.85, lon: 129.67 },
      panghyon: { name: 'Panghyon', lat: 39.9, lon: 125.2 },
      hodo: { name: 'Hodo Peninsula', lat: 39.3, lon: 127.5 },
    },
  };

  it('explains a file of records whose places are listed in another file', () => {
    expect(() =>
      importDataset([utf8('test.json', JSON.stringify(tests))], null, { sourceUrl: null }),
    ).toThrow(/4 records have no coordinates.*“facility”.*open this file together with that one/);
  });

  it('joins records found in nested bins with a companion file of places', () => {
    const inputs = [
      utf8('test.json', JSON.stringify(tests)),
      utf8('facility.json', JSON.stringify(facilities)),
    ];
    const outcome = importConfirmed(inputs);
    expect(outcome.report.recordsPath).toBe('timeBins[].data[]');
    expect(outcome.report.joins).toEqual(['facility → facilities']);
    const { dataset: result } = outcome;
    expect(result.events.map((event) => [event.date.edtf, event.place, event.latitude])).toEqual([
      ['1984-04-09', 'Tonghae', 40.85],
      ['2017-07-04', 'Panghyon', 39.9],
      ['2019-05-04', 'Hodo Peninsula', 39.3],
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        position: 2,
        field: 'facility.lat',
        reason: 'the latitude is empty',
      }),
    ]);
  });

  it('gives clear errors for files it cannot read at all', () => {
    const fail = (text: string) => () =>
      importDataset([utf8('x.json', text)], null, { sourceUrl: null });
    expect(fail('{"a": 1')).toThrow(/x.json stops in the middle/);
    expect(fail('{"a": 1,,}')).toThrow(/x.json is not valid JSON/);
    expect(fail('{"a": 1}')).toThrow(/No records were found in x.json/);
    expect(fail('   ')).toThrow(/x.json is empty/);
    expect(() =>
      importDataset([utf8('page.csv', '<!doctype html><p>hi')], null, { sourceUrl: null }),
    ).toThrow(/looks like an HTML page/);
  });
});

describe('the README example', () => {
  it('reads as the README says: a day, a month, and an ambiguous date that is asked about', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const csv = /```csv\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const input = utf8('incidents.csv', csv);
    const first = importDataset([input], null, { sourceUrl: null });
    if (first.kind !== 'needs-mapping') throw new Error('expected the importer to ask');
    expect(first.proposal.dayOrderEvidence).toBe('undecided');
    const { dataset: result } = dataset(
      importDataset(
        [input],
        { mapping: first.proposal.mapping, dayOrder: 'day-first' },
        { sourceUrl: null },
      ),
    );
    expect(result.events.map((event) => [event.date.edtf, event.title])).toEqual([
      ['1984-09', 'Scud-B test'],
      ['2024-06-09', 'Summit (ambiguous date: asked)'],
      ['2024-10-08', 'Defence minister briefs parliament'],
    ]);
  });
});

describe('importDataset: half a download', () => {
  const whole = readFileSync('data/events.geojson', 'utf8');

  it('says the file stops in the middle, wherever it was cut', () => {
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      const cut = whole.slice(0, Math.floor(whole.length * fraction));
      expect(() => importDataset([utf8('events.geojson', cut)], null, { sourceUrl: null })).toThrow(
        /events\.geojson stops in the middle .*the download was cut off/,
      );
    }
  });

  it('tells a cut-off file from one that is broken but complete', () => {
    expect(jsonEndsEarly('{"a": [1, 2')).toBe(true);
    expect(jsonEndsEarly('{"a": "text with \\" and {')).toBe(true);
    expect(jsonEndsEarly('{"a": "]}"}')).toBe(false);
    expect(jsonEndsEarly('{"a": 1,,}')).toBe(false);
    expect(() =>
      importDataset([utf8('broken.json', '{"a": 1,,}')], null, { sourceUrl: null }),
    ).toThrow(/broken\.json is not valid JSON/);
  });
});
