/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const bundledDataset = fileURLToPath(new URL('./data/events.geojson', import.meta.url));

/**
 * Serves data/events.geojson at <base>data/events.geojson in dev and copies it into the build, so
 * the dataset lives at the top of the repo (where people look for it) and is still fetched like
 * any other dataset URL, never bundled into the JavaScript.
 */
function bundledDatasetPlugin(): Plugin {
  return {
    name: 'dateline-bundled-dataset',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = (request.url ?? '').split('?')[0];
        if (path !== `${server.config.base}data/events.geojson`) return next();
        response.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        response.end(await readFile(bundledDataset));
      });
    },
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'data/events.geojson',
        source: await readFile(bundledDataset),
      });
    },
  };
}

/**
 * The Content Security Policy of the built site. Scripts come only from the site itself, never
 * inline, so text from a dataset that somehow reached the page as markup could still not run.
 * Datasets may be fetched from any http(s) address (`?data=`), and map tiles from any https
 * server. Markup may not carry style attributes (styles set from script are allowed).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Puts the policy in every built page as a meta tag, and writes `_headers` (read by Netlify and
 * Cloudflare Pages) with the same policy as a real header plus a few safe defaults. Not in dev:
 * Vite's dev server needs inline scripts for hot reload.
 */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'dateline-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        /<meta charset="UTF-8" \/>/,
        `$&\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: [
          '/*',
          `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '',
        ].join('\n'),
      });
    },
  };
}

const serviceWorkerSource = fileURLToPath(
  new URL('./src/offline/service-worker.js', import.meta.url),
);

/**
 * Writes `sw.js` beside index.html: the service worker (src/offline/service-worker.js) with the
 * list of the app's files it stores for offline use, and a version that changes with them.
 */
function serviceWorkerPlugin(): Plugin {
  return {
    name: 'dateline-service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle).filter(
          (file) => !file.endsWith('.map') && file.startsWith('assets/'),
        ),
        'favicon.svg',
      ].sort();
      // The build time too: a new page alone (new meta tags) must also reach offline readers.
      const version = createHash('sha256')
        .update(`${files.join('\n')}\n${Date.now()}`)
        .digest('hex')
        .slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: [
          `self.__DATELINE_FILES__ = ${JSON.stringify(files)};`,
          `self.__DATELINE_VERSION__ = ${JSON.stringify(version)};`,
          await readFile(serviceWorkerSource, 'utf8'),
        ].join('\n'),
      });
    },
  };
}

export default defineConfig({
  // BASE_PATH=/some/path/ npm run build puts the whole site under that path.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), bundledDatasetPlugin(), contentSecurityPolicyPlugin(), serviceWorkerPlugin()],
  build: { sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
