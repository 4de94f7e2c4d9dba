/**
 * Test data in the dataset contract, shared by unit and end-to-end tests. Plain JSON values (not
 * validated types), because tests need to build broken records as easily as good ones.
 */
export type JsonFeature = {
  type: 'Feature';
  id?: unknown;
  geometry: unknown;
  properties: Record<string, unknown>;
} & Record<string, unknown>;

let counter = 0;

export function makeFeature(
  overrides: { id?: unknown; coordinates?: unknown; properties?: Record<string, unknown> } = {},
): JsonFeature {
  counter += 1;
  const feature: JsonFeature = {
    type: 'Feature',
    id: 'id' in overrides ? overrides.id : `test-event-${counter}`,
    geometry: {
      type: 'Point',
      coordinates: 'coordinates' in overrides ? overrides.coordinates : [126.977, 37.538],
    },
    properties: {
      title: `Test event ${counter}`,
      summary: 'A test event.',
      date: '2024-10-08',
      place: 'Seoul',
      country: 'KR',
      locationPrecision: 'city',
      category: 'statement',
      tags: ['test'],
      sources: [
        {
          publisher: 'Test Wire',
          published: '2024-10-08',
          url: 'https://example.org/a',
          quote: 'A quote.',
        },
      ],
      related: [],
      ...overrides.properties,
    },
  };
  if (feature.id === undefined) delete feature.id;
  return feature;
}

export function makeFeatureCollection(features: unknown[], title = 'Test dataset') {
  return {
    type: 'FeatureCollection',
    metadata: { title, description: 'Made by a test.', license: 'CC0', updated: '2024-10-08' },
    features,
  };
}
