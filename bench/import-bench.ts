// How fast Powermap imports a document, beside a plain bulk insert of the same rows in one
// transaction measured in the same run (better-sqlite3 prepared statements on SQLite; pg
// multi-row INSERTs on PostgreSQL), and how much memory the import needs. It prints figures;
// it asserts nothing. Goal (issue 9): rows/s ≥ 0.2× the anchor at 5,000/20,000, and the
// 20,000/100,000 import under 1 GB of memory.
//
//   node --conditions=react-server --import tsx bench/import-bench.ts [--actors 5000] [--ties 20000] [--db sqlite|postgresql] [--rounds 3] [--no-anchor]
//
// Each round imports into a fresh database, imports the same document again (which must write
// nothing), then copies the rows the import wrote into another fresh database with the plain
// driver; the fastest of the rounds counts. Peak RSS is read after the first import, before the
// anchor loads anything; for the memory figure of a large document use --rounds 1 --no-anchor.
// measureImport() is the reusable part, for the harness under bench/.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { disconnectDb } from '../lib/db/client';
import type { DatabaseConfig, DatabaseKind } from '../lib/db/config';
import { applyMigrations } from '../lib/db/schema-engine';
import { importDocument, type ImportSummary } from '../lib/data/import-document';
import { SEED } from '../lib/data/principal';
import { documentRows } from './document-rows';
import { generateNetwork } from './generate-network';
import { cliArg } from './cli-arg';

/** The tables an import writes, in an order that satisfies their foreign keys. */
const TABLES = ['Source', 'Actor', 'ActorName', 'Tie', 'Claim', 'Revision'] as const;

export interface ImportBenchOptions {
  actors: number;
  ties: number;
  kind: DatabaseKind;
  /** An account that may create databases (PostgreSQL only). */
  postgresUrl?: string;
  /** Also time the plain bulk insert of the same rows (default true). */
  anchor?: boolean;
  /**
   * Import and anchor each run this many times, alternating, and the fastest of each counts:
   * on a shared machine the slowest runs measure the neighbours.
   */
  rounds?: number;
}

