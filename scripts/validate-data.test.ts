import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';

function validateFile(contents: string): { code: number; output: string } {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-validate-'));
  const file = join(folder, 'data.geojson');
  writeFileSync(file, contents);
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
