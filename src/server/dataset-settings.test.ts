import { describe, expect, it } from 'vitest';
import { emptyMapping, type MappingNote } from '../data/import/column-mapping.ts';
import { columnsRead } from './dataset-settings.ts';

const mapping = {
  ...emptyMapping(),
  date: 'date_start',
  latitude: 'latitude',
  longitude: 'longitude',
  title: 'conflict_name',
};
const titleGuessed: MappingNote = { kind: 'guessed', field: 'title', column: 'conflict_name' };
const dayOrder: MappingNote = { kind: 'day-order', evidence: 'undecided' };

describe('what a data server tells the page of the columns it read', () => {
  it('lists each field read from a column, and none for a file without a table', () => {
    expect(columnsRead(mapping, null, {})).toEqual({
      fields: {
        date: 'date_start',
        latitude: 'latitude',
        longitude: 'longitude',
        title: 'conflict_name',
      },
      proposed: false,
      guessed: [],
    });
    expect(columnsRead(null, null, {})).toBeNull();
  });

  it('says the importer’s proposal was taken, and which column it guessed, when nothing chose', () => {
    const read = columnsRead(mapping, [titleGuessed, dayOrder], {});
    expect(read?.proposed).toBe(true);
    expect(read?.guessed).toEqual(['title']);
  });

  it('does not count a doubt of the day order alone as a doubt of the columns', () => {
    expect(columnsRead(mapping, [dayOrder], {})).toMatchObject({ proposed: false, guessed: [] });
  });

  it('keeps a guess the settings left open, and drops one they set', () => {
    const placeSet = columnsRead(mapping, [titleGuessed], { columns: { place: 'where' } });
    expect(placeSet).toMatchObject({ proposed: false, guessed: ['title'] });
    const titleSet = columnsRead(mapping, [titleGuessed], {
      columns: { title: 'conflict_name' },
    });
    expect(titleSet?.guessed).toEqual([]);
    // A guess the reading no longer follows is no guess of its columns.
    const other = columnsRead({ ...mapping, title: 'source_headline' }, [titleGuessed], {});
    expect(other?.guessed).toEqual([]);
  });
});
