/**
 * A message made where Lingui is not loaded: in the import worker and in data/model, which the
 * command-line tools share. Its id is its English text with `{name}` placeholders, so it is also
 * the message's id in the catalogues: `npm run i18n` finds each one by the `/*i18n*\/` comment
 * written before it. The interface says it in the reader's language (say-message.ts); the English
 * is filled in here, without Lingui.
 *
 * A value may itself be a message ("expected text, got {type}" with `type` "a list"), so that the
 * words inside a sentence are translated with it.
 */
export interface Message {
  readonly id: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export type MessageValue = string | number | Message;

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** `{name}` placeholders filled in from `values`; one without a value is left as it is. */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, unknown>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** The message in English, its values (and their own values) filled in. */
export function inEnglish(message: Message): string {
  const { values } = message;
  if (values === undefined) return message.id;
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    filled[name] = isMessage(value) ? inEnglish(value) : value;
  }
  return fillPlaceholders(message.id, filled);
}
