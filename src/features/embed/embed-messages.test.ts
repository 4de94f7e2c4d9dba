import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH } from '../../data/model/derive-id.ts';
import {
  isFromParent,
  nextResize,
  parentOriginOf,
  readSelectMessage,
  targetOriginFor,
} from './embed-messages.ts';

describe('the parent origin', () => {
  it('is the nearest ancestor origin where the browser gives them', () => {
    expect(
      parentOriginOf({
        ancestorOrigins: ['https://news.example', 'https://top.example'],
        referrer: 'https://elsewhere.example/page',
      }),
    ).toBe('https://news.example');
  });

  it('else the referrer’s origin, never its path', () => {
    expect(
      parentOriginOf({ ancestorOrigins: undefined, referrer: 'https://news.example/2024/a?b=1' }),
    ).toBe('https://news.example');
    expect(parentOriginOf({ ancestorOrigins: [], referrer: 'http://127.0.0.1:4990/a.html' })).toBe(
      'http://127.0.0.1:4990',
    );
  });

  it('is unknown without either, or for an opaque or non-web origin', () => {
    expect(parentOriginOf({ ancestorOrigins: undefined, referrer: '' })).toBeNull();
    expect(parentOriginOf({ ancestorOrigins: ['null'], referrer: '' })).toBeNull();
    expect(parentOriginOf({ ancestorOrigins: undefined, referrer: 'file:///a.html' })).toBeNull();
    expect(parentOriginOf({ ancestorOrigins: undefined, referrer: 'not a url' })).toBeNull();
  });

  it('is where messages are posted; only an unknown one falls back to "*"', () => {
    expect(targetOriginFor('https://news.example')).toBe('https://news.example');
    expect(targetOriginFor(null)).toBe('*');
  });
});

describe('who may send', () => {
  const parent = {};
  it('only the parent window from the parent origin', () => {
    expect(
      isFromParent({ source: parent, origin: 'https://a.example' }, parent, 'https://a.example'),
    ).toBe(true);
    expect(
      isFromParent({ source: {}, origin: 'https://a.example' }, parent, 'https://a.example'),
    ).toBe(false);
    expect(
      isFromParent({ source: parent, origin: 'https://b.example' }, parent, 'https://a.example'),
    ).toBe(false);
    expect(isFromParent({ source: parent, origin: 'null' }, parent, null)).toBe(false);
  });
});

describe('a select message from the parent', () => {
  it('selects an id or clears with null', () => {
    expect(readSelectMessage({ type: 'dateline:select', id: 'pyongyang-summit' })).toEqual({
      type: 'dateline:select',
      id: 'pyongyang-summit',
    });
    expect(readSelectMessage({ type: 'dateline:select', id: null })).toEqual({
      type: 'dateline:select',
      id: null,
    });
  });

  it('refuses every other shape', () => {
    const refused: unknown[] = [
      null,
      'dateline:select',
      ['dateline:select', 'a'],
      { type: 'dateline:select' },
      { type: 'dateline:resize', id: 'a' },
      { type: 'dateline:select', id: 'a', extra: 1 },
      { type: 'dateline:select', id: 7 },
      { type: 'dateline:select', id: '' },
      { type: 'dateline:select', id: '   ' },
      { type: 'dateline:select', id: 'x'.repeat(MAX_ID_LENGTH + 1) },
      { type: 'dateline:select', id: undefined },
      new (class {
        type = 'dateline:select';
        id = 'a';
      })(),
    ];
    for (const data of refused) expect(readSelectMessage(data)).toBeNull();
  });
});

describe('the resize message', () => {
  it('goes in whole pixels, only when the height really changed', () => {
    expect(nextResize(612.2, null)).toEqual({ type: 'dateline:resize', height: 613 });
    expect(nextResize(612.9, 613)).toBeNull();
    expect(nextResize(700, 613)).toEqual({ type: 'dateline:resize', height: 700 });
    expect(nextResize(0, 613)).toBeNull();
    expect(nextResize(Number.NaN, null)).toBeNull();
  });
});
