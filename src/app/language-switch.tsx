import { chooseLanguage } from '../data/url/explorer-actions.ts';
import { serializeUrl } from '../data/url/url-state.ts';
import { APP_BASE, type UrlStateApi } from '../data/url/use-url-state.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { LANGUAGE_NAMES, type OfferedLanguage } from '../lib/i18n/languages.ts';
import { isPlainLeftClick } from '../lib/is-plain-left-click.ts';

/**
 * The way to the interface's other language: a link named in that language (한국어 from English,
 * English from Korean), to the same view's address in it, so it also opens in a new tab.
 */
export function LanguageSwitch({ url }: { url: UrlStateApi }) {
  const other: OfferedLanguage = i18n.locale === 'ko' ? 'en' : 'ko';
  const next = chooseLanguage(url.state, other);
  return (
    <a
      className="button language-switch"
      href={serializeUrl(next, APP_BASE)}
      lang={other}
      hrefLang={other}
      onClick={(clickEvent) => {
        if (!isPlainLeftClick(clickEvent)) return;
        clickEvent.preventDefault();
        url.apply(chooseLanguage, other);
      }}
    >
      {LANGUAGE_NAMES[other]}
    </a>
  );
}
