/**
 * The place-name files this page has read, shared by the names drawn on the map
 * (place-names-layer.ts) and the zoom a link to an event opens at (named-zoom.ts): each file is
 * downloaded once, whoever asks first.
 */
import { placeNameFiles } from 'virtual:dateline/place-names';
import { toWorld } from './outline-data.ts';
import { tilesInView, type WorldBounds } from './place-name-candidates.ts';
import { readPlaceNames, type PlaceName } from './place-names-data.ts';

/** Each file's names once read; a promise while it downloads (null when it could not be read). */
const files = new Map<string, PlaceName[] | Promise<PlaceName[] | null>>();

async function download(url: string): Promise<PlaceName[] | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const names = readPlaceNames(await response.json(), toWorld);
    files.set(url, names);
    return names;
  } catch (error) {
    // The map goes on without these names; the next view that needs them asks again.
    files.delete(url);
    console.warn('Place names could not be loaded:', error);
    return null;
  }
}

/** The file's names, or the download under way (started here if none is). */
function fileAt(url: string): PlaceName[] | Promise<PlaceName[] | null> {
  let file = files.get(url);
  if (!file) {
    file = download(url);
    files.set(url, file);
  }
  return file;
}

/** The addresses of the files a view at this zoom over these bounds needs (none for open sea). */
function urlsIn(zoom: number, bounds: WorldBounds): string[] {
  return tilesInView(zoom, bounds).flatMap(({ band, tile }) => {
    const url = placeNameFiles[band]?.[tile];
    return url ? [url] : [];
  });
}

/** For each file on its way, what to call when it has arrived (one of each, however often asked). */
const waiting = new Map<string, Set<() => void>>();

/**
 * The names of the files the view needs that have arrived. The others are asked for, and
 * `onArrival` is called once as each arrives (to place the names again); not for a file that
 * could not be read, which the next view that needs it asks for again.
 */
export function namesArrived(
  zoom: number,
  bounds: WorldBounds,
  onArrival: () => void,
): PlaceName[] {
  const names: PlaceName[] = [];
  for (const url of urlsIn(zoom, bounds)) {
    const file = fileAt(url);
    if (Array.isArray(file)) {
      names.push(...file);
      continue;
    }
    let callbacks = waiting.get(url);
    if (!callbacks) {
      callbacks = new Set();
      waiting.set(url, callbacks);
      void file.then((arrived) => {
        const called = waiting.get(url);
        waiting.delete(url);
        if (arrived) called?.forEach((callback) => callback());
      });
    }
    callbacks.add(onArrival);
  }
  return names;
}

/** Every name of the files the view needs, once they have arrived; null if one could not be read. */
export async function namesIn(zoom: number, bounds: WorldBounds): Promise<PlaceName[] | null> {
  const arrived = await Promise.all(urlsIn(zoom, bounds).map(fileAt));
  return arrived.every((names) => names !== null) ? arrived.flat() : null;
}
