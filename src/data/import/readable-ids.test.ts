import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { koreanTitle } from '../../testing/korean-titles.ts';
import { deriveEventId } from '../model/derive-id.ts';
import { parseEdtf, type EventDate } from '../model/edtf.ts';
import { emptyMapping } from './column-mapping.ts';
import { importDataset } from './import-dataset.ts';
import { readableSlug } from './readable-ids.ts';
import { ID_PATTERN } from '../model/read-record.ts';

const encoder = new TextEncoder();

function dateOf(edtf: string): EventDate {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.date;
}

/** The ids a CSV of these rows gets, by title: the table path, where ids are made readable. */
function idsOf(rows: string[][]): Record<string, string> {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const text = ['날짜,제목,위도,경도', ...rows.map((row) => row.map(quote).join(','))].join('\n');
  const mapping = {
    ...emptyMapping(),
    date: '날짜',
    title: '제목',
    latitude: '위도',
    longitude: '경도',
  };
  const outcome = importDataset(
    [{ name: 'a.csv', bytes: encoder.encode(text) }],
    { mapping, dayOrder: 'day-first' },
    { sourceUrl: null },
  );
  if (outcome.kind !== 'dataset') throw new Error(`expected a dataset, got ${outcome.kind}`);
  return Object.fromEntries(outcome.dataset.events.map((event) => [event.title, event.id]));
}

describe('readableSlug', () => {
  it('romanizes Hangul with the Revised Romanization of Korean', () => {
    expect(readableSlug('신포')).toBe('sinpo');
    expect(readableSlug('평양')).toBe('pyeongyang');
    expect(readableSlug('도네츠크')).toBe('donecheukeu');
    expect(readableSlug('서울 용산 국방부')).toBe('seoul-yongsan-gukbangbu');
    expect(readableSlug('KCNA: 신포 잠수함 발사')).toBe('kcna-sinpo-jamsuham-balsa');
  });

  it('keeps ids within the contract: other scripts, with no romanizer, give no words', () => {
    expect(readableSlug('Удар по Донецку')).toBe('');
    expect(readableSlug('東京 地震 M7')).toBe('m7');
    expect(readableSlug('Café 신포')).toBe('cafe-sinpo');
  });
});

describe('readable ids of imported rows', () => {
  it('gives Korean titles romanized ids with the hash deriveEventId gives', () => {
    const ids = idsOf([
      ['2024-10-04', '신포 잠수함 발사', '40.026', '128.182'],
      ['2024-06', '평양 행사', '39.039', '125.762'],
    ]);
    const hash = deriveEventId({
      title: '신포 잠수함 발사',
      date: dateOf('2024-10-04'),
      latitude: 40.026,
      longitude: 128.182,
    }).slice(-7);
    expect(ids['신포 잠수함 발사']).toBe(`sinpo-jamsuham-balsa-${hash}`);
    expect(ids['평양 행사']).toMatch(/^pyeongyang-haengsa-[0-9a-z]{7}$/);
  });

  it('leaves the ids of a file with Latin titles only exactly as derive-id.ts makes them', () => {
    const ids = idsOf([['2024-10-08', 'Seoul briefing', '37.534', '126.977']]);
    const expected = deriveEventId({
      title: 'Seoul briefing',
      date: dateOf('2024-10-08'),
      latitude: 37.534,
      longitude: 126.977,
    });
    expect(ids['Seoul briefing']).toBe(expected);
  });

  it('tells identical Korean rows apart with a counter', () => {
    const text = ['2024-10-08', '서울 발표', '37.534', '126.977'];
    const outcome = importDataset(
      [
        {
          name: 'a.csv',
          bytes: encoder.encode(`날짜,제목,위도,경도\n${text.join(',')}\n${text.join(',')}\n`),
        },
      ],
      null,
      { sourceUrl: null },
    );
    if (outcome.kind !== 'dataset') throw new Error(outcome.kind);
    const [first, second] = outcome.dataset.events.map((event) => event.id);
    expect(first).toMatch(/^seoul-balpyo-[0-9a-z]{7}$/);
    expect(second).toBe(`${first ?? ''}-2`);
  });

  it('do not change when rows are reordered or others are added (property)', () => {
    fc.assert(
      fc.property(
        // Each with Hangul: a column of numbers alone would be read as "제목 2024" (table-to-dataset.ts).
        fc.uniqueArray(
          koreanTitle.filter((title) => /[가-힣]/.test(title)),
          { minLength: 1, maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (titles, seed) => {
          const rows = titles.map((title, index) => [
            `20${10 + (index % 15)}`,
            title,
            (index / 2).toFixed(3),
            `${index}.5`,
          ]);
          const before = idsOf(rows);
          const shuffled = [...rows].sort(
            (a, b) => (((a[1]?.length ?? 0) * seed) % 7) - (((b[1]?.length ?? 0) * seed) % 7),
          );
          const after = idsOf([['2001', '추가된 기록', '1.5', '2.5'], ...shuffled.reverse()]);
          for (const [title, id] of Object.entries(before)) expect(after[title]).toBe(id);
          for (const id of Object.values(before)) expect(id).toMatch(ID_PATTERN);
        },
      ),
      { numRuns: 100 },
    );
  });
});
