#!/usr/bin/env node
/**
 * Makes sure clickhouse-server is on this machine, for the ClickHouse engine's test
 * (`npm run test:clickhouse`): Debian's clickhouse-server and clickhouse-client packages, installed
 * with apt-get when running as root and missing. Fails with a clear message when neither works,
 * so the test never skips silently.
 */
import { execFileSync } from 'node:child_process';
import { findClickHouseServer } from './find-clickhouse.mjs';

/** The server's path, or null. */
function version() {
  return findClickHouseServer();
}

function tryRun(command, args) {
  try {
    execFileSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

let found = version();
if (!found && process.getuid?.() === 0) {
  console.log("No clickhouse-server found: installing Debian's clickhouse-server package…");
  tryRun('apt-get', ['update', '-qq']);
  tryRun('apt-get', [
    'install',
    '-y',
    '-qq',
    '--no-install-recommends',
    'clickhouse-server',
    'clickhouse-client',
  ]);
  found = version();
}
if (!found) {
  console.error(
    'ClickHouse is not available, and the ClickHouse engine test needs it. Install it (for example `sudo apt-get install clickhouse-server clickhouse-client`) and run again.',
  );
  process.exit(1);
}
console.log(`ClickHouse for the engine test: ${found}`);
