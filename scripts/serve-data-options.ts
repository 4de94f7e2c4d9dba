/**
 * `npm run serve:data` reads its command line here: the options, or what to print and the exit
 * code (a usage for --help, a message naming the mistake otherwise). Kept apart from the server so
 * that a mistake is tested without starting one.
 */
import { parseArgs } from 'node:util';
import { parseHttpUrl } from '../src/data/model/dataset-error.ts';

export const USAGE = `Usage: npm run serve:data -- <file> [options]

Serves the events of <file> (Parquet, CSV or GeoJSON) to the explorer, read-only.

Options:
  --port <n>          the port to answer on (default 8787)
  --host <name>       the address to answer on (default 127.0.0.1)
  --cors <origin>,…   the sites whose pages may ask it (default: the preview and dev servers,
                      http://127.0.0.1:4173, http://localhost:4173, http://localhost:5173)
  --config <file>     the dataset's dateline.config.json (default: the one beside <file>, if
                      any): its columns, day order, title, description and category labels
  --importer          read the file with the app's importer, in memory, as GeoJSON is
  --engine clickhouse --url <http>,… [--cluster dateline] [--table events]
                      load it into a ClickHouse cluster (the first --url answers) and ask that
  --help              this text

Then open the explorer on it: <explorer>/?data=http://<host>:<port>/dateline.json`;

export interface ServeOptions {
  file: string;
  port: number;
  host: string;
  engine: 'duckdb' | 'clickhouse';
  urls: string[];
  cluster: string;
  table: string;
  importer: boolean;
  /** The config named by --config; null to look beside the file. */
  config: string | null;
  allowedOrigins: string[];
}

export type ServeCommand =
  { kind: 'serve'; options: ServeOptions } | { kind: 'exit'; code: number; text: string };

const DEFAULT_ORIGINS = 'http://127.0.0.1:4173,http://localhost:4173,http://localhost:5173';

const mistake = (text: string): ServeCommand => ({
  kind: 'exit',
  code: 2,
  text: `${text}\n\n${USAGE}`,
});

/** An address a browser on this machine reaches a server listening on every interface by. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export function readServeCommand(args: readonly string[]): ServeCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        engine: { type: 'string', default: 'duckdb' },
        url: { type: 'string' },
        cluster: { type: 'string', default: 'dateline' },
        table: { type: 'string', default: 'events' },
        importer: { type: 'boolean', default: false },
        config: { type: 'string' },
        cors: { type: 'string', default: DEFAULT_ORIGINS },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs says which option it did not know, or which one lacks its value.
    return mistake(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'exit', code: 0, text: USAGE };
  const [file] = positionals;
  if (file === undefined) return mistake('Which file? Give one to serve.');
  if (positionals.length > 1)
    return mistake(`One file at a time: got ${positionals.length} (${positionals.join(', ')}).`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    return mistake(`--port must be a port number, not "${values.port}".`);
  const { engine } = values;
  if (engine !== 'duckdb' && engine !== 'clickhouse')
    return mistake(`--engine must be duckdb or clickhouse, not "${engine}".`);
  const urls = (values.url ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (engine === 'clickhouse' && urls.length === 0)
    return mistake(
      "--engine clickhouse needs --url: the shards' HTTP addresses, the first answering.",
    );
  // An origin as a browser sends it: scheme, host and port, nothing after.
  const allowedOrigins: string[] = [];
  for (const text of values.cors.split(',').map((origin) => origin.trim())) {
    if (text === '') continue;
    // "http://127.0.0.1:4191/" is the site http://127.0.0.1:4191.
    const origin = parseHttpUrl(text)?.origin ?? null;
    if (origin === null)
      return mistake(`--cors takes sites like http://127.0.0.1:4173, not "${text}".`);
    allowedOrigins.push(origin);
  }
  return {
    kind: 'serve',
    options: {
      file,
      port,
      host: values.host,
      engine,
      urls,
      cluster: values.cluster,
      table: values.table,
      importer: values.importer,
      config: values.config ?? null,
      allowedOrigins,
    },
  };
}

/**
 * What the server says once it answers: where its descriptor is, and the explorer's address on
 * it for each site it lets ask (the first is the preview server's), so that the next step is a
 * link to open rather than an address to put together.
 */
export function servingLines(options: ServeOptions): string[] {
  const descriptor = `http://${reachableHost(options.host)}:${options.port}/dateline.json`;
  return [
    `  descriptor: ${descriptor}`,
    ...options.allowedOrigins.map((origin) => `  open:       ${origin}/?data=${descriptor}`),
    '  (an explorer elsewhere must be let in with --cors <its origin>)',
  ];
}
