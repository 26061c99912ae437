// Child process of the benchmark: the import's anchor. The same rows as importDocument writes
// for a document (sources, actors, name variants, ties, claims), inserted into a freshly
// migrated database of the same schema in one transaction with the driver directly: prepared
// single-row statements for better-sqlite3 (its fastest way), multi-row INSERTs for pg.
// No validation, no diff, no revisions. Prints `RESULT {json}` last.
//   node --conditions=react-server --import tsx bench/import-plain.ts --doc file.json   (database: DATABASE_URL)
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseConfig } from '../lib/db/config';
import { applyMigrations } from '../lib/db/schema-engine';
import { normaliseForSearch } from '../lib/graph/search';
import { documentRows } from './document-rows';
import type { generateNetwork } from './generate-network';

type Doc = ReturnType<typeof generateNetwork>;
type Value = string | number | boolean | null;
interface Table {
  name: string;
  columns: string[];
  rows: Value[][];
}

const day = (d: { date: string; precision: string } | null | undefined) =>
  d ? (d.precision === 'year' ? `${d.date.slice(0, 4)}-01-01` : d.precision === 'month' ? `${d.date.slice(0, 7)}-01` : d.date) : null;

function tables(doc: Doc): Table[] {
  const now = new Date().toISOString();
  const actorId = new Map(doc.actors.map((a) => [a.slug, randomUUID()]));
  const claim = (c: Doc['ties'][number]['claims'][number], tieId: string | null, actor: string | null): Value[] => [
    c.id, c.source, tieId, actor, '', c.quote, '', c.credibility, 'accepted', 'supports', false, now,
  ];
  return [
    {
      name: 'Source',
      columns: ['id', 'title', 'reliability', 'updatedAt'],
      rows: doc.sources.map((s) => [s.id, s.title, s.reliability, now]),
    },
    {
      name: 'Actor',
      columns: ['id', 'slug', 'name', 'normalizedName', 'kind', 'faction', 'updatedAt'],
      rows: doc.actors.map((a) => [actorId.get(a.slug)!, a.slug, a.name, normaliseForSearch(a.name), a.kind, a.faction, now]),
    },
    {
      name: 'ActorName',
      columns: ['id', 'actorId', 'name', 'normalized', 'lang', 'script', 'kind'],
      rows: doc.actors.flatMap((a) => (a.names ?? []).map((n): Value[] => [randomUUID(), actorId.get(a.slug)!, n.name, normaliseForSearch(n.name), n.lang, n.script, n.kind])),
    },
    {
      name: 'Tie',
      columns: ['id', 'sourceId', 'targetId', 'type', 'startDate', 'startPrecision', 'endDate', 'endPrecision', 'strength', 'updatedAt'],
      rows: doc.ties.map((t) => [t.id, actorId.get(t.source)!, actorId.get(t.target)!, t.type, day(t.start), t.start?.precision ?? null, day(t.end), t.end?.precision ?? null, t.strength ?? 3, now]),
    },
    {
      name: 'Claim',
      columns: ['id', 'sourceId', 'tieId', 'actorId', 'fact', 'quote', 'location', 'credibility', 'status', 'stance', 'statedCurrent', 'updatedAt'],
      rows: doc.ties.flatMap((t) => t.claims.map((c) => claim(c, t.id, null))),
    },
  ];
}

const quoted = (t: Table) => `"${t.name}" (${t.columns.map((c) => `"${c}"`).join(', ')})`;

function insertSqlite(file: string, all: Table[]) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const t of all) {
      const insert = db.prepare(`INSERT INTO ${quoted(t)} VALUES (${t.columns.map(() => '?').join(', ')})`);
      for (const row of t.rows) insert.run(...row.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
    }
  })();
  db.close();
}

async function insertPostgres(url: string, all: Table[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  for (const t of all) {
    // PostgreSQL binds at most 65,535 parameters per statement.
    const perStatement = Math.floor(60_000 / t.columns.length);
    for (let i = 0; i < t.rows.length; i += perStatement) {
      const chunk = t.rows.slice(i, i + perStatement);
      const values = chunk.map((_, r) => `(${t.columns.map((_, c) => `$${r * t.columns.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${quoted(t)} VALUES ${values}`, chunk.flat());
    }
  }
  await client.query('COMMIT');
  await client.end();
}

const docFile = process.argv[process.argv.indexOf('--doc') + 1]!;
const config = databaseConfig();
await applyMigrations(config);
const doc = JSON.parse(readFileSync(docFile, 'utf8')) as Doc;
const rows = documentRows(doc);
const t0 = performance.now();
const all = tables(doc);
if (config.kind === 'postgresql') await insertPostgres(config.url, all);
else insertSqlite(config.url.replace(/^file:/, ''), all);
const ms = performance.now() - t0;
console.log(`RESULT ${JSON.stringify({ rows, ms, rowsPerSecond: rows / (ms / 1000), peakMb: process.resourceUsage().maxRSS / 1024 })}`);
