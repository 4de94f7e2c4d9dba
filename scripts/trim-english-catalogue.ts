/**
 * Empties the compiled English catalogue: English is said straight from the message ids, plurals
 * included (src/lib/i18n/english-messages.ts), and the catalogue is part of the first load. Run
 * by `npm run i18n` after `lingui compile`; the .po file keeps every message for translators.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve('src/locales/en.ts');
const source = readFileSync(file, 'utf8');
const json = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
if (json === undefined) throw new Error(`${file} is not a compiled Lingui catalogue`);
const count = Object.keys(JSON.parse(JSON.parse(json) as string) as object).length;
writeFileSync(file, source.replace(json, JSON.stringify('{}')));
console.log(`English catalogue: emptied (${count} messages said from their ids)`);
