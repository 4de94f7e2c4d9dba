/**
 * `npm run serve:data -- <file> [--port 8787] [--host 127.0.0.1] [--cors <origin>,…]`: the data
 * server (docs/server.md) on one file, with DuckDB embedded. Read-only; it serves nothing but the
 * answers about that file. `--engine clickhouse --url <http>[,<http>…] [--cluster dateline]
 * [--table events]` loads the file into ClickHouse instead (a local table on every listed shard, a
 * Distributed table over them) and asks it. A Parquet or UTF-8 CSV file is read by DuckDB itself
 * (src/server/native-load.ts); `--importer` reads it with the app's importer instead, as GeoJSON is.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { ClickHouseEngine } from '../src/server/clickhouse-engine.ts';
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { loadDataset } from '../src/server/load-dataset.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    engine: { type: 'string', default: 'duckdb' },
    url: { type: 'string' },
    cluster: { type: 'string', default: 'dateline' },
    table: { type: 'string', default: 'events' },
    importer: { type: 'boolean', default: false },
    cors: {
      type: 'string',
      default: 'http://127.0.0.1:4173,http://localhost:4173,http://localhost:5173',
    },
  },
});
const [file] = positionals;
if (file === undefined || positionals.length > 1) {
  console.error(
    'Usage: npm run serve:data -- <file> [--port 8787] [--host 127.0.0.1] [--cors <origin>,…] [--importer] [--engine duckdb|clickhouse --url <http>,… --cluster dateline --table events]',
  );
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

if (values.engine !== 'duckdb' && values.engine !== 'clickhouse') {
  console.error(`--engine must be duckdb or clickhouse, not "${values.engine}"`);
  process.exit(2);
}
if (values.engine === 'clickhouse' && values.url === undefined) {
  console.error("--engine clickhouse needs --url: the shards' HTTP addresses, the first answering");
  process.exit(2);
}

const started = performance.now();
try {
  // DuckDB reads a Parquet or UTF-8 CSV file itself, at any size; the importer reads the rest.
  const native =
    values.engine === 'duckdb' && !values.importer ? await DuckDbEngine.openFile(file) : null;
  const engine =
    native ??
    (values.engine === 'clickhouse'
      ? await ClickHouseEngine.load(await loadDataset(file), {
          urls: (values.url ?? '').split(',').map((url) => url.trim()),
          cluster: values.cluster,
          table: values.table,
        })
      : await DuckDbEngine.open(await loadDataset(file)));
  const app = createApp(engine, {
    allowedOrigins: values.cors
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  });
  serve({ fetch: app.fetch, port, hostname: values.host });
  // Stopped (Ctrl-C, or a test done with it): a database on disk is scratch, removed with the server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A few seconds at most for the engine to tidy up (ClickHouse: the kept searches' tables).
      const stopped = setTimeout(() => process.exit(0), 5_000);
      Promise.resolve(engine.close())
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(stopped);
          process.exit(0);
        });
    });
  }
  const { eventCount, issues } = await engine.describe();
  console.log(
    `Serving ${eventCount.toLocaleString('en-GB')} events of ${file} (${issues.count.toLocaleString('en-GB')} records not shown${native ? ', read by DuckDB' : ''}) at http://${values.host}:${port}/ — loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
