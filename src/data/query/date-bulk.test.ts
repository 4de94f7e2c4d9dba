import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatIsoDay, parseIsoDay } from '../model/calendar-day.ts';
import { validateFeatureCollection } from '../model/validate.ts';
import { dateBulk } from './date-bulk.ts';
import { buildEventIndex } from './filter.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;
const REAL = 'e2e/fixtures/real';

/** The bulk of single-day events on these days (in any order), with its days written out. */
function bulkOf(days: number[], ends: number[] = days) {
  const order = days.map((_, position) => position).sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0));
  const bulk = dateBulk(
    Int32Array.from(order, (position) => days[position] ?? 0),
    Int32Array.from(order, (position) => ends[position] ?? 0),
  );
  return bulk && { ...bulk, first: formatIsoDay(bulk.first), last: formatIsoDay(bulk.last) };
}

/** `count` days spread evenly from `first` over `span` days. */
function evenly(first: string, span: number, count: number): number[] {
  return Array.from(
    { length: count },
    (_, index) => day(first) + Math.floor((index * span) / count),
  );
}

describe('the bulk of the dates', () => {
  it('leaves out the three stray dates of the civilian-harm file, and nothing else', () => {
    // The file's own `date` column (ISO days): 563 dated rows, 560 of them in 2022.
    const rows = readFileSync(`${REAL}/ukraine-civilian-harm-2022.csv`, 'utf8').split('\n');
    const days = rows
      .slice(1)
      .map((row) => parseIsoDay(row.split(',')[1] ?? ''))
      .filter((parsed) => parsed !== null);
    expect(days).toHaveLength(563);
    expect(bulkOf(days)).toEqual({ first: '2022-01-01', last: '2022-09-29', earlier: 0, later: 3 });
  });

  it('keeps a whole week of earthquakes (USGS), busy every hour', () => {
    const feed = JSON.parse(
      readFileSync(`${REAL}/usgs-earthquakes-week-2019-06.geojson`, 'utf8'),
    ) as { features: { properties: { time: number } }[] };
    const days = feed.features.map((feature) => Math.floor(feature.properties.time / 86_400_000));
    const bulk = bulkOf(days);
    expect(bulk).toMatchObject({ earlier: 0, later: 0 });
    expect(bulk?.last).toBe(formatIsoDay(Math.max(...days)));
  });

  it('keeps the sparse years of the UCDP file (2014 to 2023, with quiet years between)', () => {
    // date_start and date_end ("1/22/2014 12:00:00 AM", month first) come before nine numeric
    // columns at the end of each record (some records run over several lines).
    const lastColumns =
      /,(\d{1,2})\/(\d{1,2})\/(\d{4})[^,]*,\d{1,2}\/\d{1,2}\/\d{4}[^,]*(,[^,]*){9}$/;
    const days = readFileSync(`${REAL}/ucdp-ged-ukraine-2014-2022.csv`, 'latin1')
      .split(/\r?\n/)
      .flatMap((line) => {
        const match = lastColumns.exec(line);
        return match ? [dayFromCivil(Number(match[3]), Number(match[1]), Number(match[2]))] : [];
      });
    expect(days).toHaveLength(3883);
    expect(bulkOf(days)).toMatchObject({ first: '2014-01-22', earlier: 0, later: 0 });
  });

  it('keeps every date of the bundled dataset (6 events: too few to call any a stray)', () => {
    const dataset = validateFeatureCollection(
      JSON.parse(readFileSync('data/events.geojson', 'utf8')),
    );
    const index = buildEventIndex(dataset.events);
    const bulk = dateBulk(index.starts, index.ends);
    expect(bulk).toMatchObject({ earlier: 0, later: 0, first: index.starts[0] });
    expect(bulk?.last).toBe(Math.max(...index.ends));
  });

  it('keeps all of a dataset spread evenly over forty years, and of one with a sparse tail', () => {
    expect(bulkOf(evenly('1984-01-01', 40 * 365, 2000))).toMatchObject({ earlier: 0, later: 0 });
    // 1,000 events in 2022, then five a month apart into 2023: a tail, not typing errors.
    const tail = [1, 2, 3, 4, 5].map((months) => dayFromCivil(2023, months, 15));
    expect(bulkOf([...evenly('2022-01-01', 365, 1000), ...tail])).toMatchObject({
      last: '2023-05-15',
      later: 0,
    });
  });

  it('leaves out strays on either side, as long as they are few', () => {
    const year = evenly('2022-01-01', 365, 1000);
    const strays = [day('1922-03-01'), day('1922-05-01'), day('2202-01-01')];
    expect(bulkOf([...year, ...strays])).toEqual({
      first: '2022-01-01',
      last: formatIsoDay(Math.max(...year)),
      earlier: 2,
      later: 1,
    });
    // More than a handful, or more than 1 % of the events, is a part of the data.
    const six = [1, 2, 3, 4, 5, 6].map((month) => dayFromCivil(2030, month, 1));
    expect(bulkOf([...year, ...six])).toMatchObject({ later: 0, last: '2030-06-01' });
    const four = six.slice(0, 4);
    expect(bulkOf([...evenly('2022-01-01', 365, 350), ...four])).toMatchObject({ later: 0 });
  });

  it('counts a stray beside a far one as a stray too, and not one the bulk reaches', () => {
    const year = evenly('2022-01-01', 270, 600);
    expect(bulkOf([...year, day('2023-02-24'), day('2024-02-24')])).toMatchObject({ later: 2 });
    // A year-long event ("2022") runs past the November stray: that one is within the axis.
    const ends = [...year.slice(0, -1), day('2022-12-31'), day('2022-11-20'), day('2024-02-24')];
    expect(bulkOf([...year, day('2022-11-20'), day('2024-02-24')], ends)).toMatchObject({
      last: '2022-12-31',
      later: 1,
    });
  });

  it('does not call a pause of a few days a gap, in a dataset of a few busy days', () => {
    const busy = [
      ...Array<number>(150).fill(day('2024-10-01')),
      ...Array<number>(150).fill(day('2024-10-02')),
      day('2024-10-04'),
      day('2024-10-09'),
    ];
    expect(bulkOf(busy)).toMatchObject({ later: 0, last: '2024-10-09' });
  });

  it('is null without events', () => {
    expect(dateBulk(new Int32Array(), new Int32Array())).toBeNull();
  });
});
