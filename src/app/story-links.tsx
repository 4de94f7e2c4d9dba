import { useEffect, useState, type MouseEvent } from 'react';
import type { Dataset } from '../data/model/schema.ts';
import { parseUrl } from '../data/url/url-state.ts';
import { APP_BASE, type UrlStateApi } from '../data/url/use-url-state.ts';
import { datasetOf, storyReturn } from './story-return.ts';
import '../features/story/story.css';
import { readStoryIndex, type BundledStory } from './story-index.ts';

async function fetchStoryIndex(signal: AbortSignal): Promise<BundledStory[]> {
  try {
    const response = await fetch(`${APP_BASE}data/stories/index.json`, { signal });
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
export function StoryLinks({ url, dataset }: { url: UrlStateApi; dataset: Dataset | undefined }) {
  const { params } = url.state;
  const datasetKey = datasetOf(params);
  const bundledDataset = datasetKey === '';
  const [bundled, setBundled] = useState<BundledStory[]>([]);
  useEffect(
    function loadStoryIndex() {
      if (!bundledDataset) return;
      const controller = new AbortController();
      void fetchStoryIndex(controller.signal).then(setBundled);
      return () => controller.abort();
    },
    [bundledDataset],
  );
  const open = (href: string) => (clickEvent: MouseEvent) => {
    clickEvent.preventDefault();
    const target = new URL(href, window.location.origin);
    // A new history entry, as every move to another view: Back returns to the explorer.
    url.apply(() => parseUrl(target.pathname, target.search, APP_BASE).state);
  };

  const mark = storyReturn(datasetKey);
  if (mark) {
    return (
      <a
        className="button story-link"
        href={mark.href}
        aria-label={`Back to the story: ${mark.title}`}
        title={mark.title}
        onClick={open(mark.href)}
      >
        Back to the story
      </a>
    );
  }
  const first = bundledDataset ? bundled[0] : undefined;
  if (first) {
    const href = `${APP_BASE}stories/${encodeURIComponent(first.id)}`;
    return (
      <a
        className="button story-link"
        href={href}
        onClick={open(href)}
        aria-label={`Story: ${first.title}`}
        title={first.title}
      >
        Story<span className="header-action-more">: {first.title}</span>
      </a>
    );
  }
  if (dataset?.events.some((event) => event.story !== undefined)) {
    const search = new URLSearchParams(params);
    search.set('story', 'dataset');
    const href = `${APP_BASE}?${search.toString()}`;
    return (
      <a className="button story-link" href={href} onClick={open(href)}>
        Read the story
      </a>
    );
  }
  return null;
}
