// kill -9 during an import, on SQLite and PostgreSQL: the process is killed while the import's one
// transaction is writing (after its first progress report on ties), and afterwards the database
// passes its integrity checks, holds nothing of the import (all or nothing), and takes the same
// import again in full. Two kills at different moments keep it within CI's time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { importDocument } from '../../lib/data/import-document';
import { loadSeed } from '../../lib/data/seed';
import { disconnectDb, getDb } from '../../lib/db/client';
import type { DatabaseConfig } from '../../lib/db/config';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const ROOT = path.resolve(__dirname, '../..');
const SIZE = [1500, 6000, 11] as const;

/** Starts the import in its own process and SIGKILLs it once it has reported `killAfter` progress lines on ties. */
function importAndKill(config: DatabaseConfig, killAfter: number): Promise<{ killed: boolean; progressLines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'test/support/import-child.ts'), ...SIZE.map(String)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: config.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let tieLines = 0;
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const all = out.split('\n').filter((l) => l.startsWith('PROGRESS '));
      lines = all.length;
      tieLines = all.filter((l) => l.includes('"step":"ties"')).length;
      if (tieLines >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && !out.includes('DONE')) reject(new Error(`the import process ended with ${code}: ${err.slice(-2000)}`));
      else resolve({ killed: signal === 'SIGKILL', progressLines: lines });
    });
  });
}

describe.skipIf(!available)(`kill -9 during an import on ${TEST_KIND}`, () => {
  let config: DatabaseConfig;

  beforeAll(async () => {
    config = await freshDatabase();
    await loadSeed();
  });

  for (const killAfter of [1, 6]) {
    it(`leaves the database whole and without the import when killed after ${killAfter} progress report(s) on ties`, async () => {
      const before = await dbFingerprint();
      // The app's client is closed while the other process writes, as another server's would be elsewhere.
      await disconnectDb();
      const { killed, progressLines } = await importAndKill(config, killAfter);
      expect(killed).toBe(true);
      expect(progressLines).toBeGreaterThan(0);

      if (config.kind === 'sqlite') {
        // Opened as a new process would after the crash: the journal is rolled back, then SQLite checks every page.
        const db = new Database(config.url.slice('file:'.length));
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      } else {
        const db = await getDb();
        // The killed session's transaction is gone: nothing of it is visible, no constraint left unchecked.
        expect(await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM pg_constraint WHERE NOT convalidated').then((r) => Number(r[0]!.n))).toBe(0);
      }
      expect(await dbFingerprint()).toBe(before);
      expect(await (await getDb()).actor.count({ where: { slug: { startsWith: 'crash-' } } })).toBe(0);
    });
  }

  it('takes the same import in full after the crashes', async () => {
    const doc = generateNetwork(...SIZE);
    for (const a of doc.actors) a.slug = `crash-${a.slug}`;
    for (const t of doc.ties) Object.assign(t, { id: `crash-${t.id}`, source: `crash-${t.source}`, target: `crash-${t.target}`, claims: t.claims.map((c) => ({ ...c, id: `crash-${c.id}` })) });
    const summary = await importDocument({ type: 'system', origin: 'import' }, doc);
    expect(summary.ties).toMatchObject({ created: doc.ties.length });
    expect(await (await getDb()).actor.count({ where: { slug: { startsWith: 'crash-' } } })).toBe(doc.actors.length);
  });
});
