// Child process of bench/measure-search.ts: the strict anchor for GET /api/actors?q=. A bare
// node:http server that runs Powermap's own search SQL (lib/data/actors/search-actors.ts) with
// better-sqlite3: no Prisma, no Next.
//   node --conditions=react-server --import tsx bench/search-anchor-server.ts --db file.db --port 4362
import http from 'node:http';
import Database from 'better-sqlite3';
import { searchActorsSql } from '../lib/data/actors/search-actors';
import { SEARCH_LIMIT } from '../lib/validation/actor-queries';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]!;
const db = new Database(arg('db'), { fileMustExist: true, readonly: true });
const statements = new Map<string, Database.Statement>();
const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql)!;
http
  .createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://anchor').searchParams.get('q') ?? '';
    const sql = searchActorsSql('sqlite', q, { limit: SEARCH_LIMIT });
    const hits = sql ? (prepared(sql.sql).all(...sql.values) as { actorId: string; rank: number }[]) : [];
    const actors = hits.slice(0, SEARCH_LIMIT).map(({ actorId: _id, rank: _rank, ...actor }) => actor);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ actors, more: hits.length > SEARCH_LIMIT, query: { q } }));
  })
  .listen(Number(arg('port')), '127.0.0.1');
