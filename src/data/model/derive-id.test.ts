import { describe, expect, it } from 'vitest';
import { slugify } from './derive-id.ts';

describe('slugify', () => {
  it('gives an id that is already a slug back as it is', () => {
    expect(slugify('event-1234', 20)).toBe('event-1234');
    expect(slugify('a1', 20)).toBe('a1');
  });

  it('cuts a slug with more words than allowed, as it cuts any text', () => {
    expect(slugify('a-b-c-d-e-f-g')).toBe('a-b-c-d-e-f');
    expect(slugify('a-b-c-d-e-f-g', 7)).toBe('a-b-c-d-e-f-g');
  });

  it('lowers case, drops accents and joins words of any other text with single hyphens', () => {
    expect(slugify('Event--1234')).toBe('event-1234');
    expect(slugify('-event-1234-')).toBe('event-1234');
    expect(slugify('Café  Crème, Sinpo')).toBe('cafe-creme-sinpo');
    expect(slugify('EVENT-1')).toBe('event-1');
  });
});
