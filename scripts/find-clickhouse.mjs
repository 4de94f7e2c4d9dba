/**
 * Where clickhouse-server is: $CLICKHOUSE_SERVER, else the first on $PATH, else Debian's
 * /usr/sbin (which an ordinary user's $PATH often lacks). Null when there is none.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findClickHouseServer() {
  const candidates = [
    process.env.CLICKHOUSE_SERVER,
    ...(process.env.PATH ?? '').split(delimiter).map((folder) => join(folder, 'clickhouse-server')),
    '/usr/sbin/clickhouse-server',
    '/usr/bin/clickhouse-server',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there: the next one.
    }
  }
  return null;
}
