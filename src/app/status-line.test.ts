import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n/i18n.ts';
import { messages as englishMessages } from '../locales/en.ts';
import { messages as koreanMessages } from '../locales/ko.ts';
import { formatShowing } from './status-line.tsx';

describe('the status line', () => {
  it('counts events in English, one and many, with thousands grouped', () => {
    expect(formatShowing(1, 1)).toBe('Showing 1 of 1 event');
    expect(formatShowing(4, 6)).toBe('Showing 4 of 6 events');
    expect(formatShowing(0, 1)).toBe('Showing 0 of 1 event');
    expect(formatShowing(1234, 56789)).toBe('Showing 1,234 of 56,789 events');
  });

  describe('in Korean', () => {
    beforeAll(() => i18n.loadAndActivate({ locale: 'ko', messages: koreanMessages }));
    afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: englishMessages }));

    it('has one form for every count', () => {
      expect(formatShowing(1, 1)).toBe('사건 1건 중 1건 표시');
      expect(formatShowing(1234, 56789)).toBe('사건 56,789건 중 1,234건 표시');
    });
  });
});
