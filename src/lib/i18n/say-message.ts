import { i18n } from './i18n.ts';
import { isMessage, type Message, type MessageValue } from './message.ts';

/** A message made without Lingui (message.ts), said in the reader's language, its values too. */
export function sayMessage(message: Message): string {
  const { values } = message;
  if (values === undefined) return i18n._(message.id);
  const said: Record<string, Exclude<MessageValue, Message>> = {};
  for (const [name, value] of Object.entries(values)) {
    said[name] = isMessage(value) ? sayMessage(value) : value;
  }
  return i18n._(message.id, said);
}
