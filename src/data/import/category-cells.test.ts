import { describe, expect, it } from 'vitest';
import { cleanCategory, mergeCategoryForms } from './category-cells.ts';

describe('mergeCategoryForms', () => {
  it('merges values that differ only in case or spacing into the form most rows use', () => {
    const cells = ['GRAPHIC', 'Graphic', 'GRAPHIC', '1', 'Air strike', 'air  strike', 'air strike'];
    const { formOf, merges } = mergeCategoryForms(cells.map(cleanCategory));
    expect(formOf('Graphic')).toBe('GRAPHIC');
    expect(formOf('GRAPHIC')).toBe('GRAPHIC');
    expect(formOf('Air strike')).toBe('air strike');
    expect(formOf('1')).toBe('1');
    expect(merges).toEqual([
      { into: 'GRAPHIC', merged: [{ from: 'Graphic', rows: 1 }] },
      { into: 'air strike', merged: [{ from: 'Air strike', rows: 1 }] },
    ]);
  });

  it('keeps the first form seen when two are as common, and leaves distinct values alone', () => {
    const { formOf, merges } = mergeCategoryForms(['Low', 'LOW', 'SRBM', 'IRBM', '']);
    expect(formOf('LOW')).toBe('Low');
    expect(formOf('SRBM')).toBe('SRBM');
    expect(merges).toHaveLength(1);
  });

  it('cleans cells as before: commas and runs of spaces become one space', () => {
    expect(cleanCategory('  strike,  air ')).toBe('strike air');
  });
});
