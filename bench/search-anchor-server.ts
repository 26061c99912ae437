// Child process of bench/measure-search.ts: the strict anchor for GET /api/actors?q=. A bare
// node:http server that runs Powermap's own search SQL (lib/data/actors/search-actors.ts) and
// the same second query for the listed columns with better-sqlite3: no Prisma, no Next.
//   node --conditions=react-server --import tsx bench/search-anchor-server.ts --db file.db --port 4362
import http from 'node:http';
import Database from 'better-sqlite3';
import { searchActorsSql } from '../lib/data/actors/search-actors';
import { SEARCH_LIMIT } from '../lib/validation/actor-queries';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]!;
const db = new Database(arg('db'), { fileMustExist: true, readonly: true });
const statements = new Map<string, Database.Statement>();
const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql)!;
const listColumns = prepared(
  `SELECT id, slug, name, kind, faction, summary, "startDate", "startPrecision", "endDate", "endPrecision", "tieCount"
   FROM "Actor" WHERE id IN (SELECT value FROM json_each(?))`,
);

http
  .createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://anchor').searchParams.get('q') ?? '';
    const sql = searchActorsSql('sqlite', q, { limit: SEARCH_LIMIT });
    const hits = sql ? (prepared(sql.sql).all(...sql.values) as { actorId: string; matched: string }[]) : [];
    const rows = new Map((listColumns.all(JSON.stringify(hits.slice(0, SEARCH_LIMIT).map((h) => h.actorId))) as { id: string }[]).map((r) => [r.id, r]));
    const actors = hits.slice(0, SEARCH_LIMIT).map((h) => ({ ...rows.get(h.actorId), matched: h.matched }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ actors, more: hits.length > SEARCH_LIMIT, query: { q } }));
  })
  .listen(Number(arg('port')), '127.0.0.1');
