import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import type { DatasetEvent } from './schema.ts';
import { eventText, languageName, pickLanguage, quoteTranslation } from './translations.ts';
import { validateFeatureCollection } from './validate.ts';

function event(properties: Record<string, unknown>): DatasetEvent {
  const [read] = validateFeatureCollection(
    makeFeatureCollection([makeFeature({ id: 'sinpo', properties })]),
  ).events;
  if (!read) throw new Error('not read');
  return read;
}

const sinpo = event({
  title: 'Tests at Sinpo',
  summary: 'Cruise missiles were tested.',
  place: 'Sinpo',
  translations: {
    ko: { title: '신포 시험', place: '신포' },
    'pt-BR': { title: 'Testes em Sinpo' },
  },
  sources: [
    {
      publisher: 'Yonhap',
      quote: 'North Korea tested.',
      quoteTranslations: { ko: '북한이 시험했다.' },
    },
  ],
});

describe('picking the text a reader is shown', () => {
  it('gives a reader their language where the event has it, field by field', () => {
    expect(eventText(sinpo, 'ko', 'en')).toEqual({
      title: '신포 시험',
      summary: 'Cruise missiles were tested.',
      place: '신포',
      language: 'ko',
      translated: { title: true, summary: false, place: true },
    });
  });

  it('gives the original where there is no translation, or the reader reads the original', () => {
    const original = {
      title: 'Tests at Sinpo',
      summary: 'Cruise missiles were tested.',
      place: 'Sinpo',
      language: null,
      translated: { title: false, summary: false, place: false },
    };
    expect(eventText(sinpo, 'en', 'en')).toEqual(original);
    expect(eventText(sinpo, 'en-XA', 'en')).toEqual(original);
    expect(eventText(sinpo, 'ja', 'en')).toEqual(original);
    expect(eventText(sinpo, '', undefined)).toEqual(original);
    expect(eventText(event({ title: 'Plain' }), 'ko', 'en').title).toBe('Plain');
  });

  it('matches a language by its tag, then by its language alone', () => {
    expect(pickLanguage({ ko: 1 }, 'ko')).toBe('ko');
    expect(pickLanguage({ 'ko-KR': 1 }, 'ko')).toBe('ko-KR');
    expect(pickLanguage({ ko: 1 }, 'ko-KR')).toBe('ko');
    expect(pickLanguage({ pt: 1, 'pt-BR': 1 }, 'pt-BR')).toBe('pt-BR');
    expect(pickLanguage({ 'pt-BR': 1 }, 'PT-br')).toBe('pt-BR');
    expect(pickLanguage({ ko: 1 }, 'ko', 'ko-KR')).toBeNull();
    expect(pickLanguage(undefined, 'ko')).toBeNull();
    // Without the original's language, a translation into the reader's is still taken.
    expect(eventText(sinpo, 'pt-BR').title).toBe('Testes em Sinpo');
  });

  it('gives a quote in the reader language beside the quote, never instead of it', () => {
    const [source] = sinpo.sources;
    if (!source) throw new Error('no source');
    expect(source.quote).toBe('North Korea tested.');
    expect(quoteTranslation(source, 'ko', 'en')).toEqual({
      language: 'ko',
      text: '북한이 시험했다.',
    });
    expect(quoteTranslation(source, 'en', 'en')).toBeNull();
    expect(quoteTranslation(source, 'pt-BR', 'en')).toBeNull();
  });

  it('names a language in the reader language', () => {
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('en', 'ko')).toBe('영어');
    expect(languageName('ko', 'en')).toBe('Korean');
    expect(languageName('not a tag', 'en')).toBe('not a tag');
  });
});
