// The SQLite schema is the one we edit; the PostgreSQL schema is derived from it, so the
// two providers cannot drift apart. Each keeps its own migrations and a snapshot of the
// datamodel its migrations produce, which lets us diff for a new migration without a shadow database.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prismaDir, type DatabaseKind } from './config';

export const DATABASE_KINDS: DatabaseKind[] = ['sqlite', 'postgresql'];

const HEADER = '// GENERATED from prisma/sqlite/schema.prisma by `npm run db:sync-schemas`. Do not edit.\n';

export function postgresSchemaFrom(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('output   = "../../lib/db/generated/sqlite"', 'output   = "../../lib/db/generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  return HEADER + out;
}

export const schemaPath = (kind: DatabaseKind) => path.join(prismaDir(kind), 'schema.prisma');
export const snapshotPath = (kind: DatabaseKind) => path.join(prismaDir(kind), 'migrations', 'schema.snapshot.prisma');

export const readSchema = (kind: DatabaseKind) => readFile(schemaPath(kind), 'utf8');
export const readSnapshot = (kind: DatabaseKind) => readFile(snapshotPath(kind), 'utf8').catch(() => null);
export const writeSnapshot = (kind: DatabaseKind, content: string) => writeFile(snapshotPath(kind), content);

export async function syncPostgresSchema(): Promise<boolean> {
  const wanted = postgresSchemaFrom(await readSchema('sqlite'));
  const current = await readFile(schemaPath('postgresql'), 'utf8').catch(() => '');
  if (current === wanted) return false;
  await writeFile(schemaPath('postgresql'), wanted);
  return true;
}
