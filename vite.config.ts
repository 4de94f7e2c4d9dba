/// <reference types="vitest/config" />
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

export default defineConfig({
  // BASE_PATH=/some/path/ npm run build puts the whole site under that path.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), bundledDatasetPlugin()],
  build: { sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
