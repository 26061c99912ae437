// What db:backup records beside a backup and db:restore checks a restored database against: the
// rows of every table, the network revision (a counter every change bumps) and the migrations,
// all read in the same snapshot as the backup itself. The counts are how a restore proves it
// holds every row of the backup; the revision is how a backup proves it holds every change
// acknowledged before it began (any such change has a revision no higher than the one read then).
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface BackupManifest {
  kind: 'sqlite' | 'postgresql';
  createdAt: string;
  /** The backup file, by name, beside this manifest. */
  file: string;
  revision: number;
  migrations: string[];
  /** Rows per table. */
  counts: Record<string, number>;
}

export const manifestPath = (backupFile: string) => `${backupFile}.json`;

export class BackupError extends Error {}

// ---------------------------------------------------------------------------------------------
// SQLite

export const sqliteFile = (url: string) => url.replace(/^file:/, '');

/** Counts, revision and migrations of an open SQLite database. */
export function describeSqlite(db: Database.Database): Omit<BackupManifest, 'kind' | 'createdAt' | 'file'> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  return { revision: sqliteRevision(db), migrations: sqliteMigrations(db, tables), counts };
}

export function sqliteRevision(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(revision), 0) AS r FROM "NetworkRevision"').get() as { r: number }).r;
}

function sqliteMigrations(db: Database.Database, tables: string[]): string[] {
  if (!tables.includes('_prisma_migrations')) return [];
  return (db.prepare('SELECT migration_name AS m FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name').all() as { m: string }[]).map((r) => r.m);
}

/** SQLite's own checks of a database file: every page and index, and every foreign key. */
export function checkSqliteIntegrity(db: Database.Database): void {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.join() !== 'ok') throw new BackupError(`integrity_check failed: ${integrity.slice(0, 5).join('; ')}`);
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new BackupError(`foreign_key_check found ${broken.length} rows pointing at nothing`);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The URL without its password, and the password for PGPASSWORD, so neither shows in a process list. */
export function pgConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export async function describePostgres(client: pg.Client | pg.PoolClient): Promise<Omit<BackupManifest, 'kind' | 'createdAt' | 'file'>> {
  const { rows: tables } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${name}"`)).rows[0]!.n);
  const revision = Number((await client.query<{ r: number }>('SELECT COALESCE(MAX(revision), 0) AS r FROM "NetworkRevision"')).rows[0]!.r);
  const migrations = tables.some((t) => t.name === '_prisma_migrations')
    ? (await client.query<{ m: string }>('SELECT migration_name AS m FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name')).rows.map((r) => r.m)
    : [];
  return { revision, migrations, counts };
}

/** pg_dump or pg_restore, which must be installed (Debian: postgresql-client). */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(`${tool} is not installed: install the PostgreSQL client tools (Debian: apt-get install postgresql-client), of the server's major version or newer`);
  }
  if (result.status !== 0) throw new BackupError(`${tool} failed (exit ${result.status}): ${(result.stderr || '').trim().split('\n').slice(-5).join(' ')}`);
  return result.stdout;
}

/** The first difference between a database and a manifest, or null when they agree. */
export function compareWithManifest(found: Omit<BackupManifest, 'kind' | 'createdAt' | 'file'>, manifest: BackupManifest): string | null {
  if (found.revision !== manifest.revision) return `network revision is ${found.revision}, the backup's is ${manifest.revision}`;
  if (found.migrations.join() !== manifest.migrations.join()) return 'the applied migrations differ from the backup';
  for (const [table, n] of Object.entries(manifest.counts)) {
    if (found.counts[table] !== n) return `${table} has ${found.counts[table] ?? 'no'} rows, the backup ${n}`;
  }
  return null;
}
