import { describe, expect, it } from 'vitest';
import { describeProgress } from './load-progress.tsx';

describe('describeProgress: the line under the progress bar', () => {
  it('says how much has arrived and, once records are read during the download, how many', () => {
    expect(
      describeProgress({ stage: 'downloading', rows: 0, bytes: 1_200_000, totalBytes: 37_000_000 }),
    ).toBe('Downloading: 1.2 MB of 37.0 MB');
    expect(
      describeProgress({
        stage: 'downloading',
        rows: 12_345,
        bytes: 5_000_000,
        totalBytes: 37_000_000,
      }),
    ).toBe('Downloading: 5.0 MB of 37.0 MB\n12,345 records read');
    // A compressed answer gives no total.
    expect(
      describeProgress({ stage: 'downloading', rows: 40, bytes: 300_000, totalBytes: null }),
    ).toBe('Downloading: 0.3 MB\n40 records read');
  });

  it('names the other stages', () => {
    expect(describeProgress(null)).toBe('Loading events…');
    expect(describeProgress({ stage: 'checking', rows: 8000 })).toBe('Checking rows: 8,000');
    expect(describeProgress({ stage: 'waiting', rows: 0, silentSeconds: 4 })).toBe(
      'Waiting for the server: no answer for 4 s',
    );
    expect(describeProgress({ stage: 'parsing', rows: 0, part: { done: 2, count: 10 } })).toBe(
      'Loaded 2 of 10 parts',
    );
  });
});
