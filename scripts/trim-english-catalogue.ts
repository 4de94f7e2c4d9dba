/**
 * Keeps in the compiled English catalogue only the messages that need compiling (placeholders,
 * plurals): a plain English message is its own id, which the interface's Lingui instance hands
 * back as it is (src/lib/i18n/i18n.ts). The English catalogue is part of the first load; this
 * spares it a second copy of every plain string.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve('src/locales/en.ts');
const source = readFileSync(file, 'utf8');
const json = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
if (json === undefined) throw new Error(`${file} is not a compiled Lingui catalogue`);
const messages = JSON.parse(JSON.parse(json) as string) as Record<string, unknown>;
const needed = Object.fromEntries(
  Object.entries(messages).filter(
    ([id, compiled]) => !(Array.isArray(compiled) && compiled.length === 1 && compiled[0] === id),
  ),
);
writeFileSync(
  file,
  source.replace(json, JSON.stringify(JSON.stringify(needed)).replace(/\$/g, '$$$$')),
);
console.log(
  `English catalogue: ${Object.keys(needed).length} of ${Object.keys(messages).length} messages need compiling`,
);
