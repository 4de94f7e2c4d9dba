/**
 * A data server's descriptor (docs/server.md) for tests of the page's side: the JSON a server
 * publishes at `/dateline.json`, with the dataset's fields overridden as a test needs.
 */
import { readDescriptor, type QueryServer } from '../data/server-view/descriptor.ts';

export const descriptorBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

export const TEST_DESCRIPTOR = {
  dateline: 'query-server',
  version: 1,
  dataset: {
    metadata: { title: 'Quakes', description: 'd', license: 'l', source: 's', updated: 'u' },
    recordCount: 12,
    eventCount: 10,
    extent: { first: '2024-01-03', last: '2024-03-30' },
    categories: [
      { name: 'strike', count: 7 },
      { name: 'statement', count: 3 },
    ],
    issues: { count: 2, examples: [] },
  },
  endpoints: {
    histogram: 'api/histogram',
    clusters: 'api/clusters',
    window: 'api/window',
    event: 'api/events/{id}',
    closest: 'api/closest',
    export: 'api/export',
  },
  limits: { windowRows: 500 },
};

/** The test descriptor, with `dataset` fields laid over its own, as the page reads it. */
export function testServer(dataset: Record<string, unknown> = {}): QueryServer {
  const read = readDescriptor(
    descriptorBytes({ ...TEST_DESCRIPTOR, dataset: { ...TEST_DESCRIPTOR.dataset, ...dataset } }),
    'http://127.0.0.1:8787/dateline.json',
  );
  if (!read) throw new Error('not read');
  return read;
}
