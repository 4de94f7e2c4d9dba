/**
 * `npm run test:clickhouse`: the ClickHouse engine's test alone. It starts two ClickHouse servers,
 * so it stays out of the unit tests that run three times over (once per time zone).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/server/*.clickhouse-test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
