/** bench/results: where each benchmark writes its table (Markdown) and its figures (JSON). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RESULTS = resolve('bench/results');

export function makeResultsFolder(): void {
  mkdirSync(RESULTS, { recursive: true });
}

/** The start of a results table's first line: "Run 2026-01-31 12:00 UTC". */
export function runStamp(): string {
  return `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Writes bench/results/<name>.md and <name>.json. */
export function writeResults(name: string, table: string, figures: unknown): void {
  writeFileSync(join(RESULTS, `${name}.md`), table);
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
