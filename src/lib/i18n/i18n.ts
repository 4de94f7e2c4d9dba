/**
 * The interface's one Lingui instance (docs/decisions.md §16). Every string the reader sees goes
 * through `i18n._('English text', values)`: the English text is the message's id, so the code
 * reads as it did and `npm run i18n` extracts it into the catalogues (src/locales/).
 *
 * The English catalogue is empty: a plain English message is its own id, which `missing` hands
 * back, and one with placeholders or plurals is said from its id (english-messages.ts). That keeps
 * the first load free of a second copy of every English string.
 *
 * English is active from the start, so that code running before the reader's language is known
 * (the first reading of the address) and the unit tests get English; activate.ts switches.
 */
import { setupI18n } from '@lingui/core';
import { messages as englishMessages } from '../../locales/en.ts';
import { formatEnglish } from './english-messages.ts';

export const i18n = setupI18n({
  locale: 'en',
  messages: { en: englishMessages },
  missing: (_locale, id) => id,
});

const translate = i18n._.bind(i18n);

/**
 * English is said straight from the ids (english-messages.ts): the English catalogue is empty, and
 * the first load carries each English message once, in the code. A message missing from another
 * language's catalogue falls back to its English the same way.
 */
i18n._ = ((id: unknown, values?: Record<string, unknown>, options?: unknown) =>
  typeof id === 'string' && values !== undefined && i18n.messages[id] === undefined
    ? formatEnglish(id, values, (value) => i18n.number(value))
    : (translate as (...args: unknown[]) => string)(id, values, options)) as typeof i18n._;
