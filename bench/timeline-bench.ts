// The timeline's read on a large network, beside anchors measured in the same run on the same file
// (in turns, round by round), printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/timeline-bench.ts [--actors 20000 --ties 100000] [--rounds 20] [--fresh]
//
// The file (data/bench-timeline-<actors>-<ties>.db) is built with bench/insert-network.ts. Figures:
// - /timeline's page (loadTimeline: the GROUP BY that pages the groups and counts them all, then at
//   most so many ties per group, their names and the disputed ties' claims) ÷ the bare
//   better-sqlite3 GROUP BY of the same post groups, the least any paged timeline must do; and ÷
//   the large map's overview (loadOverview), the read the map opens with on a network this size.
//   For post rows on the first and a middle page, actor rows, and a 2-hop focus.
// - time-respecting paths (timeRespectingPaths, forward, with and without a gap) ÷ the k shortest
//   paths (kShortestPaths, k = 3) on the same view: both ends' 2-hop neighbourhoods, as
//   GET /api/graph/paths cuts them on a large network.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { loadOverview } from '../lib/data/network/load-overview';
import { loadTimeline } from '../lib/data/network/load-timeline';
import { loadView } from '../lib/data/network/load-view';
import { ANONYMOUS } from '../lib/data/principal';
import { actorNodeId } from '../lib/graph/build-view';
import { kShortestPaths } from '../lib/graph/k-paths';
import { mergeViews } from '../lib/graph/merge-views';
import { timeRespectingPaths } from '../lib/graph/time-paths';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '20'));
const FILE = path.resolve(`data/bench-timeline-${ACTORS}-${TIES}.db`);
const TODAY = '2024-06-15';

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function prepare() {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
  const exists = existsSync(FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
  if (!exists) {
    const t = performance.now();
    const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
    await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
    await db.$disconnect();
    console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await disconnectDb();
  process.env.DATABASE_URL = `file:${FILE}`;
}

/** The anchor: every post group of the network counted, as a bare statement on the same file. */
function bareGroups(sqlite: Database.Database) {
  const statement = sqlite.prepare(`
    SELECT g."slug", t."type", CASE WHEN t."type" = 'leads' THEN '' ELSE t."role" END AS "roleKey", COUNT(*) AS "count"
    FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"
    WHERE t."deletedAt" IS NULL AND s."deletedAt" IS NULL AND g."deletedAt" IS NULL AND t."type" IN ('holds_position', 'leads', 'represents')
    GROUP BY g."slug", t."type", "roleKey"`);
  return () => statement.all();
}

async function main() {
  await prepare();
  const sqlite = new Database(FILE, { readonly: true });
  const bare = bareGroups(sqlite);
  const whole = { showEnded: true, hops: 1 };
  console.log(`\n# ${ACTORS} actors, ${TIES} ties (SQLite, in-process, ${ROUNDS} rounds each, in turns)\n`);

  const first = await loadTimeline(ANONYMOUS, whole, { rows: 'post', page: 1 }, { today: TODAY });
  const bars = (t: typeof first) => t.groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.bars.length, 0), 0);
  console.log(`## /timeline: ${first.total} post groups in ${first.pageCount} pages; page 1 draws ${first.groups.length} groups, ${bars(first)} bars`);
  const cases: [string, () => Promise<unknown>][] = [
    ['post rows, page 1', () => loadTimeline(ANONYMOUS, whole, { rows: 'post', page: 1 }, { today: TODAY })],
    [`post rows, page ${Math.ceil(first.pageCount / 2)}`, () => loadTimeline(ANONYMOUS, whole, { rows: 'post', page: Math.ceil(first.pageCount / 2) }, { today: TODAY })],
    ['actor rows, page 1', () => loadTimeline(ANONYMOUS, whole, { rows: 'actor', page: 1 }, { today: TODAY })],
    [`2-hop focus on actor-${Math.floor(ACTORS / 20)}`, () => loadTimeline(ANONYMOUS, { ...whole, hops: 2, focus: `actor-${Math.floor(ACTORS / 20)}` }, { rows: 'post', page: 1 }, { today: TODAY })],
  ];
  console.log(`  anchor bare GROUP BY of every post group (${bare().length} groups)`);
  for (const [name, run] of cases) {
    const [anchor, mine] = await interleaved(ROUNDS, bare, run);
    console.log(`  ${name}: loadTimeline ${ms(mine)} = ${ratio(mine, anchor)} the bare GROUP BY (${ms(anchor)})`);
  }
  const overview = () => loadOverview(ANONYMOUS, { ...whole, asOf: TODAY }, { today: TODAY });
  const [map, page] = await interleaved(ROUNDS, overview, cases[0]![1]);
  console.log(`  post rows, page 1: loadTimeline ${ms(page)} = ${ratio(page, map)} the map's overview (loadOverview ${ms(map)})`);

  console.log(`\n## time-respecting paths on both ends' 2-hop neighbourhoods`);
  for (const [from, to] of [[`actor-${Math.floor(ACTORS / 2)}`, `actor-${Math.floor(ACTORS / 3)}`], [`actor-${Math.floor(ACTORS / 20)}`, `actor-${ACTORS - 7}`]] as const) {
    const views = await Promise.all([from, to].map((focus) => loadView(ANONYMOUS, { ...whole, focus, hops: 2, asOf: TODAY }, { today: TODAY })));
    const view = mergeViews(TODAY, views);
    const [a, b] = [actorNodeId(from), actorNodeId(to)];
    const timeless = kShortestPaths(view, a, b, { k: 3 });
    const forward = timeRespectingPaths(view, a, b, { flow: 'forward' });
    const gapped = timeRespectingPaths(view, a, b, { flow: 'forward', maxGapDays: 365 });
    console.log(`  ${from} → ${to} (${view.nodes.length} actors, ${view.edges.length} ties): k=3 lengths ${timeless.map((p) => p.length).join(',') || 'none'}; forward arrives ${forward.paths[0]?.arrival ?? 'never'}; 1-year gap ${gapped.paths[0]?.arrival ?? (gapped.timeless ? 'never (a timeless path exists)' : 'never')}`);
    const [k, f] = await interleaved(ROUNDS, () => kShortestPaths(view, a, b, { k: 3 }), () => timeRespectingPaths(view, a, b, { flow: 'forward' }));
    const [k2, g] = await interleaved(ROUNDS, () => kShortestPaths(view, a, b, { k: 3 }), () => timeRespectingPaths(view, a, b, { flow: 'forward', maxGapDays: 365 }));
    console.log(`    forward ${ms(f)} = ${ratio(f, k)} kShortestPaths k=3 (${ms(k)}); with a 1-year gap ${ms(g)} = ${ratio(g, k2)}`);
  }
  sqlite.close();
  await disconnectDb();
}

await main();
