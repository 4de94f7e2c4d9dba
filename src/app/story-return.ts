/**
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
