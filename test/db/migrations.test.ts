// Migrations apply on an empty database of each kind, and a second run changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getConnection } from '../../lib/db/client';
import type { DatabaseConfig } from '../../lib/db/config';
import { applyMigrations, readMigrations } from '../../lib/db/schema-engine';
import { getHealth } from '../../lib/data/health';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

describe.skipIf(!available)(`migrations on ${TEST_KIND}`, () => {
  let config: DatabaseConfig;
  beforeAll(async () => {
    config = await freshDatabase();
  });

  it('recorded every migration folder in _prisma_migrations, as prisma migrate deploy does', async () => {
    const { db } = await getConnection();
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number | bigint }[]>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    const folders = (await readMigrations(config.kind)).migrationDirectories.map((d) => d.path);
    expect(folders.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    // The engine needs the SQLite file to itself, as it has at start-up.
    await disconnectDb();
    expect(await applyMigrations(config)).toEqual([]);
    const { db } = await getConnection();
    const [{ n }] = await db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM _prisma_migrations');
    expect(Number(n)).toBe((await readMigrations(config.kind)).migrationDirectories.length);
  });

  it('reports ready in the health check', async () => {
    const health = await getHealth();
    expect(health.status).toBe('ok');
    expect(health.database.kind).toBe(TEST_KIND);
    expect(health.database.migrations.pending).toEqual([]);
  });

  it.runIf(TEST_KIND === 'sqlite')('holds SQLite to WAL, full sync, foreign keys and a busy timeout', async () => {
    expect((await getHealth()).database.sqlite).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
  });
});
