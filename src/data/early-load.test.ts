// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { earlyDatasetUrl } from './early-load.ts';
import { datasetSourceFrom } from './dataset-query.ts';
import { parseUrl } from '../lib/url-state/url-state.ts';

/** What the app itself will ask for on this address: the URL parser, then the source. */
function appWants(search: string): string | null {
  const { state } = parseUrl('/', search, '/');
  const source = datasetSourceFrom(state.params);
  return source.kind === 'local' ? null : source.url;
}

describe('the early load', () => {
  it('fetches exactly what the app will ask for, or nothing', () => {
    for (const search of [
      '',
      '?q=seoul',
      '?data=quakes.csv',
      '?data=/bench-data/a.geojson&from=2024-01-01',
      '?data=https://example.org/events.geojson',
      '?data=javascript:alert(1)&data=https://example.org/b.json',
      '?data=%20&data=parts/manifest.json',
      '?data=local:my file.csv',
      '?data=https://user:pw@example.org/x.json',
      '?data=ftp://example.org/x.json',
    ]) {
      expect(earlyDatasetUrl(search, '/', window.location.origin), search).toBe(appWants(search));
    }
  });
});
