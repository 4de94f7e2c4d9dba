/**
 * `<base>data/stories/index.json`, the list of bundled stories the build writes (story-links.tsx
 * offers the first for the bundled dataset).
 */
/** A bundled story as `<base>data/stories/index.json` lists it (written by the build). */
export interface BundledStory {
  id: string;
  title: string;
}

/**
 * The list of bundled stories, read leniently: `[{id, title}]` or `{stories: [{id, title}]}`;
 * entries without both are skipped. No file (a site without stories) or a broken one is no list.
 */
export function readStoryIndex(value: unknown): BundledStory[] {
  const list: unknown =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { stories?: unknown }).stories
      : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { id, title } = entry as Record<string, unknown>;
    return typeof id === 'string' && id !== '' && typeof title === 'string' && title !== ''
      ? [{ id, title }]
      : [];
  });
}
