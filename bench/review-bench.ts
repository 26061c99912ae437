// The review table at scale, in process on one SQLite file (20,000 actors, 100,000 ties by
// default), with 2,000 claims marked "needs review" and spread over the network, as ratios against
// anchors measured in the same run:
//   - listing (findClaimsForReview: one page of 200 rows with ties, actors and sources, the total,
//     the sources for the filter) against the same page as bare better-sqlite3 statements;
//   - one batch accepting 200 claims (a version check, an update and a revision each, then the
//     ties' stored summaries) against a bare transaction doing the update and a revision insert
//     per claim.
//   node --conditions=react-server --import tsx bench/review-bench.ts [--size 20000x100000] [--rounds 5]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork } from './generate-network';
import { insertNetwork } from './insert-network';
import { stats } from './interleaved';
import { cliArg } from './cli-arg';

const [actors, ties] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '5'));
const file = path.resolve(`data/bench/review-${actors}x${ties}.db`);
const url = `file:${file}`;
process.env.DATABASE_URL = url;
const fresh = !existsSync(file);
if (fresh) {
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`building ${file}…`);
  await applyMigrations({ kind: 'sqlite', url });
}
const { getConnection, disconnectDb } = await import('../lib/db/client');
const { findClaimsForReview, reviewClaims } = await import('../lib/data/claims/review-claims');
const { db } = await getConnection();
if (fresh) await insertNetwork(db, generateNetwork(actors, ties));
const user = await db.user.upsert({ where: { email: 'bench-reviewer@example.test' }, create: { name: 'Bench reviewer', email: 'bench-reviewer@example.test', role: 'analyst' }, update: {} });
const analyst = { type: 'user' as const, userId: user.id, role: 'analyst' as const, name: user.name };

const raw = new Database(file);
const markForReview = () => raw.prepare(`UPDATE Claim SET status = 'needs_review' WHERE rowid % ? = 0 AND deletedAt IS NULL`).run(Math.max(1, Math.floor(ties / 2000)));
markForReview();

const bareList = () => {
  const rows = raw
    .prepare(
      `SELECT c.id, c.version, c.quote, c.credibility, s.id AS sid, s.title, s.reliability, t.id AS tid, t.version AS tv, t.type, t.role, a.name AS an, b.name AS bn
         FROM Claim c JOIN Source s ON s.id = c.sourceId LEFT JOIN Tie t ON t.id = c.tieId LEFT JOIN Actor a ON a.id = t.sourceId LEFT JOIN Actor b ON b.id = t.targetId
        WHERE c.deletedAt IS NULL AND c.status = 'needs_review' ORDER BY c.tieId, c.id LIMIT 200`,
    )
    .all();
  const total = raw.prepare(`SELECT COUNT(*) AS n FROM Claim WHERE deletedAt IS NULL AND status = 'needs_review'`).get();
  const sources = raw.prepare(`SELECT DISTINCT s.id, s.title FROM Claim c JOIN Source s ON s.id = c.sourceId WHERE c.deletedAt IS NULL AND c.status = 'needs_review' LIMIT 500`).all();
  return { rows, total, sources };
};

const bareAccept = (ids: { id: string; version: number }[]) => {
  const update = raw.prepare(`UPDATE Claim SET status = 'accepted', version = version + 1 WHERE id = ? AND version = ?`);
  const revision = raw.prepare(
    `INSERT INTO Revision (id, entityType, entityId, version, action, before, after, reason, authorId, createdAt) VALUES (?, 'claim', ?, ?, 'update', '{}', '{}', 'bench', ?, ?)`,
  );
  raw.transaction(() => {
    for (const { id, version } of ids) {
      update.run(id, version);
      revision.run(`bench-${id}-${version}`, id, version + 1, user.id, new Date().toISOString());
    }
  })();
};

async function time(work: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
const median = (xs: number[]) => stats(xs).p50;

const listTimes = { bare: [] as number[], powermap: [] as number[] };
const acceptTimes = { bare: [] as number[], powermap: [] as number[] };
for (let r = 0; r < rounds; r++) {
  listTimes.bare.push(await time(bareList));
  listTimes.powermap.push(await time(() => findClaimsForReview(analyst, {})));
  const page = await findClaimsForReview(analyst, {});
  const half = page.rows.length / 2;
  const mine = page.rows.slice(0, half).map((row) => ({ id: row.id, version: row.version }));
  const theirs = page.rows.slice(half).map((row) => ({ id: row.id, version: row.version }));
  acceptTimes.powermap.push(await time(() => reviewClaims(analyst, { claims: mine, change: { action: 'accept' }, reason: 'bench' })));
  acceptTimes.bare.push(await time(() => bareAccept(theirs)));
  markForReview(); // the next round finds as many to review
}
const row = (what: string, ms: number, anchor: number) => console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / anchor).toFixed(2)}×`);
console.log(`\nreview table, ${actors} actors / ${ties} ties, ${(await findClaimsForReview(analyst, {})).total} claims need review, median of ${rounds}`);
row('anchor: the page as bare better-sqlite3 statements', median(listTimes.bare), median(listTimes.bare));
row('findClaimsForReview (page of 200, total, sources)', median(listTimes.powermap), median(listTimes.bare));
row('anchor: accept 100 claims, bare update + revision each', median(acceptTimes.bare), median(acceptTimes.bare));
row('reviewClaims accepting 100 claims (checks, revisions, summaries)', median(acceptTimes.powermap), median(acceptTimes.bare));
raw.close();
await disconnectDb();
