// The one Prisma client of this process, for the configured database kind. Only lib/data/
// and the scripts that migrate and seed may import this: pages and components never do.
// (Scripts run with --conditions=react-server, which is what lets them past `server-only`.)
import 'server-only';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { createAdapterFactory } from './adapter';
import { databaseConfig, type DatabaseConfig, type DatabaseKind } from './config';

/** Raw SQL tags (Prisma.sql, Prisma.join) for the queries Prisma's builder cannot express; both generated clients share them. */
export { Prisma } from './generated/sqlite/client';

/** Both generated clients share one model; the SQLite client's type describes either. */
export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

interface Connection {
  kind: DatabaseKind;
  db: Db;
}

const globalForDb = globalThis as unknown as { powermapDb?: Promise<Connection> };

export function connect(config: DatabaseConfig): Promise<Connection> {
  return (async () => {
    const adapter = createAdapterFactory(config);
    const db = (config.kind === 'postgresql' ? new PostgresClient({ adapter }) : new SqliteClient({ adapter })) as Db;
    if (config.kind === 'sqlite') await ensureSqliteSettings(db);
    return { kind: config.kind, db };
  })();
}

/** The process-wide connection, opened on first use. */
export function getConnection(): Promise<Connection> {
  globalForDb.powermapDb ??= connect(databaseConfig()).catch((error) => {
    globalForDb.powermapDb = undefined;
    throw error;
  });
  return globalForDb.powermapDb;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.powermapDb;
  globalForDb.powermapDb = undefined;
  if (current) await (await current).db.$disconnect();
}

/**
 * Durability and integrity are not optional: WAL so readers never block the writer, full
 * sync so a committed edit survives a power cut, foreign keys so no tie points nowhere, and a
 * busy timeout so two writers wait instead of failing. We set them, read them back, and
 * refuse to run when the database will not hold them.
 */
export async function ensureSqliteSettings(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = FULL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  const settings = await readSqliteSettings(db);
  const problems = [
    settings.journalMode !== 'wal' && `journal_mode is ${settings.journalMode}, not wal`,
    settings.synchronous !== 2 && `synchronous is ${settings.synchronous}, not FULL (2)`,
    settings.foreignKeys !== 1 && 'foreign_keys is off',
    settings.busyTimeout <= 0 && 'busy_timeout is 0',
  ].filter(Boolean);
  if (problems.length) throw new Error(`SQLite settings refused: ${problems.join('; ')}`);
  await refreshSqliteStatistics(db, 'open');
}

/**
 * The query planner's statistics (sqlite_stat1). Without them SQLite guesses that every index is
 * as selective as any other, and at 100,000 ties it walks a tie type's 6,000 rows through the
 * type index instead of an actor's few ties through the end's index (50–200 ms a query instead
 * of under one). SQLite's own advice: `PRAGMA optimize=0x10002` when a connection opens (it also
 * analyses tables that never had statistics), plain `PRAGMA optimize` after large changes (it
 * re-analyses only what changed enough); `analysis_limit` keeps each pass to milliseconds by
 * sampling. Statistics are a hint, never a meaning: no result depends on them.
 */
export async function refreshSqliteStatistics(db: Db, when: 'open' | 'after-bulk-change'): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA analysis_limit = 1000');
  await db.$queryRawUnsafe(when === 'open' ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize');
}

export async function readSqliteSettings(db: Db) {
  const one = async (pragma: string) => {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`);
    return Object.values(rows[0] ?? {})[0];
  };
  return {
    journalMode: String(await one('journal_mode')).toLowerCase(),
    synchronous: Number(await one('synchronous')),
    foreignKeys: Number(await one('foreign_keys')),
    busyTimeout: Number(await one('busy_timeout')),
  };
}
