// npm run db:backup [-- --out FILE]: a consistent backup of the configured database, safe while
// Powermap runs and writes. Never a plain copy of the SQLite file: one taken while writes run
// mixes pages of different moments (and misses what is still in the -wal file).
//   SQLite: VACUUM INTO, one read transaction, so the copy is the database as of one moment
//           while writers go on (WAL mode); then SQLite's integrity and foreign-key checks on it.
//   PostgreSQL: pg_dump --format=custom inside an exported snapshot, in which the manifest's
//           counts are read too; then pg_restore --list reads the archive back.
// Beside FILE, FILE.json (the manifest) holds the row counts, the network revision and the
// migrations of that same moment, which db:restore checks the restored database against; and the
// backup fails unless its revision is at least the one read before it began, i.e. it holds every
// change acknowledged by then.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseConfig } from '../lib/db/config';
import {
  BackupError,
  checkSqliteIntegrity,
  describePostgres,
  describeSqlite,
  manifestPath,
  pgConnection,
  runPgTool,
  sqliteFile,
  sqliteRevision,
  type BackupManifest,
} from './backup-manifest';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = databaseConfig();
const createdAt = new Date().toISOString();
const stamp = createdAt.replace(/\D/g, '').slice(0, 14);
const out = path.resolve(values.out ?? path.join('data', 'backups', `powermap-${stamp}.${config.kind === 'sqlite' ? 'db' : 'dump'}`));

try {
  if (existsSync(out)) throw new BackupError(`${out} already exists: name another file with --out`);
  mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name, renamed when complete and checked: a backup that failed
  // half-way never looks like one.
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const described = config.kind === 'sqlite' ? backupSqlite(sqliteFile(config.url), partial) : await backupPostgres(config.url, partial);
  renameSync(partial, out);
  const manifest: BackupManifest = { kind: config.kind, createdAt, file: path.basename(out), ...described };
  writeFileSync(manifestPath(out), `${JSON.stringify(manifest, null, 2)}\n`);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(`backup (${config.kind}): ${out}`);
  console.log(`  ${rows} rows in ${Object.keys(manifest.counts).length} tables, network revision ${manifest.revision}, ${manifest.migrations.length} migrations; checked; ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  rmSync(`${out}.partial`, { force: true });
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function backupSqlite(file: string, target: string) {
  if (!existsSync(file)) throw new BackupError(`no SQLite database at ${file} (DATABASE_URL)`);
  const source = new Database(file, { fileMustExist: true });
  let before: number;
  try {
    source.pragma('busy_timeout = 30000');
    before = sqliteRevision(source);
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    checkSqliteIntegrity(copy);
    const described = describeSqlite(copy);
    if (described.revision < before) throw new BackupError(`the copy's network revision ${described.revision} is behind ${before}, read before it began`);
    return described;
  } finally {
    copy.close();
  }
}

async function backupPostgres(url: string, target: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const before = Number((await client.query<{ r: number }>('SELECT COALESCE(MAX(revision), 0) AS r FROM "NetworkRevision"')).rows[0]!.r);
    // pg_dump reads in the snapshot this transaction exports, so the manifest and the dump see the same moment.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const described = await describePostgres(client);
    if (described.revision < before) throw new BackupError(`the snapshot's network revision ${described.revision} is behind ${before}, read before it began`);
    const { url: bare, env } = pgConnection(url);
    runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${target}`, `--dbname=${bare}`], env);
    await client.query('COMMIT');
    // The archive reads back, with the data of every table in it.
    const listing = runPgTool('pg_restore', ['--list', target], env);
    for (const table of Object.keys(described.counts)) {
      if (!new RegExp(`TABLE DATA \\S+ "?${table}"? `).test(listing)) throw new BackupError(`the dump has no data for table ${table}`);
    }
    return described;
  } finally {
    await client.end();
  }
}
