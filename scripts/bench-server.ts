/**
 * The benchmark's static host: the production build (with the SPA fallback a real host has), the
 * generated datasets under /bench-data/, and the naive one-marker-per-event page under /naive/.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createServer, type Server } from 'node:http';
import { createGzip, gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

const NAIVE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Naive baseline</title>
<link rel="stylesheet" href="/naive/leaflet.css">
<style>html,body,#map{height:100%;margin:0}</style></head>
<body><div id="map"></div>
<script src="/naive/leaflet.js"></script>
<script>
  // The map as a user would first write it: fetch, parse, one Leaflet marker per event.
  const url = new URLSearchParams(location.search).get('data');
  fetch(url).then((response) => response.json()).then((json) => {
    performance.mark('naive:data-ready');
    const map = L.map('map').setView([20, 0], 2);
    for (const feature of json.features) {
      const [lon, lat] = feature.geometry.coordinates;
      L.marker([lat, lon]).bindPopup(feature.properties.title).addTo(map);
    }
    requestAnimationFrame(() => performance.mark('naive:first-render'));
  });
</script></body></html>`;

/** The app's own text files, compressed as any static host compresses them. */
const COMPRESSED_TYPES = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

/** How the bench server compresses the app's files (the most any static host would). */
export function compressAsServed(bytes: Buffer): Buffer {
  return gzipSync(bytes, { level: 9 });
}

/** Dataset types a host compresses when told to (BENCH_GZIP_DATA=1); Parquet is compressed inside. */
const COMPRESSED_DATA_TYPES = new Set(['.geojson', '.json', '.csv']);

/**
 * A dataset gzipped once and kept beside it (`<file>.gz`): compressing 373 MB for each request
 * would take a core from the browser being measured.
 */
async function gzippedCopy(file: string): Promise<string> {
  const copy = `${file}.gz`;
  if (existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs) return copy;
  await pipeline(
    createReadStream(file),
    createGzip({ level: 6 }),
    createWriteStream(`${copy}.part`),
  );
  renameSync(`${copy}.part`, copy);
  return copy;
}

export function startBenchServer(dist: string, dataDir: string, port: number): Promise<Server> {
  const leaflet = resolve('node_modules/leaflet/dist');
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (file: string) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The app's files are gzipped, as GitHub Pages, Netlify or nginx would serve them. Datasets
      // are not unless asked (BENCH_GZIP_DATA=1): their download stays comparable with the
      // JSON.parse floor and shows progress.
      if (
        file.startsWith(dist) &&
        COMPRESSED_TYPES.has(extname(file)) &&
        /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      ) {
        let body = gzipped.get(file);
        if (!body) {
          body = compressAsServed(readFileSync(file));
          gzipped.set(file, body);
        }
        response.writeHead(200, {
          'Content-Type': type,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
          Vary: 'Accept-Encoding',
        });
        response.end(body);
        return;
      }
      // BENCH_GZIP_DATA=1: datasets gzipped, as a host that compresses JSON sends them.
      if (
        process.env.BENCH_GZIP_DATA === '1' &&
        file.startsWith(dataDir) &&
        COMPRESSED_DATA_TYPES.has(extname(file)) &&
        /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      ) {
        void gzippedCopy(file).then((copy) => {
          response.writeHead(200, {
            'Content-Type': type,
            'Content-Encoding': 'gzip',
            'Content-Length': statSync(copy).size,
            Vary: 'Accept-Encoding',
          });
          createReadStream(copy).pipe(response);
        });
        return;
      }
      const size = statSync(file).size;
      // One byte range, as static hosts answer it: the Parquet reader asks for a file's footer
      // ahead of its download (src/data/loading/arriving-file.ts).
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(request.headers.range ?? ''));
      const first = Number(range?.[1]);
      const last = Math.min(size - 1, range?.[2] ? Number(range[2]) : size - 1);
      if (range && first <= last) {
        response.writeHead(206, {
          'Content-Type': type,
          'Content-Length': last - first + 1,
          'Content-Range': `bytes ${first}-${last}/${size}`,
          'Accept-Ranges': 'bytes',
        });
        createReadStream(file, { start: first, end: last }).pipe(response);
        return;
      }
      response.writeHead(200, {
        'Content-Type': type,
        'Content-Length': size,
        'Accept-Ranges': 'bytes',
      });
      createReadStream(file).pipe(response);
    };
    if (path === '/naive/') {
      response.writeHead(200, { 'Content-Type': TYPES['.html'] ?? '' });
      response.end(NAIVE_PAGE);
      return;
    }
    const inside = (root: string, relative: string) => {
      const file = normalize(join(root, relative));
      return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : null;
    };
    const file = path.startsWith('/bench-data/')
      ? inside(dataDir, path.slice('/bench-data/'.length))
      : path.startsWith('/naive/')
        ? inside(leaflet, path.slice('/naive/'.length))
        : // A pre-rendered page (an event's, a story's) is a folder's index.html, as static hosts
          // serve it; any other path gets the app's own page.
          (inside(dist, path) ??
          inside(dist, join(path, 'index.html')) ??
          join(dist, 'index.html'));
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    send(file);
  });
  return new Promise((resolveServer) =>
    server.listen(port, '127.0.0.1', () => resolveServer(server)),
  );
}
