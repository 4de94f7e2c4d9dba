/**
 * Which text of an event a reader is shown: their language's where the data has it
 * (`translations`, docs/contracts.md §1), else the original, and which fields are translations, so
 * that the page can say so. Pure: the reader's language is passed in.
 */
import type { DatasetEvent, EventSource } from './schema.ts';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * The key of `byLanguage` for a reader of `reader` (`ko`, `en-XA`): the same tag, else one of the
 * same language (`ko-KR` for `ko`). null when the reader reads the original's language, or when
 * there is no such key.
 */
export function pickLanguage(
  byLanguage: Record<string, unknown> | undefined,
  reader: string,
  original?: string,
): string | null {
  if (!byLanguage || (original !== undefined && primary(original) === primary(reader))) return null;
  const keys = Object.keys(byLanguage);
  return (
    keys.find((key) => key.toLowerCase() === reader.toLowerCase()) ??
    keys.find((key) => primary(key) === primary(reader)) ??
    null
  );
}

export interface EventText {
  title: string;
  summary: string;
  place: string;
  /** The translation's language when any field shown is a translation; null for the original. */
  language: string | null;
  /** Which fields are shown in translation. */
  translated: { title: boolean; summary: boolean; place: boolean };
}

/** The event's text for a reader of `reader`: each field translated where the data has it. */
export function eventText(event: DatasetEvent, reader: string, original?: string): EventText {
  const language = pickLanguage(event.translations, reader, original);
  const translation = language === null ? undefined : event.translations?.[language];
  const title = translation?.title;
  const summary = translation?.summary;
  const place = translation?.place;
  const translated = {
    title: title !== undefined,
    summary: summary !== undefined,
    place: place !== undefined,
  };
  return {
    title: title ?? event.title,
    summary: summary ?? event.summary,
    place: place ?? event.place,
    language: translated.title || translated.summary || translated.place ? language : null,
    translated,
  };
}

/** A source's quote in the reader's language, with that language's tag; null when there is none. */
export function quoteTranslation(
  source: EventSource,
  reader: string,
  original?: string,
): { language: string; text: string } | null {
  const language = pickLanguage(source.quoteTranslations, reader, original);
  const text = language === null ? undefined : source.quoteTranslations?.[language];
  return language !== null && text !== undefined ? { language, text } : null;
}

/** A language's name in the reader's language ("English", "영어"); the tag itself if unknown. */
export function languageName(tag: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
