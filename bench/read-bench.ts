// npm run bench:reads: what the data layer's reads cost on a large network, each figure beside an
// anchor measured in the same run on the same file, printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/read-bench.ts [--actors 20000 --ties 100000] [--rounds 30]
//
// The database is built once (data/bench-reads-<actors>-<ties>.db) with bench/insert-network.ts:
// createMany in chunks and one refreshTieSummaries, much faster than the import path. Figures:
// - ego: the 2-hop neighbourhood as GET /api/graph?focus=…&hops=2 cuts it (loadView, hubs capped)
//   and as it was cut before (loadGraph, then buildView in memory), each ÷ the bare better-sqlite3
//   recursive CTE over the same file (node ids within 2 hops, then their rows and ties).
// - profile: what the profile page and GET /api/actors/{slug} read (getActorProfile and the
//   one-hop mini-map) for a seed actor inside the large network ÷ the same actor on the seed alone
//   (the large file holds the seed too), taken in turns; synthetic actors ÷ Karpenkov on the same
//   file; and the mini-map as it was read before (loadGraph + buildView).
// - tie: getTie and the map's tie panel (getTieSummary), large ÷ seed, in turns.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb, type Db } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { getActorProfile } from '../lib/data/actors/get-actor-profile';
import { loadGraph } from '../lib/data/graph';
import { loadView } from '../lib/data/network/load-view';
import { ANONYMOUS } from '../lib/data/principal';
import { loadSeed } from '../lib/data/seed';
import { getTie } from '../lib/data/ties/get-tie';
import { getTieSummary } from '../lib/data/ties/get-tie-summary';
import { buildView } from '../lib/graph/build-view';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { interleaved, ms, ratio, type Stats, time } from './interleaved';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '30'));
/** Which figures: ego, profile, tie (all by default). */
const PARTS = new Set(cliArg('parts', 'ego,profile,tie').split(','));
const LARGE = path.resolve(`data/bench-reads-${ACTORS}-${TIES}.db`);
const SEED_DB = path.resolve('data/bench-reads-seed.db');
const TODAY = '2024-06-15';

process.env.NEXT_TELEMETRY_DISABLED = '1';

/** Points the process-wide client at one file; the data layer then reads it through getDb(). */
async function openDatabase(file: string): Promise<Db> {
  await disconnectDb();
  process.env.DATABASE_URL = `file:${file}`;
  const { db } = await connect({ kind: 'sqlite', url: `file:${file}` });
  return db;
}

async function prepare(file: string, fill: (db: Db) => Promise<void>, what: string) {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  const exists = existsSync(file);
  await applyMigrations({ kind: 'sqlite', url: `file:${file}` });
  if (exists) return;
  const db = await openDatabase(file);
  const t = performance.now();
  await fill(db);
  await db.$disconnect();
  console.log(`built ${path.relative(process.cwd(), file)} (${what}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The anchor: a bare recursive CTE on better-sqlite3, then the rows of what it reached. */
function bareEgo(sqlite: Database.Database) {
  const reach = sqlite.prepare(`
    WITH RECURSIVE reach(id, d) AS (
      SELECT ?, 0
      UNION SELECT t."targetId", r.d + 1 FROM reach r JOIN "Tie" t ON t."sourceId" = r.id WHERE r.d < ? AND t."deletedAt" IS NULL
      UNION SELECT t."sourceId", r.d + 1 FROM reach r JOIN "Tie" t ON t."targetId" = r.id WHERE r.d < ? AND t."deletedAt" IS NULL
    )
    SELECT DISTINCT id FROM reach`);
  const nodes = sqlite.prepare(`SELECT * FROM "Actor" WHERE "id" IN (SELECT value FROM json_each(?))`);
  const ties = sqlite.prepare(`SELECT * FROM "Tie" WHERE "deletedAt" IS NULL AND "sourceId" IN (SELECT value FROM json_each(@ids)) AND "targetId" IN (SELECT value FROM json_each(@ids))`);
  return (focusId: string, hops: number) => {
    const ids = JSON.stringify(reach.all(focusId, hops, hops).map((r) => (r as { id: string }).id));
    return { nodes: nodes.all(ids), ties: ties.all({ ids }) };
  };
}

async function main() {
  await prepare(LARGE, async (db) => {
    await insertNetworkIntoSqliteFile(LARGE, db, generateNetwork(ACTORS, TIES));
    await loadSeed(); // the seed inside the large network, so the same pages can be compared
  }, 'rows through better-sqlite3, then refreshTieSummaries for every tie; then the seed');
  await prepare(SEED_DB, async () => void (await loadSeed()), 'the seed, through importDocument');

  // Focus actors of low, middling and hub degree (preferential attachment makes low ids hubs).
  const large = new Database(LARGE, { readonly: true });
  const degreeOf = large.prepare(`SELECT (SELECT COUNT(*) FROM "Tie" WHERE "sourceId" = @id) + (SELECT COUNT(*) FROM "Tie" WHERE "targetId" = @id) AS n`);
  const focuses = [`actor-${ACTORS - 1}`, `actor-${Math.floor(ACTORS / 2)}`, `actor-${Math.floor(ACTORS / 20)}`, 'actor-0'];
  const ego = bareEgo(large);

  await openDatabase(LARGE);
  console.log(`\n# ${ACTORS} actors, ${TIES} ties (SQLite, in-process, ${ROUNDS} rounds each)\n`);
  if (PARTS.has('ego')) await egoFigures(focuses, degreeOf, ego);
  if (PARTS.has('profile') || PARTS.has('tie')) await pageFigures(focuses, degreeOf);
  large.close();
  await disconnectDb();
}

async function egoFigures(focuses: string[], degreeOf: Database.Statement, ego: ReturnType<typeof bareEgo>) {
  console.log('## 2-hop ego network (GET /api/graph?focus=…&hops=2)');
  const graph = await loadGraph(ANONYMOUS);
  const whole = await time(1, () => loadGraph(ANONYMOUS));
  for (const focus of focuses) {
    const degree = (degreeOf.get({ id: focus }) as { n: number }).n;
    const q = { showEnded: true, focus, hops: 2, asOf: TODAY };
    const [anchor, after] = await interleaved(ROUNDS, () => ego(focus, 2), () => loadView(ANONYMOUS, q, { today: TODAY }));
    const inMemory = await time(ROUNDS, () => buildView(graph, q, TODAY));
    const before: Stats = { p50: whole.p50 + inMemory.p50, p95: whole.p95 + inMemory.p95 };
    const view = await loadView(ANONYMOUS, q, { today: TODAY });
    const bare = ego(focus, 2);
    console.log(`${focus} (${degree} ties; uncapped 2 hops ${bare.nodes.length} actors / ${bare.ties.length} ties; capped view ${view.nodes.length} / ${view.edges.length}):`);
    console.log(`  anchor bare CTE ${ms(anchor)}`);
    console.log(`  loadView        ${ms(after)}  = ${ratio(after, anchor)} the anchor`);
    console.log(`  before (loadGraph ${ms(whole)} + buildView) = ${ratio(before, anchor)} the anchor`);
  }
}

/**
 * The same call on two database files in turns, round by round (switching the process's client
 * and warming it before each timed call), so both see the same load on a shared machine.
 */
async function acrossFiles(rounds: number, files: [string, string], run: () => Promise<unknown>): Promise<[Stats, Stats]> {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const which of i % 2 ? [1, 0] : [0, 1]) {
      await openDatabase(files[which]!);
      await run();
      const t = performance.now();
      await run();
      samples[which]!.push(performance.now() - t);
    }
  }
  const stats = (xs: number[]): Stats => {
    xs.sort((x, y) => x - y);
    return { p50: xs[Math.floor(xs.length * 0.5)]!, p95: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]! };
  };
  return [stats(samples[0]), stats(samples[1])];
}

