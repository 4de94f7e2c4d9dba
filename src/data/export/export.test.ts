import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDay } from '../model/calendar-day.ts';
import { joinListCell, splitListCell } from '../model/list-cell.ts';
import { csvCell, exportFileName } from './export.ts';

describe('export helpers', () => {
  it('names the file after the dataset and the range', () => {
    const range = { from: parseIsoDay('2024-06-01') ?? 0, to: parseIsoDay('2024-10-31') ?? 0 };
    expect(exportFileName('North Korea, Russia and the war in Ukraine', range, 'geojson')).toBe(
      'north-korea-russia-and-the-war-in-ukraine_2024-06-01_2024-10-31.geojson',
    );
    expect(exportFileName('ukraine-civilian-harm-2022.csv', null, 'csv')).toBe(
      'ukraine-civilian-harm-2022.csv',
    );
    expect(exportFileName('…', null, 'csv')).toBe('dateline.csv');
  });

  it('names the search too, so that a search saved beside its file does not take its name', () => {
    const range = { from: parseIsoDay('2022-03-01') ?? 0, to: parseIsoDay('2022-03-31') ?? 0 };
    expect(exportFileName('ucdp-ged-ukraine-2014-2022.csv', null, 'csv', 'Mariupol')).toBe(
      'ucdp-ged-ukraine-2014-2022_mariupol.csv',
    );
    expect(
      exportFileName('ucdp.csv', range, 'geojson', ' shelling of a hospital in Kharkiv '),
    ).toBe('ucdp_2022-03-01_2022-03-31_shelling-of-a-hospital.geojson');
    expect(exportFileName('ucdp.csv', null, 'csv', '신포')).toBe('ucdp_search.csv');
    expect(exportFileName('ucdp.csv', null, 'csv', '   ')).toBe('ucdp.csv');
    // A search of one long word is cut, so that the name stays one a file system takes.
    expect(exportFileName('ucdp.csv', null, 'csv', 'x'.repeat(500))).toBe(
      `ucdp_${'x'.repeat(40)}.csv`,
    );
  });

  it('quotes cells that need it and defuses spreadsheet formulas, but not negative numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-122.74')).toBe('-122.74');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('splits a list cell back into exactly the parts it was joined from (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        (parts) => {
          // One empty part and no parts are the same empty cell.
          fc.pre(!(parts.length === 1 && parts[0] === ''));
          expect(splitListCell(joinListCell(parts))).toEqual(parts);
        },
      ),
    );
  });
});
