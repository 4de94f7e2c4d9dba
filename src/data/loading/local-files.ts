/**
 * Files opened from the reader's own device. They never leave the browser: the page keeps them in
 * memory and the URL names them (`?data=local:<name>`), so a link into an opened file works again
 * once the same file is opened, and a reload says which file to open rather than showing nothing.
 */
export const LOCAL_PREFIX = 'local:';

const opened = new Map<string, { files: File[]; generation: number }>();
let generation = 0;

/** The name a set of files goes by in the URL and the header: "quakes.csv", "a.json + 2 more". */
function localDatasetName(files: readonly File[]): string {
  const [first, ...rest] = [...files].sort((a, b) => b.size - a.size);
  const name = first?.name ?? 'file';
  return rest.length === 0 ? name : `${name} + ${rest.length} more`;
}

export function openLocalFiles(files: readonly File[]): string {
  const name = localDatasetName(files);
  generation += 1;
  opened.set(name, { files: [...files], generation });
  return name;
}

export function localFiles(name: string): { files: File[]; generation: number } | null {
  return opened.get(name) ?? null;
}
