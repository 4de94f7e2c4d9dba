import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';

function validateFile(
  contents: string,
  stories: Record<string, string> = {},
): { code: number; output: string } {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-validate-'));
  const file = join(folder, 'data.geojson');
  writeFileSync(file, contents);
  if (Object.keys(stories).length > 0) mkdirSync(join(folder, 'stories'));
  for (const [name, text] of Object.entries(stories))
    writeFileSync(join(folder, 'stories', name), text);
  try {
    const output = execFileSync('npx', ['tsx', 'scripts/validate-data.ts', file], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, output };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, output: failure.stdout + failure.stderr };
  }
}

describe('npm run validate:data', () => {
  it('passes the bundled dataset', () => {
    const output = execFileSync('npx', ['tsx', 'scripts/validate-data.ts'], { encoding: 'utf8' });
    expect(output).toContain('6 records: 6 valid, 0 with issues');
    expect(output).toContain('1 story in');
    expect(output).toContain('read well: north-korean-troops-in-russias-war');
  }, 30_000);

  it('checks the stories beside the dataset against it, and fails on any problem', () => {
    const { code, output } = validateFile(
      JSON.stringify(
        makeFeatureCollection([makeFeature({ id: 'fine', properties: { date: '2024-06' } })]),
      ),
      {
        'ok.json': JSON.stringify({
          title: 'T',
          description: '',
          steps: [{ title: 'S', text: '', view: { event: 'fine' } }],
        }),
        'late.json': JSON.stringify({
          title: 'T',
          description: '',
          steps: [
            { title: 'S', text: '', view: { event: 'fine', from: '2024-07-01' } },
            { title: 'S2', text: '', view: { event: 'gone' } },
          ],
        }),
      },
    );
    expect(code).toBe(1);
    expect(output).toContain('1 story in');
    expect(output).toMatch(
      /stories\/late\.json: steps\[0\] \("S"\)\.view: its event "fine" \(June 2024\) falls outside the step’s dates, 2024-07-01 to …/,
    );
    expect(output).toMatch(
      /stories\/late\.json: steps\[1\] \("S2"\)\.view\.event: the dataset has no event "gone"/,
    );
    expect(output).toContain('2 problems found.');
  }, 30_000);

  it('prints every problem, with record, id, field and reason, and exits non-zero', () => {
    const { code, output } = validateFile(
      JSON.stringify(
        makeFeatureCollection([
          makeFeature({ id: 'fine' }),
          makeFeature({ id: 'bad-date', properties: { date: 'yesterday' } }),
          makeFeature({ id: 'fine' }),
          makeFeature({ id: 'dangling', properties: { related: ['nowhere'] } }),
        ]),
      ),
    );
    expect(code).toBe(1);
    expect(output).toContain(
      'record 2 (id "bad-date"): properties.date: "yesterday" is not an EDTF date',
    );
    expect(output).toContain(
      'record 3 (id "fine"): id: duplicate id: record 1 already uses "fine"',
    );
    expect(output).toContain(
      'record 4 (id "dangling"): properties.related: no event has the id "nowhere"',
    );
    expect(output).toContain('3 problems found.');
  }, 30_000);

  it('says clearly when the file is not JSON', () => {
    const { code, output } = validateFile('<html>oops</html>');
    expect(code).toBe(1);
    expect(output).toContain('not valid JSON');
  }, 30_000);
});
