// A fresh, migrated database for each database test file, of the kind the vitest project
// names: an SQLite file per worker, or a PostgreSQL database per worker on a real server.
// PostgreSQL comes from TEST_POSTGRES_URL (an account that may create databases); without a
// reachable server the PostgreSQL tests skip with a message, except in CI where they fail.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { disconnectDb } from '../../lib/db/client';
import type { DatabaseConfig, DatabaseKind } from '../../lib/db/config';
import { applyMigrations } from '../../lib/db/schema-engine';

export const TEST_KIND = (process.env.POWERMAP_TEST_DB ?? 'sqlite') as DatabaseKind;
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://powermap:powermap@127.0.0.1:5432/postgres';
const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';

let postgresReachable: boolean | undefined;
export async function databaseAvailable(): Promise<boolean> {
  if (TEST_KIND === 'sqlite') return true;
  if (postgresReachable === undefined) {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    postgresReachable = await client.connect().then(
      () => client.end().then(() => true),
      (error: Error) => {
        if (process.env.CI) throw new Error(`PostgreSQL is required in CI but unreachable at TEST_POSTGRES_URL: ${error.message}`);
        console.warn(`Skipping PostgreSQL tests: no server at TEST_POSTGRES_URL (${error.message}). Start one with: pg_ctlcluster 15 main start`);
        return false;
      },
    );
  }
  return postgresReachable ?? false;
}

/** Drops and recreates this worker's database, applies every migration, and points the app's client at it. */
export async function freshDatabase(): Promise<DatabaseConfig> {
  await disconnectDb();
  let config: DatabaseConfig;
  if (TEST_KIND === 'sqlite') {
    const file = path.join(os.tmpdir(), `powermap-test-${process.pid}-${worker}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    config = { kind: 'sqlite', url: `file:${file}` };
  } else {
    // Per worker process, under the run's main process (the forks pool's parent), so parallel
    // runs never share one and postgres-global-setup.ts drops exactly this run's databases.
    const name = `powermap_test_${process.ppid}_${process.pid}_${worker}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    config = { kind: 'postgresql', url: url.toString() };
  }
  process.env.DATABASE_URL = config.url;
  await applyMigrations(config);
  return config;
}
