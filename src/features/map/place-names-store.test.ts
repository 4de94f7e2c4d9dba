import { afterEach, describe, expect, it, vi } from 'vitest';

// One world file and nothing else: the build's real files are not needed to test the downloads.
vi.mock('virtual:dateline/place-names', () => ({ placeNameFiles: [{ '0-0': '/world.json' }] }));

const WORLD = { left: 0, top: 0, right: 1, bottom: 1 };
const FILE = { format: 1, countries: [], places: [['Seoul', 126.98, 37.57, 10_000_000, 1]] };

/** A fresh store (its files are kept per page) with fetch answering as given. */
async function storeFetching(answers: (() => Promise<Response>)[]) {
  vi.resetModules();
  const fetch = vi.fn(() => (answers.shift() ?? (() => Promise.reject(new Error('none'))))());
  vi.stubGlobal('fetch', fetch);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { store: await import('./place-names-store.ts'), fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the place names read once for the map and for the zoom of a link', () => {
  it('downloads a file once, and calls each view back once when it arrives', async () => {
    const { store, fetch } = await storeFetching([async () => Response.json(FILE)]);
    const placeAgain = vi.fn();
    // Placed three times while the file is on its way: one download, one call back.
    expect(store.namesArrived(0, WORLD, placeAgain)).toEqual([]);
    store.namesArrived(0, WORLD, placeAgain);
    const zoomNames = store.namesIn(0, WORLD);
    store.namesArrived(0, WORLD, placeAgain);
    expect((await zoomNames)?.map((name) => name.text)).toEqual(['Seoul']);
    await vi.waitFor(() => expect(placeAgain).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.namesArrived(0, WORLD, placeAgain).map((name) => name.text)).toEqual(['Seoul']);
  });

  it('does not call back for a file that failed, and asks again only when a view needs it', async () => {
    const { store, fetch } = await storeFetching([
      async () => new Response('gone', { status: 404 }),
      async () => Response.json(FILE),
    ]);
    const placeAgain = vi.fn();
    store.namesArrived(0, WORLD, placeAgain);
    // The zoom of a link is told the names could not be read, not given none.
    expect(await store.namesIn(0, WORLD)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Calling back would place the names again, which would ask again, and fail again: a loop.
    expect(placeAgain).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
    // The next move asks again.
    store.namesArrived(0, WORLD, placeAgain);
    await vi.waitFor(() => expect(placeAgain).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