export interface ImportBenchResult {
  kind: DatabaseKind;
  actors: number;
  ties: number;
  /** Rows the import wrote (records, names and revisions). */
  rows: number;
  importSeconds: number;
  importRowsPerSecond: number;
  /** The same document a second time: compares everything, writes nothing. */
  reimportSeconds: number;
  /** Peak resident memory of this process up to the end of the first import, in bytes (generating the document included). */
  importPeakRss: number;
  anchorSeconds?: number;
  anchorRowsPerSecond?: number;
  /** importRowsPerSecond ÷ anchorRowsPerSecond. */
  ratio?: number;
  /** Rows of the document itself (sources, actors, names, ties, claims), without revisions. */
  recordRows: number;
  /** The anchor's time for those rows alone. */
  anchorRecordSeconds?: number;
  /** The same ratio counting only the document's rows on both sides (the import still writes its revisions). */
  recordRatio?: number;
  summary: ImportSummary;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://powermap:powermap@127.0.0.1:5432/postgres';

async function freshDatabase(kind: DatabaseKind, name: string, postgresUrl: string): Promise<DatabaseConfig> {
  if (kind === 'sqlite') {
    const file = path.join(os.tmpdir(), `powermap-${name}-${process.pid}.db`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const config: DatabaseConfig = { kind, url: `file:${file}` };
    await applyMigrations(config);
    return config;
  }
  const db = `powermap_${name.replace(/-/g, '_')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${db}`;
  const config: DatabaseConfig = { kind, url: url.toString() };
  await applyMigrations(config);
  return config;
}

async function dropDatabase(config: DatabaseConfig, postgresUrl: string) {
  if (config.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(config.url.slice('file:'.length) + suffix, { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(config.url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

type Row = Record<string, unknown>;

/** Every row the import wrote, read back with the plain driver. */
async function readRows(config: DatabaseConfig): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  if (config.kind === 'sqlite') {
    const db = new Database(config.url.slice('file:'.length), { readonly: true });
    for (const table of TABLES) out.set(table, db.prepare(`SELECT * FROM "${table}"`).all() as Row[]);
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  for (const table of TABLES) out.set(table, (await client.query(`SELECT * FROM "${table}"`)).rows as Row[]);
  await client.end();
  return out;
}

/**
 * The anchor: the same rows into an empty database of the same schema, in one transaction, with
 * no ORM. Gives the whole time, and the part spent on the records without their revisions.
 */
async function plainBulkInsert(config: DatabaseConfig, rows: Map<string, Row[]>): Promise<{ seconds: number; recordSeconds: number }> {
  let recordSeconds = 0;
  if (config.kind === 'sqlite') {
    const db = new Database(config.url.slice('file:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const started = performance.now();
    db.transaction(() => {
      for (const table of TABLES) {
        const list = rows.get(table)!;
        if (!list.length) continue;
        const columns = Object.keys(list[0]!);
        const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
        for (const row of list) insert.run(...columns.map((c) => row[c] as string | number | null));
        if (table === 'Claim') recordSeconds = (performance.now() - started) / 1000;
      }
    })();
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return { seconds, recordSeconds };
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  const started = performance.now();
  await client.query('BEGIN');
  for (const table of TABLES) {
    const list = rows.get(table)!;
    if (!list.length) continue;
    const columns = Object.keys(list[0]!);
    const per = Math.floor(8000 / columns.length);
    for (let i = 0; i < list.length; i += per) {
      const chunk = list.slice(i, i + per);
      let n = 0;
      const values = chunk.map(() => `(${columns.map(() => `$${++n}`).join(',')})`).join(',');
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values}`, chunk.flatMap((row) => columns.map((c) => row[c])));
    }
    if (table === 'Claim') recordSeconds = (performance.now() - started) / 1000;
  }
  await client.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return { seconds, recordSeconds };
}

export async function measureImport(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const { actors, ties, kind } = options;
  const postgresUrl = options.postgresUrl ?? ADMIN_URL;
  const rounds = Math.max(1, options.rounds ?? 1);
  const doc = generateNetwork(actors, ties);

  let importSeconds = Infinity;
  let reimportSeconds = Infinity;
  let anchorSeconds = Infinity;
  let anchorRecordSeconds = Infinity;
  let importPeakRss = 0;
  let summary: ImportSummary | undefined;
  let rows = 0;
  for (let round = 0; round < rounds; round++) {
    const target = await freshDatabase(kind, 'bench-import', postgresUrl);
    await disconnectDb();
    process.env.DATABASE_URL = target.url;
    let started = performance.now();
    summary = await importDocument(SEED, doc);
    importSeconds = Math.min(importSeconds, (performance.now() - started) / 1000);
    if (round === 0) importPeakRss = process.resourceUsage().maxRSS * 1024;
    started = performance.now();
    await importDocument(SEED, doc);
    reimportSeconds = Math.min(reimportSeconds, (performance.now() - started) / 1000);
    await disconnectDb();
    if (options.anchor !== false) {
      const written = await readRows(target);
      rows = [...written.values()].reduce((n, list) => n + list.length, 0);
      const anchor = await freshDatabase(kind, 'bench-anchor', postgresUrl);
      const plain = await plainBulkInsert(anchor, written);
      anchorSeconds = Math.min(anchorSeconds, plain.seconds);
      anchorRecordSeconds = Math.min(anchorRecordSeconds, plain.recordSeconds);
      await dropDatabase(anchor, postgresUrl);
    } else {
      rows = await countRows(target);
    }
    await dropDatabase(target, postgresUrl);
  }
  const recordRows = documentRows(doc);
  const result: ImportBenchResult = { kind, actors, ties, rows, recordRows, importSeconds, importRowsPerSecond: rows / importSeconds, reimportSeconds, importPeakRss, summary: summary! };
  if (options.anchor !== false) {
    result.anchorSeconds = anchorSeconds;
    result.anchorRowsPerSecond = rows / anchorSeconds;
    result.ratio = result.importRowsPerSecond / result.anchorRowsPerSecond;
    result.anchorRecordSeconds = anchorRecordSeconds;
    result.recordRatio = anchorRecordSeconds / importSeconds;
  }
  return result;
}

async function countRows(config: DatabaseConfig): Promise<number> {
  let total = 0;
  if (config.kind === 'sqlite') {
    const db = new Database(config.url.slice('file:'.length), { readonly: true });
    for (const table of TABLES) total += (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    db.close();
    return total;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  for (const table of TABLES) total += Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  await client.end();
  return total;
}

export function formatImportBench(r: ImportBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const lines = [
    `import of ${n(r.actors)} actors / ${n(r.ties)} ties on ${r.kind}: ${n(r.rows)} rows in ${r.importSeconds.toFixed(2)} s = ${n(r.importRowsPerSecond)} rows/s; peak RSS ${(r.importPeakRss / 2 ** 20).toFixed(0)} MiB`,
    `  the same document again (compares everything, writes nothing): ${r.reimportSeconds.toFixed(2)} s`,
  ];
  if (r.anchorRowsPerSecond !== undefined) {
    lines.push(`  plain bulk insert of the same rows, one transaction: ${r.anchorSeconds!.toFixed(2)} s = ${n(r.anchorRowsPerSecond)} rows/s`);
    lines.push(`  ratio import ÷ plain: ${r.ratio!.toFixed(2)}× (goal ≥ 0.2×)`);
    lines.push(
      `  counting only the document's ${n(r.recordRows)} rows (sources, actors, names, ties, claims) on both sides: plain ${r.anchorRecordSeconds!.toFixed(2)} s, ratio ${r.recordRatio!.toFixed(2)}×`,
    );
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const result = await measureImport({
    actors: Number(cliArg('actors', '5000')),
    ties: Number(cliArg('ties', '20000')),
    kind: cliArg('db', 'sqlite') as DatabaseKind,
    anchor: !process.argv.includes('--no-anchor'),
    rounds: Number(cliArg('rounds', '3')),
  });
  console.log(formatImportBench(result));
}
