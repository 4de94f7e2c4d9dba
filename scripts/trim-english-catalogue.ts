/**
 * Keeps in the compiled English catalogue only the messages that need Lingui's compiled form
 * (plurals, selects, escapes): a plain English message is its own id, and `{name}` placeholders
 * are filled in by the interface's Lingui instance (src/lib/i18n/i18n.ts). The English catalogue
 * is part of the first load; this spares it a second copy of every English string.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve('src/locales/en.ts');
const source = readFileSync(file, 'utf8');
const json = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
if (json === undefined) throw new Error(`${file} is not a compiled Lingui catalogue`);
/** The message written back from its compiled parts when they are text and `{name}` only; else null. */
function simpleForm(compiled: unknown[]): string | null {
  let text = '';
  for (const part of compiled) {
    if (typeof part === 'string') text += part;
    else if (Array.isArray(part) && part.length === 1 && typeof part[0] === 'string')
      text += `{${part[0]}}`;
    else return null;
  }
  return text;
}

const messages = JSON.parse(JSON.parse(json) as string) as Record<string, unknown>;
const needed = Object.fromEntries(
  Object.entries(messages).filter(
    ([id, compiled]) => !Array.isArray(compiled) || simpleForm(compiled) !== id,
  ),
);
writeFileSync(
  file,
  source.replace(json, JSON.stringify(JSON.stringify(needed)).replace(/\$/g, '$$$$')),
);
console.log(
  `English catalogue: ${Object.keys(needed).length} of ${Object.keys(messages).length} messages need compiling`,
);
