// Which database Powermap talks to: a postgresql:// DATABASE_URL selects PostgreSQL,
// anything else (or nothing) the embedded SQLite file under data/.
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** For SQLite, `file:` plus an absolute path; for PostgreSQL, the connection URL. */
  url: string;
}

export const DEFAULT_SQLITE_PATH = 'data/powermap.db';

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (raw && /^postgres(ql)?:\/\//i.test(raw)) return { kind: 'postgresql', url: raw };
  if (raw && !raw.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL or a file: path for SQLite, got "${raw.split(':')[0]}:…"`);
  }
  const file = raw ? raw.slice('file:'.length) : DEFAULT_SQLITE_PATH;
  return { kind: 'sqlite', url: `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}` };
}

/** Where a kind's schema and migrations live. */
export function prismaDir(kind: DatabaseKind, root = process.cwd()): string {
  return path.join(/*turbopackIgnore: true*/ root, 'prisma', kind);
}
