/**
 * Dateline's service worker: after one visit, the app and the datasets last opened work offline.
 * A reader who opened a link once can reopen it on a plane.
 *
 * - The app's files (hashed, never changing) are stored when the worker installs, and then served
 *   from the store first.
 * - Pages (any address in the app) come from the network; offline, from the stored index.html,
 *   which routes by address like any page.
 * - Datasets come from the network first and are stored as they pass (the last MAX_DATASETS);
 *   offline, the stored copy answers, marked with the `X-Dateline-Offline-Copy` header.
 *
 * The build (vite.config.ts) writes this file to `sw.js` with the list of the app's files in place
 * of self.__DATELINE_FILES__ and a version made from it.
 */
const FILES = self.__DATELINE_FILES__;
const VERSION = self.__DATELINE_VERSION__;
const SHELL_CACHE = `dateline-shell-${VERSION}`;
const DATA_CACHE = 'dateline-datasets';
const MAX_DATASETS = 12;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('index.html', SCOPE).href;
const FILE_URLS = new Set(FILES.map((file) => new URL(file, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([INDEX, ...FILE_URLS]))
      .then(() => self.skipWaiting()),
  );
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

/** The app asks for datasets with this Accept header (src/data/dataset-query.ts). */
const DATASET_ACCEPT = 'application/geo+json, application/json, text/csv;q=0.9, */*;q=0.5';

function isDatasetRequest(request) {
  return (request.headers.get('Accept') ?? '').startsWith('application/geo+json');
}

async function fromNetworkOrStoredPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const stored = await caches.match(INDEX, { ignoreVary: true });
    if (stored) return stored;
    throw error;
  }
}

async function fromStoreFirst(request) {
  const stored = await caches.match(request, { ignoreVary: true });
  return stored ?? fetch(request);
}

async function rememberDataset(request, response) {
  const cache = await caches.open(DATA_CACHE);
  await cache.delete(request.url);
  await cache.put(request.url, response);
  const keys = await cache.keys();
  // Keys come back in insertion order: the oldest go first.
  await Promise.all(keys.slice(0, -MAX_DATASETS).map((key) => cache.delete(key)));
}

async function datasetFromNetworkOrCopy(request, event) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
      event.waitUntil(rememberDataset(request, response.clone()));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(DATA_CACHE);
    const stored = await cache.match(request.url, { ignoreVary: true });
    if (!stored) throw error;
    const headers = new Headers(stored.headers);
    headers.set('X-Dateline-Offline-Copy', stored.headers.get('Date') ?? 'unknown');
    return new Response(stored.body, { status: stored.status, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!url.protocol.startsWith('http')) return;
  if (request.mode === 'navigate' && url.href.startsWith(SCOPE.href)) {
    event.respondWith(fromNetworkOrStoredPage(request));
  } else if (FILE_URLS.has(url.href)) {
    event.respondWith(fromStoreFirst(request));
  } else if (isDatasetRequest(request)) {
    event.respondWith(datasetFromNetworkOrCopy(request, event));
  }
});

// The page names the dataset it just showed: on the first visit it was fetched before this worker
// ran, so it is fetched again (usually from the browser's HTTP cache) and stored.
self.addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type !== 'remember-dataset' || typeof data.url !== 'string') return;
  const url = new URL(data.url, SCOPE);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  event.waitUntil(
    caches
      .open(DATA_CACHE)
      .then((cache) => cache.match(url.href, { ignoreVary: true }))
      .then((stored) => {
        if (stored) return undefined;
        return fetch(url.href, { headers: { Accept: DATASET_ACCEPT } }).then((response) =>
          response.ok ? rememberDataset(new Request(url.href), response) : undefined,
        );
      })
      .catch(() => undefined),
  );
});
