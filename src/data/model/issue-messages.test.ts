import { afterEach, describe, expect, it } from 'vitest';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { fillPlaceholders, inEnglish } from '../../lib/i18n/message.ts';
import { sayMessage } from '../../lib/i18n/say-message.ts';
import { sayReason } from '../../lib/i18n/say-reason.ts';
import { validateFeatureCollection } from './validate.ts';

const brokenRecords = validateFeatureCollection({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'far-north',
      geometry: { type: 'Point', coordinates: [10, 123] },
      properties: { title: 'Too far north', date: '2024-10-08', sources: [{ publisher: 'AP' }] },
    },
    {
      type: 'Feature',
      id: 'numbered-title',
      geometry: { type: 'Point', coordinates: [10, 10] },
      properties: { title: 5, date: '2024-10-08', sources: [{ publisher: 'AP' }] },
    },
  ],
});

describe('messages made without Lingui', () => {
  afterEach(() => activateLanguage('en'));

  it('read in English with their values, and the values’ own messages, filled in', () => {
    expect(brokenRecords.issues.map((issue) => issue.reason)).toEqual([
      'latitude 123 is outside −90…90',
      'expected text, got a number',
    ]);
    expect(brokenRecords.issues.map((issue) => inEnglish(issue.message ?? { id: '' }))).toEqual(
      brokenRecords.issues.map((issue) => issue.reason),
    );
    expect(brokenRecords.issues.map(sayReason)).toEqual([
      'latitude 123 is outside −90…90',
      'expected text, got a number',
    ]);
  });

  it('are said in Korean, the words inside them too', async () => {
    await activateLanguage('ko');
    expect(brokenRecords.issues.map(sayReason)).toEqual([
      '위도 123은(는) −90…90 범위를 벗어납니다',
      '텍스트가 있어야 하는데 숫자입니다',
    ]);
  });

  it('keep a value’s braces as written, and a reason without a message as it is', async () => {
    const message = {
      id: 'expected text by language, like {example}, got {type}',
      values: { example: '{"ko": …}', type: { id: 'an array' } },
    };
    expect(inEnglish(message)).toBe('expected text by language, like {"ko": …}, got an array');
    expect(fillPlaceholders('{a} and {b}', { a: '{b}' })).toBe('{b} and {b}');
    await activateLanguage('ko');
    expect(sayMessage(message)).toBe('{"ko": …}처럼 언어별 텍스트가 있어야 하는데 배열입니다');
    expect(sayReason({ reason: 'made by an older build' })).toBe('made by an older build');
  });
});
