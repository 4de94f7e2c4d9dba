import type { Messages } from '@lingui/core';
import { messages as englishMessages } from '../../locales/en.ts';
import { i18n } from './i18n.ts';
import { textDirection, type Language } from './languages.ts';

/** Korean and the pseudo-locale load when chosen: only English is in the first load. */
function catalogue(language: Language): Messages | Promise<Messages> {
  if (language === 'ko') return import('../../locales/ko.ts').then((module) => module.messages);
  if (language === 'en-XA')
    return import('../../locales/en-XA.ts').then((module) => module.messages);
  return englishMessages;
}

/**
 * Loads the language's catalogue and switches the interface to it, with `lang` and `dir` on
 * `<html>` (for screen readers' voices, fonts and line breaking). Resolves once the interface
 * can render in it.
 */
export async function activateLanguage(language: Language): Promise<void> {
  if (i18n.locale === language) return;
  const messages = await catalogue(language);
  i18n.loadAndActivate({ locale: language, messages });
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
  }
}
