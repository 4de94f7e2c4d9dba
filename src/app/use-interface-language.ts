import { useEffect, useSyncExternalStore } from 'react';
import { activateLanguage } from '../lib/i18n/activate.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { browserLanguage, type Language } from '../lib/i18n/languages.ts';

/** The language the interface should speak: the address's choice, else the browser's. */
export function wantedLanguage(lang: Language | undefined): Language {
  return lang ?? browserLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Switches the interface when the address names another language (the header's switch, Back). */
export function useInterfaceLanguage(lang: Language | undefined): void {
  const wanted = wantedLanguage(lang);
  useEffect(() => {
    void activateLanguage(wanted);
  }, [wanted]);
}

function onLanguageChange(listener: () => void): () => void {
  return i18n.on('change', listener);
}

/** The interface's active language; a component keyed by it draws afresh in a new language. */
export function useActiveLanguage(): string {
  return useSyncExternalStore(onLanguageChange, () => i18n.locale);
}
