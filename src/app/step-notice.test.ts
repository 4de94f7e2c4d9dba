import { afterEach, describe, expect, it } from 'vitest';
import { activateLanguage } from '../lib/i18n/activate.ts';
import { stepNoticeText } from './step-notice.ts';

describe('stepNoticeText: a story address’s step corrected, said', () => {
  afterEach(() => activateLanguage('en'));

  it('says where the reader was sent instead, with the step asked for', () => {
    expect(stepNoticeText({ kind: 'no-such-step', asked: 'abc' })).toBe(
      'There is no step “abc”: steps are numbered from 1, so the story’s cover is shown.',
    );
    expect(stepNoticeText({ kind: 'past-the-end', count: 6, asked: '99' })).toBe(
      'This story has 6 steps, so step 6, the last, is shown instead of step 99.',
    );
    expect(stepNoticeText({ kind: 'past-the-end', count: 1, asked: '2' })).toBe(
      'This story has 1 step, so step 1, the last, is shown instead of step 2.',
    );
  });

  it('speaks Korean once Korean is active', async () => {
    await activateLanguage('ko');
    const text = stepNoticeText({ kind: 'past-the-end', count: 6, asked: '99' });
    expect(text).toMatch(/[가-힣]/);
    expect(text).toContain('99');
    expect(text).toContain('6');
  });
});
