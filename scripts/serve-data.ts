/**
 * `npm run serve:data -- <file> [--port 8787] [--host 127.0.0.1] [--cors <origin>,…]`: the data
 * server (docs/server.md) on one file, with DuckDB embedded. Read-only; it serves nothing but the
 * answers about that file. `--engine clickhouse --url <http>[,<http>…] [--cluster dateline]
 * [--table events]` loads the file into ClickHouse instead (a local table on every listed shard, a
 * Distributed table over them) and asks it. A Parquet or UTF-8 CSV file is read by DuckDB itself
 * (src/server/native-load.ts); `--importer` reads it with the app's importer instead, as GeoJSON is.
 * The file's dateline.config.json (beside it, or `--config <file>`) chooses its columns and names
 * its categories, as it does for a site built from the file (docs/publishing.md).
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { ClickHouseEngine } from '../src/server/clickhouse-engine.ts';
import { DuckDbEngine } from '../src/server/duckdb-engine.ts';
import { loadDataset } from '../src/server/load-dataset.ts';
import { readServeCommand, servingLines } from './serve-data-options.ts';
import { readSiteConfig, unknownCategoryWarnings } from './site-config-read.ts';

const command = readServeCommand(process.argv.slice(2));
if (command.kind === 'exit') {
  (command.code === 0 ? console.log : console.error)(command.text);
  process.exit(command.code);
}
const { options } = command;
const { file } = options;

const started = performance.now();
try {
  const settings = await readSiteConfig(file, options.config, '--config');
  const say = (note: string) => console.log(note);
  // DuckDB reads a Parquet or UTF-8 CSV file itself, at any size; the importer reads the rest.
  const native =
    options.engine === 'duckdb' && !options.importer
      ? await DuckDbEngine.openFile(file, { settings, say })
      : null;
  const engine =
    native ??
    (options.engine === 'clickhouse'
      ? await ClickHouseEngine.load(await loadDataset(file, settings, say), {
          urls: options.urls,
          cluster: options.cluster,
          table: options.table,
        })
      : await DuckDbEngine.open(await loadDataset(file, settings, say)));
  const app = createApp(engine, { allowedOrigins: options.allowedOrigins });
  serve({ fetch: app.fetch, port: options.port, hostname: options.host });
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
  const { eventCount, issues, categories } = await engine.describe();
  unknownCategoryWarnings(settings, new Set(categories.map((category) => category.name))).forEach(
    say,
  );
  console.log(
    `Serving ${eventCount.toLocaleString('en-GB')} events of ${file} (${issues.count.toLocaleString('en-GB')} record${issues.count === 1 ? '' : 's'} not shown${native ? ', read by DuckDB' : ''}) — loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const line of servingLines(options)) console.log(line);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
