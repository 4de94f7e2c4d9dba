/**
 * `npm run serve:data -- <file> [--port 8787] [--host 127.0.0.1] [--cors <origin>,…]`: the data
 * server (docs/server.md) on one file, with DuckDB embedded. Read-only; it serves nothing but the
 * answers about that file.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { loadDataset } from '../src/server/load-dataset.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    cors: {
      type: 'string',
      default: 'http://127.0.0.1:4173,http://localhost:4173,http://localhost:5173',
    },
  },
});
const [file] = positionals;
if (file === undefined || positionals.length > 1) {
  console.error(
    'Usage: npm run serve:data -- <file> [--port 8787] [--host 127.0.0.1] [--cors <origin>,…]',
  );
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const started = performance.now();
try {
  const dataset = await loadDataset(file);
  const engine = await DuckDbEngine.open(dataset);
  const app = createApp(engine, {
    allowedOrigins: values.cors
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  });
  serve({ fetch: app.fetch, port, hostname: values.host });
  console.log(
    `Serving ${dataset.events.length.toLocaleString('en-GB')} events of ${file} (${dataset.issues.length.toLocaleString('en-GB')} records not shown) at http://${values.host}:${port}/ — loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
