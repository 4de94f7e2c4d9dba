import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { setupI18n } from '@lingui/core';
import { formatEnglish } from '../lib/i18n/english-messages.ts';
import { messages as english } from './en.ts';
import { messages as korean } from './ko.ts';

/** The msgid → msgstr pairs of a Lingui .po file (one line each, as Lingui writes them). */
function poEntries(language: string): [string, string][] {
  const text = readFileSync(new URL(`./${language}.po`, import.meta.url), 'utf8');
  const entries: [string, string][] = [];
  const pattern = /^msgid (".*")\nmsgstr (".*")$/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const id = JSON.parse(match[1] ?? '""') as string;
    if (id !== '') entries.push([id, JSON.parse(match[2] ?? '""') as string]);
  }
  return entries;
}

/** True when `name` is the number of a plural in the message. */
function isPlural(message: string, name: string): boolean {
  return new RegExp(`\\{\\s*${name}\\s*,\\s*plural\\s*,`).test(message);
}

/** The names of a message's placeholders, `{count}` and `{count, plural, …}` alike. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1] ?? ""))].sort();
}

describe('the catalogues', () => {
  const entries = poEntries('ko');

  it('translate every message into Korean', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(([, translation]) => translation.trim() === '').map(([id]) => id)).toEqual(
      [],
    );
    expect(Object.keys(korean).sort()).toEqual(entries.map(([id]) => id).sort());
  });

  it('keep each message’s placeholders in its Korean translation', () => {
    const mismatched = entries
      .filter(([id, translation]) => placeholders(id).join() !== placeholders(translation).join())
      .map(([id, translation]) => `${id} → ${translation}`);
    expect(mismatched).toEqual([]);
  });

  it('leave the English catalogue empty: English is said from the ids', () => {
    expect(english).toEqual({});
  });

  it('say every English message as Lingui’s compiled form of it says it', () => {
    const ids = poEntries('en').map(([id]) => id);
    const formatNumber = (value: number) => new Intl.NumberFormat('en').format(value);
    let compared = 0;
    for (const id of ids) {
      const names = placeholders(id);
      const reference = setupI18n({ locale: 'en', messages: { en: { [id]: compileMessage(id) } } });
      // Each plural at 0, 1, 2 and 1,500; each other placeholder a word of its own.
      for (const count of [0, 1, 2, 1500]) {
        const values = Object.fromEntries(
          names.map((name) => [name, isPlural(id, name) ? count : `‹${name}›`]),
        );
        expect(formatEnglish(id, values, formatNumber), id).toBe(reference._(id, values));
        compared += 1;
      }
    }
    expect(compared).toBe(ids.length * 4);
  });
});
