import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and numbers their lines', () => {
    const text =
      'id,title,notes\r\n1,"Strike, north","He said ""now""."\r\n2,Summit,"two\nlines"\r\n\r\n3,Test,\r\n';
    const table = parseCsv(text);
    expect(table.header).toEqual(['id', 'title', 'notes']);
    expect(table.rows).toEqual([
      ['1', 'Strike, north', 'He said "now".'],
      ['2', 'Summit', 'two\nlines'],
      ['3', 'Test', ''],
    ]);
    // Row 2's quoted line break means row 3 starts two lines further on, after the blank line.
    expect(table.rowLines).toEqual([2, 3, 6]);
  });

  it('pads short rows, keeps a byte-order mark out of the first column name', () => {
    const table = parseCsv('\ufeffdate;lat;lon\n2024-01-01;1,5\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['date', 'lat', 'lon']);
    expect(table.rows).toEqual([['2024-01-01', '1,5', '']]);
  });

  it('refuses a quote that never closes, naming its line, rather than swallowing the rows after it', () => {
    expect(() =>
      parseCsv('date,lat,lon,title\n2020-01-01,1,2,"unterminated\n2020-01-02,1,2,b\n'),
    ).toThrow(/^Line 2 opens a quoted cell \("\) that is never closed/);
  });

  it('chooses tab, semicolon or comma from the header line', () => {
    expect(detectDelimiter('a\tb\tc\n1,2,3')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a,b\n')).toBe(',');
  });

  it('round-trips any table written with RFC 4180 quoting (property)', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        (rows) => {
          const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
          const text = ['a,b,c', ...rows.map((row) => row.map(quote).join(','))].join('\r\n');
          const table = parseCsv(text);
          // A row of three empty quoted cells is still a row; only truly blank lines are skipped.
          expect(table.rows).toEqual(rows);
        },
      ),
    );
  });
});
