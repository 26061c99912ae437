// What GET /api/health reports: which database, and whether every migration is applied.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getConnection, readSqliteSettings } from '../db/client';
import { prismaDir } from '../db/config';

export interface Health {
  status: 'ok' | 'migrations_pending';
  database: { kind: string; migrations: { applied: string[]; pending: string[] }; sqlite?: Awaited<ReturnType<typeof readSqliteSettings>> };
  /** Actors the start-up layout job has not placed yet (the map shows them beside their neighbours meanwhile). */
  map: { actorsWithoutPosition: number };
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
  const actorsWithoutPosition = pending.length ? 0 : await db.actor.count({ where: { deletedAt: null, OR: [{ x: null }, { y: null }] } });
  return {
    status: pending.length ? 'migrations_pending' : 'ok',
    database: { kind, migrations: { applied, pending }, ...(kind === 'sqlite' ? { sqlite: await readSqliteSettings(db) } : {}) },
    map: { actorsWithoutPosition },
  };
}
