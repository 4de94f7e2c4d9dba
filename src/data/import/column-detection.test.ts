/** Korean header names, and columns chosen from their values when their names mean nothing. */
import { describe, expect, it } from 'vitest';
import { normalizeColumnName } from './column-names.ts';
import { allDates, decimalRange, detectCoordinatePair } from './column-content.ts';
import { proposeMapping } from './columns.ts';

const table = (columns: string[], ...rows: string[][]) => ({ columns, rows });

const KOREAN_ROWS = [
  [
    '2024-10-08',
    '서울 국방부 발표',
    '북한 미사일 관련 발표',
    '서울 용산',
    '37.5340',
    '126.9770',
    'https://a.example/1',
    '발표',
  ],
  [
    '2024-06',
    '평양 행사',
    '평양에서 열린 행사',
    '평양',
    '39.0392',
    '125.7625',
    'https://a.example/2',
    '행사',
  ],
];

describe('Korean header names', () => {
  it('keeps Hangul when it normalises a name, and drops spaces, case and Latin accents', () => {
    expect(normalizeColumnName(' 발생 일자 ')).toBe('발생일자');
    expect(normalizeColumnName('Facility Latitude')).toBe('facilitylatitude');
    expect(normalizeColumnName('Catégorie')).toBe('categorie');
  });

  it('maps 날짜, 제목, 내용, 장소, 위도, 경도, 출처 and 분류 without asking', () => {
    const proposal = proposeMapping(
      table(['날짜', '제목', '내용', '장소', '위도', '경도', '출처', '분류'], ...KOREAN_ROWS),
    );
    expect(proposal.doubts).toEqual([]);
    expect(proposal.mapping).toMatchObject({
      date: '날짜',
      title: '제목',
      summary: '내용',
      place: '장소',
      latitude: '위도',
      longitude: '경도',
      link: '출처',
      category: '분류',
    });
  });

  it('knows the other names a newsroom uses: 일시, 요약, 위치, 링크, 유형, 주소, 카테고리', () => {
    const first = proposeMapping(
      table(['일시', '제목', '요약', '위치', '위도', '경도', '링크', '유형'], ...KOREAN_ROWS),
    );
    expect(first.doubts).toEqual([]);
    expect(first.mapping).toMatchObject({
      date: '일시',
      summary: '요약',
      place: '위치',
      link: '링크',
      category: '유형',
    });
    const second = proposeMapping(
      table(['일자', '제목', '설명', '주소', '위도', '경도', '링크', '카테고리'], ...KOREAN_ROWS),
    );
    expect(second.mapping).toMatchObject({ date: '일자', place: '주소', category: '카테고리' });
  });
});

describe('columns read from their values', () => {
  it('takes the date from the one column whose every value is a date', () => {
    const proposal = proposeMapping(
      table(
        ['제목', '기록', '위도', '경도'],
        ['서울 발표', '2024-10-08', '37.534', '126.977'],
        ['평양 행사', '8 June 2024', '39.039', '125.762'],
      ),
    );
    expect(proposal.mapping.date).toBe('기록');
    expect(proposal.doubts).toEqual([]);
    expect(proposal.suggestions).toContain('“기록” was read as the date from its values.');
  });

  it('takes latitude and longitude from a pair of decimal columns, ±90 and beyond', () => {
    const proposal = proposeMapping(
      table(
        ['제목', '날짜', '가', '나'],
        ['서울 발표', '2024-10-08', '37.534', '126.977'],
        ['도네츠크', '2024-09', '48.015', '37.802'],
      ),
    );
    expect(proposal.mapping.latitude).toBe('가');
    expect(proposal.mapping.longitude).toBe('나');
    expect(proposal.doubts).toEqual([]);
  });

  it('reads a pair the other way round: longitude first', () => {
    const proposal = proposeMapping(
      table(
        ['제목', '날짜', '가', '나'],
        ['서울 발표', '2024-10-08', '126.977', '37.534'],
        ['신포', '2024-10-04', '128.182', '40.026'],
      ),
    );
    expect(proposal.mapping).toMatchObject({ latitude: '나', longitude: '가' });
  });

  it('asks when both columns fit within ±90, reading latitude first', () => {
    const proposal = proposeMapping(
      table(
        ['title', 'date', 'a', 'b'],
        ['Paris', '2024-10-08', '48.857', '2.352'],
        ['Lagos', '2024-10-09', '6.524', '3.379'],
      ),
    );
    expect(proposal.mapping).toMatchObject({ latitude: 'a', longitude: 'b' });
    expect(proposal.doubts).toContain('“a” was guessed as the latitude.');
  });

  it('never takes a column of counts for a latitude', () => {
    const proposal = proposeMapping(
      table(
        ['title', 'date', 'casualties', 'x2'],
        ['A', '2024-10-08', '12', '126.977'],
        ['B', '2024-10-09', '3', '125.762'],
      ),
    );
    expect(proposal.mapping.latitude).toBeNull();
    expect(proposal.mapping.longitude).toBeNull();
    expect(proposal.doubts).toContain('No column looks like the latitude.');
  });

  it('never overrides a recognised header with a column that only looks like one', () => {
    const proposal = proposeMapping(
      table(
        ['title', 'date', 'recorded', 'lat', 'lon', 'p', 'q'],
        ['A', '2024-10-08', '2024-11-01', '37.534', '126.977', '10.5', '100.5'],
        ['B', '2024-10-09', '2024-11-02', '39.039', '125.762', '11.5', '101.5'],
      ),
    );
    expect(proposal.mapping).toMatchObject({ date: 'date', latitude: 'lat', longitude: 'lon' });
    expect(proposal.suggestions.join(' ')).not.toMatch(/from its values/);
  });

  it('asks when two unnamed columns are all dates', () => {
    const proposal = proposeMapping(
      table(
        ['제목', '가', '나', '위도', '경도'],
        ['서울', '2024-10-08', '2024-10-09', '37.534', '126.977'],
      ),
    );
    expect(proposal.mapping.date).toBe('가');
    expect(proposal.doubts).toContain('“가” was guessed as the date.');
  });

  it('does not read a column of years or counts as the date', () => {
    expect(allDates(['2024', '1999', '2001'])).toBe(false);
    expect(allDates(['3', '12'])).toBe(false);
    expect(allDates(['2024-10-08', '2024-06', '2024-09~'])).toBe(true);
    expect(allDates(['2024-10-08', 'soon'])).toBe(false);
    expect(allDates([])).toBe(false);
  });

  it('needs decimals and numbers only for a coordinate column, and finds no pair among three', () => {
    expect(decimalRange(['1', '2', '3'])).toBeNull();
    expect(decimalRange(['37.5', 'n/a'])).toBeNull();
    expect(decimalRange(['37.5', '-126.1'])).toBe(126.1);
    const values: Record<number, string[]> = { 0: ['10.5'], 1: ['20.5'], 2: ['30.5'] };
    expect(detectCoordinatePair([0, 1, 2], (column) => values[column] ?? [])).toBeNull();
  });
});
