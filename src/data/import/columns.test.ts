import { describe, expect, it } from 'vitest';
import { normalizeColumnName } from './column-names.ts';
import { parseCoordinate } from './coordinate-cell.ts';
import { proposeMapping } from './columns.ts';

const table = (columns: string[], ...rows: string[][]) => ({ columns, rows });

describe('proposeMapping', () => {
  it('is sure of common names and maps them without asking', () => {
    const proposal = proposeMapping(
      table(
        ['entry', 'date', 'title', 'brief description', 'lat', 'lon', 'town/city', 'link'],
        [
          'UW1',
          '2022-01-01',
          'Convoy',
          'A convoy',
          '54.1',
          '27.2',
          'Petrishki',
          'https://a.example/1',
        ],
        ['UW2', '2022-01-02', 'Strike', 'A strike', '50.4', '30.5', 'Kyiv', 'https://a.example/2'],
      ),
    );
    expect(proposal.doubts).toEqual([]);
    expect(proposal.mapping).toMatchObject({
      id: 'entry',
      date: 'date',
      title: 'title',
      summary: 'brief description',
      latitude: 'lat',
      longitude: 'lon',
      place: 'town/city',
      link: 'link',
    });
  });

  it('prefers latitude/longitude over x/y, which are projected metres in earthquake catalogues', () => {
    const proposal = proposeMapping(
      table(
        ['id', 'time', 'longitude', 'latitude', 'magnitude', 'x', 'y'],
        ['0', '1990-01-01 09:03:12.880', '140.568', '36.417', '4.8', '204.09', '90.78'],
      ),
    );
    expect(proposal.mapping.latitude).toBe('latitude');
    expect(proposal.mapping.longitude).toBe('longitude');
    expect(proposal.mapping.date).toBe('time');
    // No title column: a measurement stands in, and the reader is asked to confirm.
    expect(proposal.mapping.title).toBe('magnitude');
    expect(proposal.doubts).toEqual(['“magnitude” was guessed as the title.']);
  });

  it('finds facility coordinates, skips "Date Entered/Updated", and doubts a guessed title', () => {
    const proposal = proposeMapping(
      table(
        [
          'F1',
          'Date',
          'Date Entered/Updated',
          'Missile Name',
          'Facility Latitude',
          'Facility Longitude',
        ],
        ['1', '9-Apr-84', '23-Dec-16', 'Scud-B', '40.85', '129.67'],
        ['2', 'Sep-84', '23-Dec-16', 'Scud-B', 'Unknown', 'Unknown'],
      ),
    );
    expect(proposal.mapping).toMatchObject({
      date: 'Date',
      latitude: 'Facility Latitude',
      longitude: 'Facility Longitude',
      title: 'Missile Name',
    });
    expect(proposal.doubts).toEqual(['“Missile Name” was guessed as the title.']);
  });

  it('asks which order 03/04/2020 is in when the data cannot tell, and decides when it can', () => {
    const columns = ['date', 'title', 'lat', 'lon'];
    const ambiguous = proposeMapping(
      table(columns, ['03/04/2020', 'A', '1', '2'], ['05/06/2020', 'B', '1', '2']),
    );
    expect(ambiguous.dayOrderEvidence).toBe('undecided');
    expect(ambiguous.doubts).toContain(
      'Every date fits both day/month and month/day order: which is it?',
    );
    const decided = proposeMapping(
      table(columns, ['03/04/2020', 'A', '1', '2'], ['05/26/2020', 'B', '1', '2']),
    );
    expect(decided.dayOrder).toBe('month-first');
    expect(decided.doubts).toEqual([]);
  });

  it('says which required columns it could not find', () => {
    const proposal = proposeMapping(table(['when', 'what'], ['2024-01-01', 'Something']));
    expect(proposal.mapping.latitude).toBeNull();
    expect(proposal.doubts).toContain('No column looks like the latitude.');
    expect(proposal.doubts).toContain('No column looks like the longitude.');
  });

  it('does not take a column of words as coordinates or a column of numbers as a title', () => {
    const proposal = proposeMapping(
      table(['date', 'lat', 'long', 'name'], ['2024-01-01', 'north', 'west', '12']),
    );
    expect(proposal.mapping.latitude).toBeNull();
    expect(proposal.mapping.longitude).toBeNull();
  });
});

describe('helpers', () => {
  it('normalises column names and reads decimal commas', () => {
    expect(normalizeColumnName('Facility Latitude')).toBe('facilitylatitude');
    expect(parseCoordinate('40,85')).toBe(40.85);
    expect(parseCoordinate(' -116.66 ')).toBe(-116.66);
    expect(parseCoordinate('Unknown')).toBeNull();
    expect(parseCoordinate('1e400')).toBeNull();
  });

  it('reads plain decimals as the general rule does, and refuses what it refuses', () => {
    expect(parseCoordinate('-18.31845')).toBe(-18.31845);
    expect(parseCoordinate('125')).toBe(125);
    expect(parseCoordinate('12.')).toBe(12);
    expect(parseCoordinate('-0')).toBe(-0);
    expect(parseCoordinate('9'.repeat(400))).toBeNull();
    for (const text of ['-', '.', '-.', '1.2.3', '12-', '--1', '1 2', '١٢٣', '']) {
      expect(parseCoordinate(text), text).toBeNull();
    }
    expect(parseCoordinate('.5')).toBe(0.5);
    expect(parseCoordinate('+7.25')).toBe(7.25);
  });
});
