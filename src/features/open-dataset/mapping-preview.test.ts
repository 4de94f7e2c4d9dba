import { describe, expect, it } from 'vitest';
import { emptyMapping } from '../../data/import/column-mapping.ts';
import { previewRows } from './mapping-preview.ts';

const columns = ['기록', '제목', '가', '나'];
const rows = [
  ['2024-10-08', '서울 국방부 발표', '37.534', '126.977'],
  ['', '', 'x', '127.0'],
];

describe('previewRows', () => {
  it('says "not chosen" for fields the reader has not picked a column for', () => {
    const [first] = previewRows(columns, rows, emptyMapping(), 'day-first');
    expect(first).toEqual({ date: 'not chosen', title: 'not chosen', position: 'not chosen' });
  });

  it('reads chosen columns, and says when a chosen cell is empty or unreadable', () => {
    const mapping = {
      ...emptyMapping(),
      date: '기록',
      title: '제목',
      latitude: '가',
      longitude: '나',
    };
    const [first, second] = previewRows(columns, rows, mapping, 'day-first');
    expect(first?.title).toBe('서울 국방부 발표');
    expect(first?.position).toBe('37.534, 126.977');
    expect(first?.date).not.toBe('not chosen');
    expect(second).toEqual({ date: 'not read: empty', title: '—', position: 'no coordinates' });
  });

  it('needs both coordinates chosen before it reads a position', () => {
    const mapping = { ...emptyMapping(), latitude: '가' };
    expect(previewRows(columns, rows, mapping, 'day-first')[0]?.position).toBe('not chosen');
  });
});
