// npm run db:restore -- FILE [--force]: puts a backup made by db:backup into the configured
// database (DATABASE_URL), then proves the result: SQLite's integrity and foreign-key checks (or,
// on PostgreSQL, that every constraint was re-created valid), and the row counts, network
// revision and migrations of the backup's manifest (FILE.json), so the restored database holds
// every write the backup held. Stop Powermap first: a server still running keeps the database it
// had open. A database that already holds actors is replaced only with --force.
//   SQLite: the backup is checked, copied beside the database with SQLite's online backup API,
//           checked again, and only then renamed over the database (with its old -wal and -shm
//           removed), so a failed restore leaves the database as it was.
//   PostgreSQL: pg_restore --clean --single-transaction --exit-on-error: all or nothing.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseConfig } from '../lib/db/config';
import {
  BackupError,
  checkSqliteIntegrity,
  compareWithManifest,
  describePostgres,
  describeSqlite,
  manifestPath,
  pgConnection,
  runPgTool,
  sqliteFile,
  type BackupManifest,
} from './backup-manifest';

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
const config = databaseConfig();

try {
  if (positionals.length !== 1) throw new BackupError('Usage: npm run db:restore -- <backup file> [--force]');
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) throw new BackupError(`no backup at ${file}`);
  if (!existsSync(manifestPath(file))) throw new BackupError(`no manifest beside the backup (${manifestPath(file)}): restore only backups made by npm run db:backup`);
  const manifest = JSON.parse(readFileSync(manifestPath(file), 'utf8')) as BackupManifest;
  if (manifest.kind !== config.kind) throw new BackupError(`the backup is of ${manifest.kind}, DATABASE_URL names ${config.kind}`);
  const started = performance.now();
  if (config.kind === 'sqlite') await restoreSqlite(file, sqliteFile(config.url), manifest);
  else await restorePostgres(file, config.url, manifest);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(`restore (${config.kind}): ${file} → ${config.kind === 'sqlite' ? sqliteFile(config.url) : pgConnection(config.url).url}`);
  console.log(`  ${rows} rows in ${Object.keys(manifest.counts).length} tables, network revision ${manifest.revision}; integrity checked, every row of the backup present; ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function refuseToReplace(actors: number, where: string) {
  if (actors > 0 && !values.force) throw new BackupError(`${where} already holds ${actors} actors: stop Powermap and pass --force to replace it with the backup`);
}

async function restoreSqlite(backup: string, target: string, manifest: BackupManifest) {
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  const incoming = `${target}.restoring`;
  try {
    checkSqliteIntegrity(source);
    const mismatch = compareWithManifest(describeSqlite(source), manifest);
    if (mismatch) throw new BackupError(`the backup does not match its manifest: ${mismatch}`);
    if (existsSync(target)) {
      const current = new Database(target, { readonly: true });
      try {
        const hasActors = current.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Actor'").get();
        refuseToReplace(hasActors ? (current.prepare('SELECT COUNT(*) AS n FROM "Actor"').get() as { n: number }).n : 0, target);
      } finally {
        current.close();
      }
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(incoming + suffix, { force: true });
    // The online backup API copies page by page into a file of its own; better-sqlite3 runs it
    // in steps and resolves when the copy is complete, so the source stays open until then.
    await source.backup(incoming);
  } finally {
    source.close();
  }
  const copy = new Database(incoming, { fileMustExist: true });
  try {
    checkSqliteIntegrity(copy);
    const mismatch = compareWithManifest(describeSqlite(copy), manifest);
    if (mismatch) throw new BackupError(`the restored copy does not match the backup: ${mismatch}`);
    copy.pragma('journal_mode = WAL');
  } catch (error) {
    copy.close();
    rmSync(incoming, { force: true });
    throw error;
  }
  copy.close();
  // A -wal left from the old database would be replayed onto the new one.
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(incoming, target);
}

async function restorePostgres(backup: string, url: string, manifest: BackupManifest) {
  const { url: bare, env } = pgConnection(url);
  runPgTool('pg_restore', ['--list', backup], env); // a damaged archive is refused before anything changes
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = (await client.query<{ t: string | null }>(`SELECT to_regclass('"Actor"') AS t`)).rows[0]!.t;
    const actors = exists ? Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "Actor"')).rows[0]!.n) : 0;
    refuseToReplace(actors, 'the database');
    runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${bare}`, backup], env);
    const invalid = await client.query<{ conname: string }>(
      'SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND NOT c.convalidated',
    );
    if (invalid.rows.length) throw new BackupError(`constraints not valid after the restore: ${invalid.rows.map((r) => r.conname).join(', ')}`);
    const mismatch = compareWithManifest(await describePostgres(client), manifest);
    if (mismatch) throw new BackupError(`the restored database does not match the backup: ${mismatch}`);
  } finally {
    await client.end();
  }
}
