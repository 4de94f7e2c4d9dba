/**
 * Two ClickHouse servers on loopback as a two-shard cluster named `dateline`, each in a scratch
 * folder of its own, for the ClickHouse engine's test and bench (docs/server.md). `start` waits
 * until both answer; `stop` ends exactly the processes it started, by their ids, and removes the
 * folder. As a command: `npm run clickhouse:cluster -- start|stop [folder]`, which keeps the
 * servers' ids in the folder so `stop` finds them again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findClickHouseServer } from './find-clickhouse.mjs';

export const CLUSTER = 'dateline';
/** HTTP and native ports of the two servers: 1812N and 1900N. */
export const SHARDS = [
  { http: 18121, tcp: 19001 },
  { http: 18122, tcp: 19002 },
] as const;
export const SHARD_URLS = SHARDS.map((shard) => `http://127.0.0.1:${shard.http}`);

export interface RunningCluster {
  folder: string;
  pids: number[];
  urls: string[];
}

function config(folder: string, index: number): string {
  const shard = SHARDS[index] ?? SHARDS[0];
  const replicas = SHARDS.map(
    (each) =>
      `      <shard><replica><host>127.0.0.1</host><port>${each.tcp}</port></replica></shard>`,
  ).join('\n');
  return `<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${shard.http}</http_port>
  <tcp_port>${shard.tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${folder}/s${index + 1}/data/</path>
  <tmp_path>${folder}/s${index + 1}/tmp/</tmp_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>53687091</mark_cache_size>
  <remote_servers>
    <${CLUSTER}>
${replicas}
    </${CLUSTER}>
  </remote_servers>
</yandex>
`;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/?query=SELECT%201`, {
      signal: AbortSignal.timeout(1_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

const NOT_INSTALLED =
  'clickhouse-server is not installed: run `node scripts/ensure-clickhouse.mjs` (Debian: apt-get install clickhouse-server clickhouse-client)';

/** Starts the server of shard `index` on its folder (made if new); its process id. */
function startServer(folder: string, index: number, logs: string[]): number {
  const server = findClickHouseServer();
  if (server === null) throw new Error(NOT_INSTALLED);
  const dir = join(folder, `s${index + 1}`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  writeFileSync(join(dir, 'config.xml'), config(folder, index));
  const child = spawn(server, [`--config-file=${join(dir, 'config.xml')}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: false,
  });
  child.on('error', (error) => logs.push(String(error)));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  if (child.pid === undefined) {
    throw new Error(
      'clickhouse-server could not be started: install it with `node scripts/ensure-clickhouse.mjs` (Debian: apt-get install clickhouse-server clickhouse-client)',
    );
  }
  return child.pid;
}

/** Waits, up to a minute, until every url answers; stops the cluster if one does not. */
async function waitForAnswers(
  urls: readonly string[],
  running: RunningCluster,
  logs: string[],
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const url of urls) {
    while (!(await answers(url))) {
      if (Date.now() > deadline) {
        stopCluster(running);
        throw new Error(
          `ClickHouse at ${url} did not answer within a minute:\n${logs.join('').slice(-2_000)}`,
        );
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  }
}

/** Starts both servers in a fresh scratch folder and waits (up to a minute) until both answer. */
export async function startCluster(
  folder = mkdtempSync(join(tmpdir(), 'dateline-ch-')),
): Promise<RunningCluster> {
  const pids: number[] = [];
  const logs: string[] = [];
  for (const index of SHARDS.keys()) {
    try {
      pids.push(startServer(folder, index, logs));
    } catch (error) {
      stopCluster({ folder, pids });
      throw error;
    }
  }
  const running = { folder, pids, urls: SHARD_URLS };
  await waitForAnswers(SHARD_URLS, running, logs);
  writeFileSync(join(folder, 'pids'), pids.join('\n'));
  return running;
}

/**
 * Kills one shard's server outright and starts it again on its data, as a crash and a restart
 * would: for the test of what a server that lives on through it answers.
 */
export async function restartShard(running: RunningCluster, index: number): Promise<void> {
  const url = running.urls[index];
  const pid = running.pids[index];
  if (url === undefined || pid === undefined) throw new Error(`No shard ${index} in this cluster`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    // Only a server that is gone already may be started again.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  const deadline = Date.now() + 30_000;
  while (await answers(url)) {
    if (Date.now() > deadline) throw new Error(`ClickHouse at ${url} still answers after a kill`);
    await new Promise((done) => setTimeout(done, 100));
  }
  const logs: string[] = [];
  running.pids[index] = startServer(running.folder, index, logs);
  await waitForAnswers([url], running, logs);
  writeFileSync(join(running.folder, 'pids'), running.pids.join('\n'));
}

/** Ends the servers `startCluster` started, by their ids, and removes their folder. */
export function stopCluster(running: Pick<RunningCluster, 'folder' | 'pids'>): void {
  for (const pid of running.pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(running.folder, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('clickhouse-cluster.ts')) {
  const [command, folder] = process.argv.slice(2);
  if (command === 'start') {
    const running = await startCluster(
      folder ? (mkdirSync(folder, { recursive: true }), folder) : undefined,
    );
    console.log(
      `Two shards (cluster "${CLUSTER}") at ${running.urls.join(' and ')}; folder ${running.folder}`,
    );
    process.exit(0);
  } else if (command === 'stop' && folder !== undefined) {
    const pids = readFileSync(join(folder, 'pids'), 'utf8').split('\n').map(Number);
    stopCluster({ folder, pids });
    console.log(`Stopped ${pids.join(' and ')}`);
  } else {
    console.error('Usage: npm run clickhouse:cluster -- start [folder] | stop <folder>');
    process.exit(2);
  }
}
