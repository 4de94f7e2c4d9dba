import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { Dataset } from '../data/model/schema.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { readStoryIndex, type BundledStory } from './story-index.ts';

/*
 * Where "Back to the story" returns: the step the reader left with Explore (or by changing the
 * view inside the story), kept in sessionStorage. sessionStorage rather than history state: the
 * reader goes on selecting and filtering after leaving, and each selection pushes a history entry
 * of its own (with no state), so a mark in the entry Explore made would be gone a click later;
 * sessionStorage stays with the tab, for as long as the tab, and no other tab sees it.
 */
const KEY = 'dateline:story-return';

export interface StoryReturn {
  /** The step's address (path and query). */
  href: string;
  /** The story's title, for the link's name. */
  title: string;
  /** The dataset it was read over (`data=`, or '' for the bundled one): elsewhere it is not offered. */
  dataset: string;
}

export function rememberStoryReturn(mark: StoryReturn): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(mark));
  } catch {
    // Storage refused (a private window's quota): the link is not offered, nothing else changes.
  }
}

export function storyReturn(dataset: string): StoryReturn | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { href, title, dataset: markDataset } = value as Record<string, unknown>;
    if (typeof href !== 'string' || typeof title !== 'string' || markDataset !== dataset)
      return null;
    // Only an address of this page: a value written by anything else is not followed.
    return href.startsWith('/') && !href.startsWith('//') ? { href, title, dataset } : null;
  } catch {
    return null;
  }
}

export function forgetStoryReturn(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

/** The dataset a state reads, as the mark keeps it. */
export function datasetOf(params: readonly [string, string][]): string {
  return params.find(([key]) => key === 'data')?.[1] ?? '';
}

async function fetchStoryIndex(base: string, signal: AbortSignal): Promise<BundledStory[]> {
  try {
    const response = await fetch(`${base}data/stories/index.json`, { signal });
    return response.ok ? readStoryIndex(await response.json()) : [];
  } catch {
    return [];
  }
}

/**
 * The way into a story from the explorer, one link at most: "Back to the story" after the reader
 * left one (story-return.ts), else the bundled dataset's first story, else "Read the story" for a
 * dataset that carries one in its story columns. Loaded after the first screen (dataset-header.tsx).
 */
export function StoryLinks({
  params,
  dataset,
  base,
}: {
  params: readonly [string, string][];
  dataset: Dataset | undefined;
  /** The site's base path (APP_BASE). */
  base: string;
}) {
  const datasetKey = datasetOf(params);
  const bundledDataset = datasetKey === '';
  const [bundled, setBundled] = useState<BundledStory[]>([]);
  useEffect(
    function loadStoryIndex() {
      if (!bundledDataset) return;
      const controller = new AbortController();
      void fetchStoryIndex(base, controller.signal).then(setBundled);
      return () => controller.abort();
    },
    [bundledDataset, base],
  );
  // Once per dataset, not per render: the header renders on every frame of playback.
  const carriesStory = useMemo(
    () => dataset?.events.some((event) => event.story !== undefined) ?? false,
    [dataset],
  );
  const open = (href: string) => (clickEvent: MouseEvent) => {
    clickEvent.preventDefault();
    // A new history entry, as for every other view; the page's URL state reads it on popstate
    // (use-url-state.ts), as after Back. (A filter change of the last 250 ms not yet written to
    // the entry being left is dropped, as Back drops it.)
    window.history.pushState(null, '', href);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  const mark = storyReturn(datasetKey);
  if (mark) {
    return (
      <a
        className="button story-link"
        href={mark.href}
        aria-label={i18n._('Back to the story: {title}', { title: mark.title })}
        title={mark.title}
        onClick={open(mark.href)}
      >
        {i18n._('Back to the story')}
      </a>
    );
  }
  const first = bundledDataset ? bundled[0] : undefined;
  if (first) {
    const href = `${base}stories/${encodeURIComponent(first.id)}`;
    return (
      <a
        className="button story-link"
        href={href}
        onClick={open(href)}
        aria-label={i18n._('Story: {title}', { title: first.title })}
        title={first.title}
      >
        {/* The word, then the title (cut short on a phone); the link's name is the whole message. */}
        {i18n._('Story')}
        <span className="header-action-more">
          : <span dir="auto">{first.title}</span>
        </span>
      </a>
    );
  }
  if (carriesStory) {
    const search = new URLSearchParams([...params]);
    search.set('story', 'dataset');
    const href = `${base}?${search.toString()}`;
    return (
      <a className="button story-link" href={href} onClick={open(href)}>
        {i18n._('Read the story')}
      </a>
    );
  }
  return null;
}
