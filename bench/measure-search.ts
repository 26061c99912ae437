// Actor search on its own: GET /api/actors?q=… at ten concurrent clients, Powermap beside three
// anchors on the same SQLite file in the same run, as ratios (Powermap ÷ anchor):
//   - the benchmark's anchor app (bench/anchor-app, bare Next route handlers with better-sqlite3):
//     /api/actors, LIKE over every name with correlated tie counts (the "24 req/s" query),
//     and /api/actors-indexed, Powermap's own search SQL (searchActorsSql): the same question, and
//   - a bare node:http server running that same SQL (search-anchor-server.ts): no Next either.
// The database is built the fast way (bench/insert-network.ts), once, in data/bench/search-<size>.db.
//   node --conditions=react-server --import tsx bench/measure-search.ts [--size 20000x100000] [--seconds 10] [--rounds 3] [--port 4360]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../lib/db/schema-engine';
import { TSX_ARGS } from './bench-database';
import { generateNetwork } from './generate-network';
import { insertNetwork } from './insert-network';
import { closedLoop, get, type LoadResult } from './load';
import { sampleQueries } from './measure-server';
import { startProcess, stopAll, waitForUrl } from './processes';
import { startAnchor, startPowermap } from './servers';
import { cliArg } from './cli-arg';

const [actors, ties] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const seconds = Number(cliArg('seconds', '10'));
const rounds = Number(cliArg('rounds', '3'));
const port = Number(cliArg('port', '4360'));
const CONCURRENCY = 10;

const file = path.resolve(`data/bench/search-${actors}x${ties}.db`);
const url = `file:${file}`;
process.env.DATABASE_URL = url;
if (!existsSync(file)) {
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`building ${file}…`);
  await applyMigrations({ kind: 'sqlite', url });
  const { getDb, disconnectDb } = await import('../lib/db/client');
  const db = await getDb();
  await insertNetwork(db, generateNetwork(actors, ties));
  // Positions up front, so Powermap's background layout job has nothing to do while we measure.
  await db.$executeRawUnsafe(`UPDATE "Actor" SET x = abs(random()) % 10000, y = abs(random()) % 10000`);
  await disconnectDb();
}

const powermap = await startPowermap('search-powermap', port, url);
const anchorApp = await startAnchor('search-anchor-app', port + 1, url);
const bare = startProcess('search-anchor-bare', process.execPath, [...TSX_ARGS, 'bench/search-anchor-server.ts', '--db', file, '--port', String(port + 2)]);
await waitForUrl(`http://127.0.0.1:${port + 2}/api/actors?q=a`, bare, 'search-anchor-bare', 120_000);

const sides = {
  powermap: `${powermap.base}/api/actors`,
  'anchor app, LIKE with correlated counts': `${anchorApp.base}/api/actors`,
  'anchor app, the same SQL': `${anchorApp.base}/api/actors-indexed`,
  'bare node:http, the same SQL': `http://127.0.0.1:${port + 2}/api/actors`,
};
const sets = {
  'typical ("actor 1234", "Актор 1234")': sampleQueries({ actors, ties }, 20),
  'while typing (2–3 letters: "ac", "акт", "or")': ['ac', 'акт', 'or', 'ак', 'act', 'ор'],
};

const pick = (list: LoadResult[]) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
const lines: string[] = [];
for (const [setName, queries] of Object.entries(sets)) {
  const urls = Object.fromEntries(Object.entries(sides).map(([side, base]) => [side, queries.map((q) => `${base}?q=${encodeURIComponent(q)}`)]));
  for (const list of Object.values(urls)) {
    const first = await get(list[0]!);
    if (first.status !== 200) throw new Error(`GET ${list[0]} answered ${first.status}`);
    await closedLoop(list, CONCURRENCY, 2);
  }
  const runs: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(sides).map((s) => [s, []]));
  // Alternating windows, so a burst of load from elsewhere on the machine hits every side alike.
  for (let round = 0; round < rounds; round++) for (const side of Object.keys(sides)) runs[side]!.push(await closedLoop(urls[side]!, CONCURRENCY, seconds));
  const ours = pick(runs.powermap!);
  lines.push(`${setName}: Powermap ${ours.rps.toFixed(1)} req/s (p50 ${ours.p50.toFixed(1)} ms, ${Math.round(ours.bytesPerResponse)} B)`);
  for (const side of Object.keys(sides).slice(1)) {
    const theirs = pick(runs[side]!);
    lines.push(`  vs ${side}: ${theirs.rps.toFixed(1)} req/s (p50 ${theirs.p50.toFixed(1)} ms, ${Math.round(theirs.bytesPerResponse)} B) → ratio ${(ours.rps / theirs.rps).toFixed(2)}×`);
  }
}
console.log(`\nGET /api/actors?q=… at ${CONCURRENCY} clients, ${actors.toLocaleString('en')} actors / ${ties.toLocaleString('en')} ties, SQLite, median of ${rounds} windows of ${seconds} s:`);
for (const line of lines) console.log(line);
stopAll();
