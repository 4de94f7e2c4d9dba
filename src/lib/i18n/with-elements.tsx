import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with elements inside it (a file name in `<code>`, a button's name in
 * `<strong>`): the sentence is one message that marks where each goes with a self-closing tag, as
 * Lingui's own messages do, `i18n._('Put it and <file/> in the folder.')`, and each tag is put back
 * here as its element, wherever the language places it. A tag is not an ICU placeholder, so the
 * message needs no compiling and stays out of the English catalogue (the first load).
 */
export function withElements(message: string, elements: Record<string, ReactNode>): ReactNode[] {
  return message
    .split(/<(\w+)\/>/)
    .map((part, index) =>
      index % 2 === 1 ? <Fragment key={index}>{elements[part] ?? `<${part}/>`}</Fragment> : part,
    );
}
