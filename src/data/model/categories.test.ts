import { describe, expect, it } from 'vitest';
import { categoryColor, categoryLabel } from './categories.ts';

describe('categories', () => {
  it('gives every category a palette colour, even ones named like Object’s own keys', () => {
    for (const category of ['constructor', '__proto__', 'toString', 'SRBM', 'quarry blast']) {
      expect(categoryColor(category)).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(categoryColor('strike')).toBe('#c0392b');
  });

  it('labels slugs as words and keeps acronyms', () => {
    expect(categoryLabel('missile-test')).toBe('Missile test');
    expect(categoryLabel('SRBM')).toBe('SRBM');
  });
});
