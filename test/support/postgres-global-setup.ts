// The PostgreSQL project's global set-up: at the end of a run, drop the databases its workers
// made (test-database.ts names them after this process), so repeated runs on one server do not
// pile up hundreds of databases. Runs in vitest's main process; the workers are its children.
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://powermap:powermap@127.0.0.1:5432/postgres';

export async function teardown() {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return; // no server: the tests skipped (or failed, in CI) and made nothing
  }
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`powermap_test_${process.pid}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
