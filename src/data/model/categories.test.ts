import { describe, expect, it } from 'vitest';
import {
  categoryCountText,
  categoryLabel,
  categoryPalette,
  isAnyCategoryFiltered,
  scaleRank,
} from './categories.ts';

describe('categoryPalette', () => {
  it('uses the dataset’s own labels and colours, and leaves the palette’s slots to the others', () => {
    const palette = categoryPalette(['fire', 'flood', 'storm'], null, {
      flood: { label: 'Flooding', colour: '#0066aa' },
      storm: { label: 'Storms' },
    });
    expect(palette.slotOf('flood')).toBe('custom-1');
    expect(palette.colourOf('flood')).toBe('#0066aa');
    expect(palette.customColours).toEqual([{ slot: 'custom-1', colour: '#0066aa' }]);
    expect(palette.labelOf('flood')).toBe('Flooding');
    expect(palette.legendLabelOf('storm')).toBe('Storms');
    expect(palette.labelOf('fire')).toBe('Fire');
    expect([palette.slotOf('fire'), palette.slotOf('storm')]).toEqual(['category-1', 'category-2']);
    expect(palette.customColourOf('fire')).toBeNull();
  });

  it('keeps the bundled categories’ colours whatever else the data holds', () => {
    const palette = categoryPalette(['SRBM', 'strike', 'statement', 'quarry blast', 'other']);
    expect(palette.slotOf('statement')).toBe('category-1');
    expect(palette.slotOf('strike')).toBe('category-2');
    expect(palette.slotOf('other')).toBe('category-other');
    expect(palette.colourOf('strike')).toBe('var(--category-2)');
    // The others take the free slots in order of frequency.
    expect(palette.slotOf('SRBM')).toBe('category-3');
    expect(palette.slotOf('quarry blast')).toBe('category-4');
    expect(palette.graded).toBe(false);
  });

  it('gives a slot to categories named like Object’s own keys, and "other" to strangers', () => {
    const palette = categoryPalette(['constructor', '__proto__', 'toString']);
    expect(palette.slotOf('constructor')).toBe('category-1');
    expect(palette.slotOf('__proto__')).toBe('category-2');
    expect(palette.slotOf('never seen')).toBe('category-other');
  });

  it('reuses slots past six categories, most frequent first', () => {
    const categories = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const palette = categoryPalette(categories);
    expect(categories.slice(0, 6).map(palette.slotOf)).toEqual([
      'category-1',
      'category-2',
      'category-3',
      'category-4',
      'category-5',
      'category-6',
    ]);
    expect(palette.slotOf('g')).toBe('category-1');
  });

  it('grades levels 1–5 in order, and colours a value off the scale apart', () => {
    const palette = categoryPalette(['2', '1', '3', 'GRAPHIC', '4', '5']);
    expect(palette.graded).toBe(true);
    expect(['1', '2', '3', '4', '5'].map(palette.slotOf)).toEqual([
      'grade-1',
      'grade-2',
      'grade-3',
      'grade-4',
      'grade-5',
    ]);
    expect(palette.slotOf('GRAPHIC')).toMatch(/^category-/);
    expect(palette.order(['2', 'GRAPHIC', '1', '5'])).toEqual(['1', '2', '5', 'GRAPHIC']);
  });

  it('spreads a short scale over the grades: low, medium, high', () => {
    const palette = categoryPalette(['High', 'low', 'Medium']);
    expect(palette.graded).toBe(true);
    expect(['low', 'Medium', 'High'].map(palette.slotOf)).toEqual([
      'grade-1',
      'grade-3',
      'grade-5',
    ]);
  });

  it('does not grade categories that merely include a number or two', () => {
    expect(categoryPalette(['1', '2', 'strike', 'statement', 'diplomacy']).graded).toBe(false);
    expect(categoryPalette(['1', '2']).graded).toBe(false);
    expect(categoryPalette(['SRBM', 'IRBM', 'ICBM']).graded).toBe(false);
  });
});

describe('scaleRank', () => {
  it('reads numbers and the words of common scales', () => {
    expect(scaleRank(' 3 ')).toBe(3);
    expect(scaleRank('very-high')).toBeGreaterThan(scaleRank('High') ?? Infinity);
    expect(scaleRank('Moderate')).toBe(scaleRank('medium'));
    expect(scaleRank('Graphic')).toBeNull();
  });
});

describe('categoryLabel', () => {
  it('labels slugs as words and keeps acronyms', () => {
    expect(categoryLabel('missile-test')).toBe('Missile test');
    expect(categoryLabel('SRBM')).toBe('SRBM');
  });
});

describe('labelOf', () => {
  it('names bare levels by their column, and everything else as a label', () => {
    const palette = categoryPalette(['1', '2', '3', 'GRAPHIC', 'missile-test'], 'violence level');
    expect(palette.labelOf('3')).toBe('Violence level 3');
    expect(palette.labelOf('GRAPHIC')).toBe('GRAPHIC');
    expect(palette.labelOf('missile-test')).toBe('Missile test');
    expect(categoryPalette(['1', '2', '3']).labelOf('2')).toBe('2');
  });
});

describe('category counts, as the legend and the Filters sheet show them', () => {
  const strikes = { category: 'strike', total: 4_000, shown: 4_000 };
  const counts = [strikes, { category: 'statement', total: 20, shown: 20 }];

  it('say the dataset’s count while no filter takes events away', () => {
    expect(isAnyCategoryFiltered(counts)).toBe(false);
    expect(counts.map((count) => categoryCountText(count, false))).toEqual(['4,000', '20']);
  });

  it('say how many each keeps once any filter takes events away, even from another category', () => {
    const searched = [strikes, { category: 'statement', total: 20, shown: 4 }];
    expect(isAnyCategoryFiltered(searched)).toBe(true);
    expect(searched.map((count) => categoryCountText(count, true))).toEqual([
      '4,000 of 4,000',
      '4 of 20',
    ]);
  });

  it('say the count is not known yet rather than give the whole dataset’s under a filter', () => {
    const counting = counts.map((count) => ({ ...count, shown: null }));
    expect(isAnyCategoryFiltered(counting)).toBe(true);
    expect(counting.map((count) => categoryCountText(count, true))).toEqual([
      '… of 4,000',
      '… of 20',
    ]);
  });
});
