import { describe, expect, it } from 'vitest';
import { USAGE, readServeCommand, servingLines } from './serve-data-options.ts';

describe('serve:data command line', () => {
  it('prints its usage for --help, and exits without an error', () => {
    expect(readServeCommand(['--help'])).toEqual({ kind: 'exit', code: 0, text: USAGE });
    expect(readServeCommand(['-h'])).toEqual({ kind: 'exit', code: 0, text: USAGE });
  });

  it('names an unknown option and shows the usage, rather than a stack trace', () => {
    const command = readServeCommand(['data/events.geojson', '--prot', '9000']);
    expect(command.kind).toBe('exit');
    if (command.kind !== 'exit') return;
    expect(command.code).toBe(2);
    expect(command.text).toContain("'--prot'");
    expect(command.text).toContain(USAGE);
  });

  it('asks for a file, one file, and a real port', () => {
    const texts = [[], ['a.csv', 'b.csv'], ['a.csv', '--port', '99999'], ['a.csv', '--port']].map(
      (args) => {
        const command = readServeCommand(args);
        return command.kind === 'exit' ? `${command.code} ${command.text.split('\n')[0]}` : '';
      },
    );
    expect(texts).toEqual([
      '2 Which file? Give one to serve.',
      '2 One file at a time: got 2 (a.csv, b.csv).',
      '2 --port must be a port number, not "99999".',
      expect.stringMatching(/^2 Option '--port <value>' argument missing/),
    ]);
  });

  it('needs the shards for ClickHouse', () => {
    const command = readServeCommand(['a.csv', '--engine', 'clickhouse']);
    expect(command.kind === 'exit' && command.text).toMatch(/^--engine clickhouse needs --url/);
  });

  it('reads the options, with the preview and dev servers let in by default', () => {
    expect(readServeCommand(['a.parquet', '--port', '8871'])).toEqual({
      kind: 'serve',
      options: {
        file: 'a.parquet',
        port: 8871,
        host: '127.0.0.1',
        engine: 'duckdb',
        urls: [],
        cluster: 'dateline',
        table: 'events',
        importer: false,
        config: null,
        allowedOrigins: ['http://127.0.0.1:4173', 'http://localhost:4173', 'http://localhost:5173'],
      },
    });
    const configured = readServeCommand(['a.csv', '--config', 'site/dateline.config.json']);
    expect(configured.kind === 'serve' && configured.options.config).toBe(
      'site/dateline.config.json',
    );
  });

  it('reads each --cors site as its origin, refuses what is no site, and needs a shard address', () => {
    const command = readServeCommand([
      'a.csv',
      '--cors',
      'http://127.0.0.1:4191/, https://example.org/news',
    ]);
    expect(command.kind === 'serve' && command.options.allowedOrigins).toEqual([
      'http://127.0.0.1:4191',
      'https://example.org',
    ]);
    const refused = readServeCommand(['a.csv', '--cors', '127.0.0.1:4191']);
    expect(refused.kind === 'exit' && refused.text.split('\n')[0]).toBe(
      '--cors takes sites like http://127.0.0.1:4173, not "127.0.0.1:4191".',
    );
    const noShards = readServeCommand(['a.csv', '--engine', 'clickhouse', '--url', ' ']);
    expect(noShards.kind === 'exit' && noShards.text).toMatch(/^--engine clickhouse needs --url/);
  });

  it('says where to open the explorer for each site it lets in', () => {
    const command = readServeCommand([
      'a.csv',
      '--port',
      '8871',
      '--cors',
      'http://127.0.0.1:4191',
    ]);
    if (command.kind !== 'serve') throw new Error('expected options');
    expect(servingLines(command.options)).toEqual([
      '  descriptor: http://127.0.0.1:8871/dateline.json',
      '  open:       http://127.0.0.1:4191/?data=http://127.0.0.1:8871/dateline.json',
      '  (an explorer elsewhere must be let in with --cors <its origin>)',
    ]);
  });

  it('gives a browser an address it can open when the server listens on every interface', () => {
    const command = readServeCommand(['a.csv', '--host', '0.0.0.0']);
    if (command.kind !== 'serve') throw new Error('expected options');
    expect(servingLines(command.options)[0]).toBe(
      '  descriptor: http://127.0.0.1:8787/dateline.json',
    );
  });
});
