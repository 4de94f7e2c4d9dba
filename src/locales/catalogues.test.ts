import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('hold in the English catalogue every plural and select, and no message that is text and {name} only', () => {
    const ids = entries.map(([id]) => id);
    for (const id of ids.filter((id) => /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.test(id)))
      expect(english, id).toHaveProperty([id]);
    for (const id of Object.keys(english))
      expect(id, 'a message the instance fills in itself').not.toMatch(/^([^{}'#]|\{\w+\})*$/);
  });
});
