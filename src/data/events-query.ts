/**
 * Loading a dataset: the fetcher and its TanStack Query options kept together, so every caller
 * shares one cache entry per dataset URL.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Dataset } from './schema.ts';
import { DatasetError, parseDatasetText } from './validate.ts';

/** The bundled dataset, served beside the app under the configured base path. */
export const BUNDLED_DATASET_URL = `${import.meta.env.BASE_URL}data/events.geojson`;

/** A failure worth trying again by itself: the network, not the content. */
export class DatasetNetworkError extends DatasetError {
  override name = 'DatasetNetworkError';
}

export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      headers: { Accept: 'application/geo+json, application/json' },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DatasetNetworkError(`Could not reach ${url}: the network request failed.`);
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new DatasetError(`The server answered ${status} for ${url}.`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new DatasetNetworkError(`The download of ${url} was cut off before it finished.`);
  }
  return parseDatasetText(text);
}

export function eventsQueryOptions(url: string = BUNDLED_DATASET_URL) {
  return queryOptions({
    queryKey: ['events', url],
    queryFn: ({ signal }) => fetchDataset(url, signal),
    // A file that is not JSON will not become JSON on a second try; a dropped connection might.
    retry: (failureCount, error) => error instanceof DatasetNetworkError && failureCount < 2,
    staleTime: Infinity,
  });
}
