// npm run bench:stream-export: GET /api/export?scope=all's work, streamed (lib/data/export/
// stream-network.ts → writeViewParts: the network read a page of rows at a time as the file is
// written) beside the anchor of the same run, the whole-view path scope=all took before
// (loadExportView: loadGraph whole, marked, placed; its evidence for every tie; then writeView),
// for every format, on a generated network (default 20,000 actors / 100,000 ties, every actor
// placed as npm start leaves them). Each measurement runs in its own child process, in turns, so
// its peak resident memory is its own; printed: median times, the ratio streamed ÷ whole, and each
// one's peak RSS above a child that only connects. It asserts nothing.
//   node --conditions=react-server --import tsx bench/stream-export-bench.ts [--actors 20000 --ties 100000] [--rounds 3] [--fresh] [--formats gexf,csv]
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { connect, disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { loadExportEvidence, loadExportView } from '../lib/data/export/load-export-view';
import { streamNetwork } from '../lib/data/export/stream-network';
import { ANONYMOUS } from '../lib/data/principal';
import { VIEW_EXPORT_FORMATS } from '../lib/exchange/export-formats';
import { exportStream, NO_EVIDENCE, writeView, writeViewParts, type ExportBody, type ExportMeta } from '../lib/exchange/export-writer';
import type { ViewExportFormatId } from '../lib/validation/export-queries';
import { cliArg } from './cli-arg';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '3'));
const FILE = path.resolve(`data/bench-stream-export-${ACTORS}-${TIES}.db`);
const AS_OF = '2024-06-15';
process.env.NEXT_TELEMETRY_DISABLED = '1';

type Mode = 'streamed' | 'whole' | 'idle';

/** Reads a body to its end, as the response would send it; returns its size in bytes. */
async function drain(body: ExportBody): Promise<number> {
  const reader = exportStream(body).getReader();
  let bytes = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  return bytes;
}

/** One export in this process (a child): prints its time, size and this process's peak memory. */
async function child(mode: Mode, id: ViewExportFormatId) {
  process.env.DATABASE_URL = `file:${FILE}`;
  await connect({ kind: 'sqlite', url: `file:${FILE}` });
  const format = VIEW_EXPORT_FORMATS[id];
  const meta: ExportMeta = { title: 'bench', address: 'http://bench.test/', asOf: AS_OF, generatedAt: new Date().toISOString(), scope: 'all' };
  const t = performance.now();
  let bytes = 0;
  if (mode === 'streamed') {
    bytes = await drain(writeViewParts(format, streamNetwork(ANONYMOUS, { asOf: AS_OF, evidence: format.needsEvidence }), meta));
  } else if (mode === 'whole') {
    const view = await loadExportView(ANONYMOUS, 'all', { asOf: AS_OF, showEnded: true, hops: 1 });
    const evidence = format.needsEvidence ? await loadExportEvidence(ANONYMOUS, view.edges.map((e) => e.tieId)) : NO_EVIDENCE;
    bytes = await drain(writeView(format, view, meta, evidence));
  }
  const ms = performance.now() - t;
  await disconnectDb();
  console.log(`RESULT ${JSON.stringify({ ms, bytes, rssMb: process.resourceUsage().maxRSS / 1024 })}`);
}

function runChild(mode: Mode, id: ViewExportFormatId): { ms: number; bytes: number; rssMb: number } {
  const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'stream-export-bench.ts'), '--child', mode, '--format', id, '--actors', String(ACTORS), '--ties', String(TIES)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from the ${mode} ${id} child:\n${out}`);
  return JSON.parse(line.slice(7));
}

async function prepare() {
  if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
  const exists = existsSync(FILE);
  await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
  await disconnectDb();
  if (exists) return;
  const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
  const t = performance.now();
  await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
  // Every actor placed, as npm start's layout leaves a network (a scatter: where they sit does not matter here).
  await db.$executeRawUnsafe(`UPDATE "Actor" SET "x" = (abs(random()) % 100000) / 10.0, "y" = (abs(random()) % 100000) / 10.0`);
  await disconnectDb();
  console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  await prepare();
  const formats = (cliArg('formats', Object.keys(VIEW_EXPORT_FORMATS).join(',')).split(',') as ViewExportFormatId[]);
  const idle = runChild('idle', formats[0]!).rssMb;
  console.log(`GET /api/export?scope=all on ${ACTORS.toLocaleString('en-US')} actors / ${TIES.toLocaleString('en-US')} ties (SQLite), ${ROUNDS} rounds in turns, one child process per export; medians`);
  console.log(`a child that only connects peaks at ${idle.toFixed(0)} MB\n`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const id of formats) {
    const runs: Record<'streamed' | 'whole', { ms: number; bytes: number; rssMb: number }[]> = { streamed: [], whole: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of i % 2 ? (['whole', 'streamed'] as const) : (['streamed', 'whole'] as const)) runs[mode].push(runChild(mode, id));
    }
    const [s, w] = [runs.streamed, runs.whole];
    const sMs = median(s.map((r) => r.ms));
    const wMs = median(w.map((r) => r.ms));
    const sRss = Math.max(...s.map((r) => r.rssMb));
    const wRss = Math.max(...w.map((r) => r.rssMb));
    console.log(
      `${id.padEnd(8)} ${(s[0]!.bytes / 1e6).toFixed(1).padStart(6)} MB file  streamed ${sMs.toFixed(0).padStart(6)} ms ÷ whole ${wMs.toFixed(0).padStart(6)} ms = ${(sMs / wMs).toFixed(2)}×` +
        `   peak RSS streamed ${sRss.toFixed(0)} MB (+${(sRss - idle).toFixed(0)}), whole ${wRss.toFixed(0)} MB (+${(wRss - idle).toFixed(0)})`,
    );
  }
}

if (process.argv.includes('--child')) await child(cliArg('child', 'idle') as Mode, cliArg('format', 'gexf') as ViewExportFormatId);
else await main();
