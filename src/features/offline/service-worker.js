/**
 * Dateline's service worker: after one visit, the app and the datasets last opened work offline.
 * A reader who opened a link once can reopen it on a plane.
 *
 * - The app's files (hashed, never changing) are stored when the worker installs, and then served
 *   from the store first.
 * - Pages (addresses in the app without a file extension, or ending in .html) come from the
 *   network; offline, from the stored app page, which routes by address like any page.
 * - Datasets come from the network first. Each download is kept aside as it passes, and becomes
 *   the offline copy only when the page says it read it well ('remember-dataset'): a download cut
 *   off half-way never replaces a good copy. Offline, the stored copy answers, marked with the
 *   `X-Dateline-Offline-Copy` header (the time it was stored).
 *
 * The build (vite.config.ts) writes this file to `sw.js` with the list of the app's files in place
 * of self.__DATELINE_FILES__ and a version made from it.
 */
const FILES = self.__DATELINE_FILES__;
const VERSION = self.__DATELINE_VERSION__;
const SHELL_CACHE = `dateline-shell-${VERSION}`;
const DATA_CACHE = 'dateline-datasets';
/** Downloads not yet confirmed by the page. */
const PENDING_CACHE = 'dateline-datasets-pending';
/** Files kept for offline use: datasets, and the parts of datasets split by a manifest. */
const MAX_DATASET_FILES = 64;
const SAVED_AT_HEADER = 'X-Dateline-Saved-At';
const SCOPE = new URL(self.registration.scope);
/** The app's page: the scope itself (some hosts redirect /index.html to /). */
const APP_PAGE = SCOPE.href;
const FILE_URLS = new Set(FILES.map((file) => new URL(file, SCOPE).href));

/** A response a page navigation will accept: not marked as redirected. */
async function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function storeShell() {
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll([...FILE_URLS]);
  // Past the browser's HTTP cache: a stale page would name files this version no longer has.
  const page = await fetch(new Request(APP_PAGE, { cache: 'reload' }));
  if (!page.ok) throw new Error(`The app page answered ${page.status}`);
  await cache.put(APP_PAGE, await unredirected(page));
}

self.addEventListener('install', (event) => {
  event.waitUntil(storeShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('dateline-shell-') && key !== SHELL_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The app asks for datasets with this Accept header (src/data/loading/dataset-query.ts). */
const DATASET_ACCEPT = 'application/geo+json, application/json, text/csv;q=0.9, */*;q=0.5';

function isDatasetRequest(request) {
  return (request.headers.get('Accept') ?? '').startsWith('application/geo+json');
}

/** A page of the app (routed by address), not a file such as data/events.geojson or card.png. */
function isAppPage(url) {
  if (!url.href.startsWith(SCOPE.href)) return false;
  const last = url.pathname.split('/').pop() ?? '';
  return !last.includes('.') || last.endsWith('.html');
}

async function fromNetworkOrStoredPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const stored = await caches.match(APP_PAGE, { ignoreVary: true });
    if (stored) return stored;
    throw error;
  }
}

async function fromStoreFirst(request) {
  const stored = await caches.match(request, { ignoreVary: true });
  return stored ?? fetch(request);
}

/** Keeps a download aside until the page confirms it read it well. */
async function keepPending(url, response) {
  const cache = await caches.open(PENDING_CACHE);
  await cache.put(url, response);
}

/** Makes a download the offline copy, newest last; the oldest files beyond the limit go. */
async function remember(url) {
  const pending = await caches.open(PENDING_CACHE);
  let response = await pending.match(url, { ignoreVary: true });
  if (!response) {
    // Not seen passing (the first visit ran before this worker): fetch it, usually from the
    // browser's HTTP cache.
    const fetched = await fetch(url, { headers: { Accept: DATASET_ACCEPT } });
    if (!fetched.ok) return;
    response = fetched;
  }
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  const stored = new Response(await response.blob(), { status: response.status, headers });
  const cache = await caches.open(DATA_CACHE);
  // Deleted first so that it moves to the end of the order; the new copy is complete by now.
  await cache.delete(url);
  await cache.put(url, stored);
  await pending.delete(url);
  const keys = await cache.keys();
  // Keys come back in insertion order: the oldest go first.
  await Promise.all(keys.slice(0, -MAX_DATASET_FILES).map((key) => cache.delete(key)));
}

async function datasetFromNetworkOrCopy(request, event) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
      event.waitUntil(keepPending(request.url, response.clone()).catch(() => undefined));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(DATA_CACHE);
    const stored = await cache.match(request.url, { ignoreVary: true });
    if (!stored) throw error;
    const headers = new Headers(stored.headers);
    headers.set('X-Dateline-Offline-Copy', stored.headers.get(SAVED_AT_HEADER) ?? 'unknown');
    // Readable by the page even when the dataset came from another site.
    headers.set('Access-Control-Expose-Headers', 'X-Dateline-Offline-Copy');
    return new Response(stored.body, { status: stored.status, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!url.protocol.startsWith('http')) return;
  if (request.mode === 'navigate' && isAppPage(url)) {
    event.respondWith(fromNetworkOrStoredPage(request));
  } else if (FILE_URLS.has(url.href)) {
    event.respondWith(fromStoreFirst(request));
  } else if (isDatasetRequest(request)) {
    event.respondWith(datasetFromNetworkOrCopy(request, event));
  }
});

// The page names the files of the dataset it has just read well (one, or a manifest and its
// parts): they become the offline copy.
self.addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type !== 'remember-dataset' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((url) => typeof url === 'string')
    .map((url) => new URL(url, SCOPE))
    .filter((url) => url.protocol === 'https:' || url.protocol === 'http:')
    .map((url) => url.href);
  event.waitUntil(
    urls.reduce(
      (previous, url) => previous.then(() => remember(url)).catch(() => undefined),
      Promise.resolve(),
    ),
  );
});
