// The sources behind a view's ties (POST /api/graph/report-sources, what a report-ready export
// asks before it writes its attribution line and CSV appendix), on a large network, beside anchors
// measured in the same run on the same file, in turns, printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/report-sources-bench.ts [--actors 20000 --ties 100000] [--rounds 20] [--fresh]
// Figures:
// - a 2-hop focus's ties: loadReportSources ÷ loadView of that neighbourhood (what the map loads to draw it);
// - 20,000 tie ids (as many as the largest map drawn whole could send): loadReportSources ÷ a bare
//   better-sqlite3 SELECT of the same ties' live claims (json_each over the ids, one statement).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { loadReportSources } from '../lib/data/network/load-report-sources';
import { loadView } from '../lib/data/network/load-view';
import { ANONYMOUS } from '../lib/data/principal';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '20'));
const FILE = path.resolve(`data/bench-report-${ACTORS}-${TIES}.db`);

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main() {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
  const exists = existsSync(FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
  await disconnectDb();
  process.env.DATABASE_URL = `file:${FILE}`;
  const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
  if (!exists) {
    const t = performance.now();
    await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
    console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  console.log(`\n# ${ACTORS} actors, ${TIES} ties (SQLite, in-process, ${ROUNDS} rounds each, in turns)\n`);

  const query = { showEnded: true, hops: 2, focus: `actor-${Math.floor(ACTORS / 2)}` };
  const view = await loadView(ANONYMOUS, query, { today: '2024-06-15' });
  const viewIds = view.edges.map((e) => e.tieId);
  const [anchorView, focused] = await interleaved(ROUNDS, () => loadView(ANONYMOUS, query, { today: '2024-06-15' }), () => loadReportSources(ANONYMOUS, { tieIds: viewIds }));
  console.log(`## ${query.focus}, 2 hops: ${viewIds.length} ties`);
  console.log(`  anchor loadView ${ms(anchorView)}`);
  console.log(`  loadReportSources ${ms(focused)} = ${ratio(focused, anchorView)} the view`);

  const many = (await db.tie.findMany({ where: { deletedAt: null }, select: { id: true }, take: 20_000, orderBy: { id: 'asc' } })).map((t) => t.id);
  const sqlite = new Database(FILE, { readonly: true });
  const bare = sqlite.prepare(`
    SELECT c."id", c."tieId", c."sourceId", c."credibility" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
    WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" IN (SELECT value FROM json_each(?))`);
  const idsJson = JSON.stringify(many);
  const [anchorBare, wide] = await interleaved(ROUNDS, () => bare.all(idsJson), () => loadReportSources(ANONYMOUS, { tieIds: many }));
  const answer = await loadReportSources(ANONYMOUS, { tieIds: many });
  console.log(`## ${many.length} tie ids: ${answer.sourceCount} sources`);
  console.log(`  anchor bare SELECT of their claims (${bare.all(idsJson).length} rows) ${ms(anchorBare)}`);
  console.log(`  loadReportSources ${ms(wide)} = ${ratio(wide, anchorBare)} the anchor`);
  sqlite.close();
  await disconnectDb();
}

await main();
