import { afterEach, describe, expect, it } from 'vitest';
import { MAPPED_FIELDS } from '../../data/import/column-mapping.ts';
import { proposeMapping } from '../../data/import/columns.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../../locales/en.ts';
import { messages as koreanMessages } from '../../locales/ko.ts';
import { fieldLabel, mappingNoteText, mergeText } from './import-text.ts';

const table = (columns: string[], ...rows: string[][]) => ({ columns, rows });

// A column of few values repeated on many rows: suggested as the category.
const levels = ['low', 'high', 'medium'].flatMap((level) => [level, level, level, level]);
const tables = {
  guessedTitle: table(
    ['id', 'time', 'longitude', 'latitude', 'magnitude'],
    ['0', '1990-01-01', '140.568', '36.417', '4.8'],
  ),
  missing: table(['when', 'what'], ['2024-01-01', 'Something']),
  fromValues: table(
    ['제목', '기록', '위도', '경도'],
    ['서울 발표', '2024-10-08', '37.534', '126.977'],
    ['평양 행사', '8 June 2024', '39.039', '125.762'],
  ),
  undecided: table(
    ['date', 'title', 'lat', 'lon'],
    ['03/04/2020', 'A', '1', '2'],
    ['05/06/2020', 'B', '1', '2'],
  ),
  category: table(
    ['date', 'title', 'lat', 'lon', 'q'],
    ...levels.map((level, row) => [`2024-01-${10 + row}`, `Event ${row}`, '1.5', '2.5', level]),
  ),
};

afterEach(() => {
  i18n.loadAndActivate({ locale: 'en', messages: englishMessages });
});

describe('mappingNoteText', () => {
  it('says in English what the importer’s own English says, note for note', () => {
    for (const [name, input] of Object.entries(tables)) {
      const proposal = proposeMapping(input);
      expect(proposal.doubtNotes.map(mappingNoteText), name).toEqual(proposal.doubts);
      expect(proposal.suggestionNotes.map(mappingNoteText), name).toEqual(proposal.suggestions);
    }
    expect(proposeMapping(tables.category).suggestionNotes).toEqual([
      { kind: 'category', column: 'q', count: 3 },
    ]);
  });

  it('says it in Korean once Korean is active, with the field’s Korean name', () => {
    i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages });
    expect(mappingNoteText({ kind: 'guessed', field: 'title', column: 'magnitude' })).toBe(
      '제목: “magnitude” 열로 추정했습니다.',
    );
    expect(mappingNoteText({ kind: 'missing', field: 'latitude' })).toBe(
      '위도에 해당하는 열을 찾지 못했습니다.',
    );
  });
});

describe('fieldLabel', () => {
  it('names every field, each differently', () => {
    const labels = MAPPED_FIELDS.map(fieldLabel);
    expect(new Set(labels).size).toBe(MAPPED_FIELDS.length);
    expect(fieldLabel('link')).toBe('Source link');
  });
});

describe('mergeText', () => {
  it('names each merged form with its rows, and the form kept', () => {
    expect(mergeText({ into: 'GRAPHIC', merged: [{ from: 'Graphic', rows: 1 }] })).toBe(
      '“Graphic” (1 row) into “GRAPHIC”',
    );
    expect(
      mergeText({
        into: 'air strike',
        merged: [
          { from: 'Air strike', rows: 1204 },
          { from: 'air  strike', rows: 2 },
        ],
      }),
    ).toBe('“Air strike” (1,204 rows), “air  strike” (2 rows) into “air strike”');
  });
});
