// npm run db:backup and db:restore (scripts/db-backup.ts, scripts/db-restore.ts) on a database
// that is being written to: four writers create actors through the data layer while the backup
// runs; the backup then holds every write acknowledged before it began, the restore passes the
// integrity checks and holds every row of the backup, and a damaged backup or a database that
// already holds data is refused without changing anything.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { createActor } from '../../lib/data/actors/write-actor';
import { importDocument } from '../../lib/data/import-document';
import { SEED, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getDb } from '../../lib/db/client';
import type { DatabaseConfig } from '../../lib/db/config';
import type { BackupManifest } from '../../scripts/backup-manifest';
import { runScript } from '../support/run-script';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://powermap:powermap@127.0.0.1:5432/postgres';

/** An empty database to restore into, beside the test's own. */
async function emptyTarget(source: DatabaseConfig, name: string): Promise<string> {
  if (source.kind === 'sqlite') {
    const file = source.url.replace(/^file:/, '').replace(/\.db$/, `-${name}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    return `file:${file}`;
  }
  const db = `${new URL(source.url).pathname.slice(1)}_${name}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = new URL(source.url);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Actor slugs and row counts of a database, read directly (not through the app's client). */
async function readBack(url: string): Promise<{ slugs: Set<string>; actors: number }> {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { readonly: true });
    try {
      const slugs = (db.prepare('SELECT slug FROM "Actor"').all() as { slug: string }[]).map((r) => r.slug);
      return { slugs: new Set(slugs), actors: slugs.length };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slugs = (await client.query<{ slug: string }>('SELECT slug FROM "Actor"')).rows.map((r) => r.slug);
    return { slugs: new Set(slugs), actors: slugs.length };
  } finally {
    await client.end();
  }
}

describe.skipIf(!available)(`db:backup and db:restore on ${TEST_KIND}`, () => {
  let config: DatabaseConfig;
  let analyst: Principal;
  let dir: string;
  let backup: string;

  beforeAll(async () => {
    config = await freshDatabase();
    await loadSeed();
    // Enough rows that the backup takes a while, so the writers run during it.
    await importDocument(SEED, generateNetwork(1500, 6000, 5));
    const user = await (await getDb()).user.create({ data: { name: 'Backup analyst', email: 'backup-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
    dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-backup-'));
    backup = path.join(dir, TEST_KIND === 'sqlite' ? 'powermap.db' : 'powermap.dump');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while writers run; the restore passes its integrity checks and holds every write acknowledged before the backup began', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    let failures = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        // On SQLite the driver is synchronous, so each write settles in microtasks alone: without a
        // turn of the event loop here the writers never let the timers, or the backup process's
        // exit, be seen, and the test stalls.
        await new Promise((r) => setImmediate(r));
        const slug = `backup-writer-${w}-${i}`;
        try {
          await createActor(analyst, { slug, name: `Written during the backup ${w}.${i}`, kind: 'person', faction: 'other' });
          acknowledged.push(slug);
        } catch {
          failures += 1; // a write refused (busy) is not acknowledged, and need not be in the backup
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));

    const before = [...acknowledged];
    const run = await runScript('db-backup.ts', ['--out', backup], { DATABASE_URL: config.url });
    const during = acknowledged.length - before.length;
    stop = true;
    await Promise.all(writers);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/checked/);
    // The writes went on while the backup ran: it was taken from a live database.
    expect(during).toBeGreaterThan(0);
    expect(failures).toBeLessThan(acknowledged.length);

    const manifest = JSON.parse(readFileSync(`${backup}.json`, 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ kind: TEST_KIND, file: path.basename(backup) });
    expect(manifest.counts.Actor).toBeGreaterThanOrEqual(1500 + before.length);

    const target = await emptyTarget(config, 'restored');
    const restore = await runScript('db-restore.ts', [backup], { DATABASE_URL: target });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/integrity checked, every row of the backup present/);

    const restored = await readBack(target);
    expect(before.filter((slug) => !restored.slugs.has(slug))).toEqual([]);
    expect(restored.actors).toBe(manifest.counts.Actor);
    if (target.startsWith('file:')) {
      const db = new Database(target.slice('file:'.length), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    }
  });

  it('refuses to replace a database that holds actors unless told to, and then replaces it', async () => {
    const refused = await runScript('db-restore.ts', [backup], { DATABASE_URL: config.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds \d+ actors: stop Powermap and pass --force/);

    const target = await emptyTarget(config, 'forced');
    expect((await runScript('db-restore.ts', [backup], { DATABASE_URL: target })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${backup}.json`, 'utf8')) as BackupManifest;
    expect((await readBack(target)).actors).toBe(manifest.counts.Actor);
    const forced = await runScript('db-restore.ts', [backup, '--force'], { DATABASE_URL: target });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect((await readBack(target)).actors).toBe(manifest.counts.Actor);
  });

  it('refuses a damaged backup, leaving the target as it was', async () => {
    const damaged = path.join(dir, `damaged-${path.basename(backup)}`);
    copyFileSync(backup, damaged);
    copyFileSync(`${backup}.json`, `${damaged}.json`);
    if (TEST_KIND === 'sqlite') {
      // Overwrite pages in the middle of the file.
      const bytes = readFileSync(damaged);
      bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64 * 1024);
      writeFileSync(damaged, bytes);
    } else {
      truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
    }
    const target = await emptyTarget(config, 'damaged');
    const run = await runScript('db-restore.ts', [damaged, '--force'], { DATABASE_URL: target });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/db:restore failed: /);
    if (TEST_KIND === 'sqlite') expect(existsSync(target.slice('file:'.length))).toBe(false);
    else expect((await readBack(target).catch(() => ({ actors: 0 }))).actors).toBe(0);
  });
});