async function pageFigures(focuses: string[], degreeOf: Database.Statement) {
  const profile = (slug: string) => () =>
    Promise.all([getActorProfile(ANONYMOUS, { slug }), loadView(ANONYMOUS, { focus: slug, hops: 1, showEnded: true, asOf: TODAY }, { today: TODAY })]);
  const tie = (id: string) => () => Promise.all([getTie(ANONYMOUS, { id }), getTieSummary(ANONYMOUS, { id })]);
  if (PARTS.has('profile')) {
    console.log('\n## profile page and GET /api/actors/{slug}: getActorProfile + the one-hop mini-map');
    console.log(`the same seed actor on the seed alone and on the seed inside the ${TIES}-tie network (${ROUNDS} rounds in turns):`);
    for (const slug of ['nikolai-karpenkov', 'alexander-lukashenko']) {
      const [seed, large] = await acrossFiles(ROUNDS, [SEED_DB, LARGE], profile(slug));
      console.log(`  ${slug}: seed ${ms(seed)}; large ${ms(large)} = ${ratio(large, seed)} the seed`);
    }
    await openDatabase(LARGE);
    for (const focus of focuses) {
      const degree = (degreeOf.get({ id: focus }) as { n: number }).n;
      const [karpenkov, synthetic] = await interleaved(ROUNDS, profile('nikolai-karpenkov'), profile(focus));
      console.log(`  ${focus} (${degree} ties) on the large file: ${ms(synthetic)} = ${ratio(synthetic, karpenkov)} Karpenkov's (11 ties) on the same file`);
    }
    const miniBefore = await time(1, async () => buildView(await loadGraph(ANONYMOUS), { focus: 'nikolai-karpenkov', hops: 1, showEnded: true, asOf: TODAY }, TODAY));
    const [now] = await interleaved(5, profile('nikolai-karpenkov'), () => undefined);
    console.log(`  before, the mini-map alone read the whole network (loadGraph + buildView): ${ms(miniBefore)} = ${ratio(miniBefore, now)} the whole profile now`);
  }
  if (PARTS.has('tie')) {
    console.log('\n## tie page and the map tie panel: getTie + getTieSummary');
    const [seed, large] = await acrossFiles(ROUNDS, [SEED_DB, LARGE], tie('karpenkov-leads-gubopik'));
    console.log(`  karpenkov-leads-gubopik: seed ${ms(seed)}; large ${ms(large)} = ${ratio(large, seed)} the seed`);
  }
}

await main();
