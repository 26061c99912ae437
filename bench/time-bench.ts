// The time reads on a large network, each beside an anchor measured in the same run on the same
// file (in turns, round by round), printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/time-bench.ts [--actors 20000 --ties 100000] [--rounds 20] [--fresh]
//
// The file (data/bench-time-<actors>-<ties>.db) is built with bench/insert-network.ts; its six
// synthetic sources get publication days four years apart (2000, 2004, … 2020), so a knowledge
// date keeps some of the claims and drops others. Figures:
// - changes: GET /api/graph/changes over the whole network for two years (loadChanges: the
//   candidate ties cut in SQL, then the pure diff) ÷ the bare better-sqlite3 SELECT of the same
//   candidate rows (ties begun or ended between the dates, with their actors' slugs); and for a
//   2-hop focus ÷ the same 2-hop view (loadView) alone.
// - known=: a 2-hop neighbourhood as known in 2010 ÷ the same neighbourhood as known today, and the
//   large map's overview (GROUP BY counts) as known in 2010 ÷ the same overview today.
// - Play's range: the overview with its first and last tie dates (loadOverview's MIN/MAX under the
//   view's filters on every date, in the scan that counts the ties between groups) ÷ the same
//   overview handed the dates (the plain count, as Play's later steps run it), today and as known.
// --file PATH reads a network built elsewhere (e.g. data/bench/20000x100000.db) instead; --only play
// measures Play's range alone.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb, type Db } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { loadChanges } from '../lib/data/network/load-changes';
import { loadOverview } from '../lib/data/network/load-overview';
import { loadView } from '../lib/data/network/load-view';
import { ANONYMOUS } from '../lib/data/principal';
import type { GraphQuery } from '../lib/graph/types';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '20'));
const ONLY_PLAY = cliArg('only', '') === 'play';
const FILE = path.resolve(cliArg('file', `data/bench-time-${ACTORS}-${TIES}.db`));
const TODAY = '2024-06-15';
const WINDOW = { from: '2010-01-01', to: '2012-01-01' };
const KNOWN = '2010-06-30';

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function openDatabase(file: string): Promise<Db> {
  await disconnectDb();
  process.env.DATABASE_URL = `file:${file}`;
  const { db } = await connect({ kind: 'sqlite', url: `file:${file}` });
  return db;
}

async function prepare() {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
  const exists = existsSync(FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
  if (exists) return;
  const db = await openDatabase(FILE);
  const t = performance.now();
  await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
  for (let i = 0; i < 6; i++) {
    await db.source.update({ where: { id: `synthetic-source-${i}` }, data: { publishedDate: `${2000 + 4 * i}-03-15`, publishedPrecision: 'day' } });
  }
  await db.$disconnect();
  console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The anchor for changes: the candidate rows alone, as a bare statement on the same file. */
function bareChanges(sqlite: Database.Database) {
  const statement = sqlite.prepare(`
    SELECT t."id", t."type", t."role", t."startDate", t."startPrecision", t."endDate", t."endPrecision", t."bestGrade", t."claimCount",
      s."slug" AS "sourceSlug", g."slug" AS "targetSlug"
    FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"
    WHERE t."deletedAt" IS NULL AND s."deletedAt" IS NULL AND g."deletedAt" IS NULL
      AND (t."startDate" IS NULL OR t."startDate" <= @to)
      AND ((t."startDate" > @from) OR (t."endDay" >= @from AND t."endDay" < @to))`);
  return () => statement.all(WINDOW);
}

async function changesAndKnowledge(bare: () => unknown[]) {
  const whole = { showEnded: true, hops: 1 };
  const changes = await loadChanges(ANONYMOUS, whole, WINDOW);
  console.log(`## GET /api/graph/changes, ${WINDOW.from} to ${WINDOW.to}, whole network: ${changes.added.length} added, ${changes.ended.length} ended, ${changes.changed.length} posts changed hands`);
  const [anchor, mine] = await interleaved(ROUNDS, bare, () => loadChanges(ANONYMOUS, whole, WINDOW));
  console.log(`  anchor bare SELECT of the candidate rows (${bare().length}) ${ms(anchor)}`);
  console.log(`  loadChanges ${ms(mine)} = ${ratio(mine, anchor)} the anchor`);

  for (const focus of [`actor-${Math.floor(ACTORS / 2)}`, `actor-${Math.floor(ACTORS / 20)}`]) {
    const q = { showEnded: true, hops: 2, focus };
    const [view, focused] = await interleaved(ROUNDS, () => loadView(ANONYMOUS, { ...q, asOf: WINDOW.to }, { today: TODAY }), () => loadChanges(ANONYMOUS, q, WINDOW));
    console.log(`  ${focus}, 2 hops: loadView alone ${ms(view)}; loadChanges ${ms(focused)} = ${ratio(focused, view)} the view`);
  }

  console.log(`\n## known=${KNOWN}: only claims from sources published by then`);
  for (const focus of [`actor-${Math.floor(ACTORS / 2)}`, `actor-${Math.floor(ACTORS / 20)}`]) {
    const q = { showEnded: true, hops: 2, focus, asOf: TODAY };
    const now = await loadView(ANONYMOUS, q, { today: TODAY });
    const then = await loadView(ANONYMOUS, { ...q, known: KNOWN }, { today: TODAY });
    const [today, known] = await interleaved(ROUNDS, () => loadView(ANONYMOUS, q, { today: TODAY }), () => loadView(ANONYMOUS, { ...q, known: KNOWN }, { today: TODAY }));
    console.log(`  ${focus}, 2 hops (${now.edges.length} ties today, ${then.edges.length} as known): today ${ms(today)}; as known ${ms(known)} = ${ratio(known, today)} today's`);
  }
}

async function main() {
  await prepare();
  const sqlite = new Database(FILE, { readonly: true });
  const bare = bareChanges(sqlite);
  await openDatabase(FILE);
  console.log(`\n# ${ACTORS} actors, ${TIES} ties (SQLite, in-process, ${ROUNDS} rounds each, in turns)\n`);

  if (!ONLY_PLAY) await changesAndKnowledge(bare);
  const q = { showEnded: true, hops: 1, asOf: TODAY };
  if (!ONLY_PLAY) {
    const [overviewToday, overviewKnown] = await interleaved(ROUNDS, () => loadOverview(ANONYMOUS, q, { today: TODAY }), () => loadOverview(ANONYMOUS, { ...q, known: KNOWN }, { today: TODAY }));
    console.log(`  overview of the whole network: today ${ms(overviewToday)}; as known ${ms(overviewKnown)} = ${ratio(overviewKnown, overviewToday)} today's`);
  }

  console.log("\n## Play's range on the overview (the first and last tie dates, MIN/MAX in the pairs' scan):");
  const playQueries: [string, GraphQuery][] = [['today', q], ['as known', { ...q, known: KNOWN }], ['two tie types', { ...q, types: ['leads', 'member_of'] }]];
  for (const [name, query] of playQueries) {
    const { dated } = (await loadOverview(ANONYMOUS, query, { today: TODAY })).overview;
    const [withDates, without] = await interleaved(ROUNDS, () => loadOverview(ANONYMOUS, query, { today: TODAY }), () => loadOverview(ANONYMOUS, query, { today: TODAY, dated }));
    console.log(`  ${name} (${dated?.first} to ${dated?.last}): with the dates ${ms(withDates)}; without ${ms(without)} = ${ratio(withDates, without)} the overview without them`);
  }
  sqlite.close();
  await disconnectDb();
}

await main();
