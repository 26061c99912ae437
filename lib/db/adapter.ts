// One driver adapter per database kind: the Prisma client and the schema engine both use these.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseConfig } from './config';

/** Wait this long for a lock held by another connection before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function createAdapterFactory(config: DatabaseConfig) {
  if (config.kind === 'postgresql') return new PrismaPg({ connectionString: config.url });
  const file = config.url.replace(/^file:/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: config.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
}
