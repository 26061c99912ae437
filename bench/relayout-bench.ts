// npm run bench:relayout: "lay out again and save" (lib/data/layout/run-layout-job.ts) on a
// generated network (default 20,000 actors / 100,000 ties), beside the anchor of the same run: the
// bare layout it wraps, computePositionsInWorker over the same actors and ties (fcose on a worker
// thread, as npm start runs it). The job's cost beyond it is reading the network, the progress
// writes and the one-transaction save with its revision. Each measurement is a child process, in
// turns, so its peak resident memory is its own; the job's child also reports the longest stall
// of its main thread while the job ran (what a server's other requests would wait) and undoes the
// job afterwards (timed), which puts the database back as it was for the next round.
//   node --conditions=react-server --import tsx bench/relayout-bench.ts [--actors 20000 --ties 100000] [--rounds 1] [--fresh]
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connect, disconnectDb, getDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { computePositionsInWorker } from '../lib/data/layout/compute-positions-in-worker';
import { getLayoutJob, startLayoutJob } from '../lib/data/layout/layout-jobs';
import { runLayoutJob } from '../lib/data/layout/run-layout-job';
import { undoLayoutJob } from '../lib/data/layout/undo-layout-job';
import type { Principal } from '../lib/data/principal';
import { cliArg } from './cli-arg';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '1'));
const FILE = path.resolve(`data/bench-relayout-${ACTORS}-${TIES}.db`);
const SYSTEM: Principal = { type: 'system', origin: 'cli' };
process.env.NEXT_TELEMETRY_DISABLED = '1';

type Mode = 'job' | 'anchor';
interface Result {
  ms: number;
  rssMb: number;
  undoMs?: number;
  stallMs?: number;
  moved?: number;
}

async function child(mode: Mode) {
  process.env.DATABASE_URL = `file:${FILE}`;
  await connect({ kind: 'sqlite', url: `file:${FILE}` });
  const result: Partial<Result> = {};
  if (mode === 'anchor') {
    const db = await getDb();
    const t = performance.now();
    const actors = await db.actor.findMany({ where: { deletedAt: null }, select: { id: true }, orderBy: { slug: 'asc' } });
    const ties = await db.tie.findMany({ where: { deletedAt: null }, select: { sourceId: true, targetId: true }, orderBy: { id: 'asc' } });
    await computePositionsInWorker(
      actors.map((a) => ({ id: a.id, x: null, y: null })),
      ties.map((t) => ({ source: t.sourceId, target: t.targetId })),
    );
    result.ms = performance.now() - t;
  } else {
    const stall = monitorEventLoopDelay({ resolution: 10 });
    const t = performance.now();
    const job = await startLayoutJob(SYSTEM, { scope: 'all' });
    stall.enable();
    await runLayoutJob(job.id);
    stall.disable();
    result.ms = performance.now() - t;
    result.stallMs = stall.max / 1e6;
    const done = await getLayoutJob(SYSTEM, job.id);
    if (done.status !== 'done') throw new Error(`the job ended ${done.status}: ${done.message}`);
    result.moved = done.movedCount;
    const u = performance.now();
    await undoLayoutJob(SYSTEM, job.id);
    result.undoMs = performance.now() - u;
  }
  await disconnectDb();
  console.log(`RESULT ${JSON.stringify({ ...result, rssMb: process.resourceUsage().maxRSS / 1024 })}`);
}

function runChild(mode: Mode): Result {
  const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'relayout-bench.ts'), '--child', mode, '--actors', String(ACTORS), '--ties', String(TIES)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from the ${mode} child:\n${out}`);
  return JSON.parse(line.slice(7)) as Result;
}

async function main() {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
  const exists = existsSync(FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
  await disconnectDb();
  if (!exists) {
    const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
    const t = performance.now();
    await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
    await disconnectDb();
    console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  console.log(`lay out again and save on ${ACTORS.toLocaleString('en-US')} actors / ${TIES.toLocaleString('en-US')} ties (SQLite), ${ROUNDS} round(s) in turns, one child process each; medians`);
  const jobs: Result[] = [];
  const anchors: Result[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of i % 2 ? (['anchor', 'job'] as const) : (['job', 'anchor'] as const)) (mode === 'job' ? jobs : anchors).push(runChild(mode));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const job = median(jobs.map((r) => r.ms));
  const anchor = median(anchors.map((r) => r.ms));
  console.log(`  job (read, fcose on a worker, one-transaction save + revision) ${(job / 1000).toFixed(1)} s for ${jobs[0]!.moved} actors`);
  console.log(`  ÷ bare computePositionsInWorker (read + fcose) ${(anchor / 1000).toFixed(1)} s = ${(job / anchor).toFixed(2)}×`);
  console.log(`  longest main-thread stall while the job ran ${median(jobs.map((r) => r.stallMs!)).toFixed(0)} ms; undo (one transaction) ${(median(jobs.map((r) => r.undoMs!)) / 1000).toFixed(1)} s`);
  console.log(`  peak RSS: job ${Math.max(...jobs.map((r) => r.rssMb)).toFixed(0)} MB, anchor ${Math.max(...anchors.map((r) => r.rssMb)).toFixed(0)} MB (both include the worker thread's heap)`);
}

if (process.argv.includes('--child')) await child(cliArg('child', 'job') as Mode);
else await main();
