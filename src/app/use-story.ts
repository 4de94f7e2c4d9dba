import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dataset } from '../data/model/schema.ts';
import { readStory } from '../data/story/read-story.ts';
import { storyFromEvents } from '../data/story/story-columns.ts';
import type { Story, StoryIssue } from '../data/story/story.ts';
import { bundledStoryUrl, type StorySource } from '../data/url/story-url.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/** A story as the page has it: loading, not fetched (with why), not a story (with every issue), or read. */
export type StoryState =
  | { status: 'loading' }
  /** `retry` is null where trying again cannot help (no draft in this browser). */
  | { status: 'failed'; message: string; retry: (() => void) | null; retrying: boolean }
  | { status: 'invalid'; issues: StoryIssue[] }
  | { status: 'ready'; story: Story };

/** Fetches a story file and reads it; a file that is not JSON is one issue, like any other. */
async function fetchStory(url: string, signal: AbortSignal): Promise<StoryState> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    throw new Error(
      i18n._('The story file at {address} could not be reached: check the address, or try again.', {
        address: url,
      }),
    );
  }
  if (!response.ok)
    throw new Error(
      response.status === 404
        ? i18n._('There is no story file at {address} (the server answered 404, not found).', {
            address: url,
          })
        : i18n._('The server answered {status} for the story file at {address}.', {
            status: response.status,
            address: url,
          }),
    );
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return {
      status: 'invalid',
      issues: [
        { field: i18n._('(the file)'), reason: i18n._('is not JSON: {reason}', { reason }) },
      ],
    };
  }
  const reading = readStory(json);
  return reading.story
    ? { status: 'ready', story: reading.story }
    : { status: 'invalid', issues: reading.issues };
}

/**
 * The editor's draft, read back as a file would be: a draft may still be incomplete (a step
 * without a title, an image without its credit), and the preview says so as for any file.
 */
async function readDraft(): Promise<StoryState> {
  // Loaded only for a draft's preview: a reader of a published story needs neither.
  const [{ readDraftStory }, { storyFileJson }] = await Promise.all([
    import('../data/story/draft-store.ts'),
    import('../data/story/write-story.ts'),
  ]);
  const draft = await readDraftStory();
  if (!draft)
    return {
      status: 'failed',
      message: i18n._(
        'There is no draft story in this browser: write one with Add this view to a story.',
      ),
      retry: null,
      retrying: false,
    };
  const reading = readStory(JSON.parse(storyFileJson(draft)));
  return reading.story
    ? { status: 'ready', story: reading.story }
    : { status: 'invalid', issues: reading.issues };
}

function fileUrlOf(source: StorySource, base: string): string | null {
  if (source.kind === 'bundled') return bundledStoryUrl(source.id, base);
  if (source.kind === 'address') return source.url;
  return null;
}

/** Bundled stories read before the app's first render (prepareBundledStory), by file address. */
const readBeforeFirstRender = new Map<string, StoryState>();

/**
 * Reads a bundled story's file before the app's first render, so that the first render shows the
 * story rather than its loading state (the pre-rendered page has already fetched the file: its
 * preload link). Within a limit: a slow server gets the usual loading state, and a failure the
 * query's own message and Retry.
 */
export async function prepareBundledStory(source: StorySource, base: string): Promise<void> {
  if (source.kind !== 'bundled') return;
  const fileUrl = bundledStoryUrl(source.id, base);
  try {
    readBeforeFirstRender.set(fileUrl, await fetchStory(fileUrl, AbortSignal.timeout(2000)));
  } catch {
    // As if never tried: the query fetches it again.
  }
}

/**
 * The story the address names: a file fetched through TanStack Query like the dataset (one cache
 * entry per address, so Back to a story does not fetch it again), or the dataset's own story
 * columns once the dataset is there.
 */
export function useStory(
  source: StorySource,
  dataset: Dataset | undefined,
  base: string,
): StoryState {
  const fileUrl = fileUrlOf(source, base);
  const query = useQuery({
    queryKey: ['story', fileUrl],
    queryFn: ({ signal }) => fetchStory(fileUrl ?? '', signal),
    initialData: fileUrl === null ? undefined : readBeforeFirstRender.get(fileUrl),
    enabled: fileUrl !== null,
    staleTime: Infinity,
    retry: 1,
  });
  // Read afresh each time the preview opens: the author may have changed it since.
  const draft = useQuery({
    queryKey: ['story', 'draft'],
    queryFn: readDraft,
    enabled: source.kind === 'draft',
    staleTime: 0,
    gcTime: 0,
  });
  const fromColumns = useMemo(
    () =>
      source.kind === 'dataset' && dataset
        ? storyFromEvents(dataset.events, dataset.metadata.title)
        : null,
    [source.kind, dataset],
  );

  switch (source.kind) {
    case 'dataset':
      if (!dataset) return { status: 'loading' };
      return fromColumns
        ? { status: 'ready', story: fromColumns }
        : {
            status: 'invalid',
            issues: [
              {
                field: 'story_step',
                reason: i18n._(
                  'this dataset has no story: no event has a step number in a story_step column',
                ),
              },
            ],
          };
    case 'draft':
      if (draft.isError)
        return {
          status: 'failed',
          message: i18n._('The draft story could not be read from this browser’s storage.'),
          retry: () => void draft.refetch(),
          retrying: draft.isFetching,
        };
      return draft.data ?? { status: 'loading' };
    case 'refused':
      return {
        status: 'invalid',
        issues: [
          {
            field: 'story',
            reason: i18n._('“{address}” is not an http(s) address', { address: source.value }),
          },
        ],
      };
    default:
      if (query.isError)
        return {
          status: 'failed',
          message: query.error.message,
          retry: () => void query.refetch(),
          retrying: query.isFetching,
        };
      return query.data ?? { status: 'loading' };
  }
}
