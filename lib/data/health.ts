// What GET /api/health reports: which database, and whether every migration is applied.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getConnection, readSqliteSettings } from '../db/client';
import { prismaDir } from '../db/config';

export interface Health {
  status: 'ok' | 'migrations_pending';
  database: { kind: string; migrations: { applied: string[]; pending: string[] }; sqlite?: Awaited<ReturnType<typeof readSqliteSettings>> };
}

export async function getHealth(): Promise<Health> {
  const { kind, db } = await getConnection();
  const folder = path.join(prismaDir(kind), 'migrations');
  const expected = (await readdir(folder, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
  );
  const applied = rows.map((r) => r.migration_name);
  const pending = expected.filter((name) => !applied.includes(name));
  return {
    status: pending.length ? 'migrations_pending' : 'ok',
    database: { kind, migrations: { applied, pending }, ...(kind === 'sqlite' ? { sqlite: await readSqliteSettings(db) } : {}) },
  };
}
