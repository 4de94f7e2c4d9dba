/**
 * The interface's one Lingui instance (docs/decisions.md §16). Every string the reader sees goes
 * through `i18n._('English text', values)`: the English text is the message's id, so the code
 * reads as it did and `npm run i18n` extracts it into the catalogues (src/locales/).
 *
 * The English catalogue holds only the messages that need compiling (placeholders, plurals); a
 * plain English message is its own id, and `missing` hands it back as it is. That keeps the first
 * load free of a second copy of every English string.
 *
 * English is active from the start, so that code running before the reader's language is known
 * (the first reading of the address) and the unit tests get English; activate.ts switches.
 */
import { setupI18n } from '@lingui/core';
import { messages as englishMessages } from '../../locales/en.ts';
import { fillPlaceholders } from './message.ts';

export const i18n = setupI18n({
  locale: 'en',
  messages: { en: englishMessages },
  missing: (_locale, id) => id,
});

const translate = i18n._.bind(i18n);

/**
 * A message left out of the English catalogue has at most `{name}` placeholders (the trim keeps
 * every message with a plural, a select or an escape): they are filled in here. So English carries
 * in the first load only the messages that need Lingui's compiled form.
 */
i18n._ = ((id: unknown, values?: Record<string, unknown>, options?: unknown) =>
  typeof id === 'string' && values !== undefined && i18n.messages[id] === undefined
    ? fillPlaceholders(id, values)
    : (translate as (...args: unknown[]) => string)(id, values, options)) as typeof i18n._;
