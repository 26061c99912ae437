// npm run bench:export: GET /api/export's work (the view cut as the route cuts it, then each
// format written and its stream read to the end) on the generated 20,000-actor / 100,000-tie
// network, each beside loadView of the same view measured in turns in the same run, printed as
// ratios (the export ÷ loading the view alone). It asserts nothing.
//   node --conditions=react-server --import tsx bench/export-bench.ts [--actors 20000 --ties 100000] [--rounds 3] [--fresh]
// Views: the whole network on a day (no focus: every actor and tie the date keeps), a hub's
// 2-hop neighbourhood (hub-capped, as the map shows it), and scope=all (anchor: loadGraph) with the
// Powermap document beside it. Peak resident memory is printed at the end.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { connect, disconnectDb } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { exportDocument } from '../lib/data/export/export-document';
import { loadExportEvidence, loadExportView } from '../lib/data/export/load-export-view';
import { loadGraph } from '../lib/data/graph';
import { loadView } from '../lib/data/network/load-view';
import { ANONYMOUS } from '../lib/data/principal';
import { VIEW_EXPORT_FORMATS } from '../lib/exchange/export-formats';
import { exportStream, NO_EVIDENCE, writeView, type ExportBody } from '../lib/exchange/export-writer';
import type { GraphQuery } from '../lib/graph/types';
import type { ExportScope, ViewExportFormatId } from '../lib/validation/export-queries';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '3'));
const FILE = path.resolve(`data/bench-export-${ACTORS}-${TIES}.db`);
const TODAY = '2024-06-15';
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** Reads a body to its end, as the response would send it; returns its size in bytes. */
async function drain(body: ExportBody): Promise<number> {
  const reader = exportStream(body).getReader();
  let bytes = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  return bytes;
}

async function exportOnce(format: ViewExportFormatId, scope: ExportScope, query: GraphQuery): Promise<number> {
  const writer = VIEW_EXPORT_FORMATS[format];
  const view = await loadExportView(ANONYMOUS, scope, query, { today: TODAY });
  const evidence = writer.needsEvidence ? await loadExportEvidence(ANONYMOUS, view.edges.map((e) => e.tieId)) : NO_EVIDENCE;
  const meta = { title: 'bench', address: 'http://bench.test/', asOf: view.asOf, generatedAt: new Date().toISOString(), scope };
  return drain(writeView(writer, view, meta, evidence));
}

/** Two measurements in turns, round by round, so both see the same load on a shared machine; medians. */
async function inTurns(rounds: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [run, samples] of i % 2 ? ([[b, bs], [a, as]] as const) : ([[a, as], [b, bs]] as const)) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [median(as), median(bs)];
}

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
  const formats = Object.keys(VIEW_EXPORT_FORMATS) as ViewExportFormatId[];
  const views: { name: string; scope: ExportScope; query: GraphQuery; anchor: () => Promise<unknown> }[] = [
    { name: 'whole network on 2020-01-01', scope: 'view', query: { asOf: '2020-01-01', showEnded: true, hops: 1 }, anchor: () => loadView(ANONYMOUS, { asOf: '2020-01-01', showEnded: true, hops: 1 }, { today: TODAY }) },
    { name: "actor-0's 2 hops (hub-capped)", scope: 'view', query: { focus: 'actor-0', showEnded: true, hops: 2 }, anchor: () => loadView(ANONYMOUS, { focus: 'actor-0', showEnded: true, hops: 2 }, { today: TODAY }) },
    { name: 'scope=all', scope: 'all', query: { showEnded: true, hops: 1 }, anchor: () => loadGraph(ANONYMOUS) },
  ];
  console.log(`GET /api/export on ${ACTORS.toLocaleString('en-US')} actors / ${TIES.toLocaleString('en-US')} ties (SQLite), ${ROUNDS} rounds in turns, medians`);
  for (const v of views) {
    const size = await loadExportView(ANONYMOUS, v.scope, v.query, { today: TODAY });
    console.log(`\n${v.name}: ${size.nodes.length.toLocaleString('en-US')} actors, ${size.edges.length.toLocaleString('en-US')} ties`);
    for (const format of formats) {
      let bytes = 0;
      const [exported, anchor] = await inTurns(ROUNDS, async () => (bytes = await exportOnce(format, v.scope, v.query)), v.anchor);
      console.log(`  ${format.padEnd(8)} ${exported.toFixed(0).padStart(6)} ms, ${(bytes / 1e6).toFixed(1).padStart(6)} MB  ÷ ${v.scope === 'all' ? 'loadGraph' : 'loadView'} ${anchor.toFixed(0)} ms = ${(exported / anchor).toFixed(2)}×`);
    }
    if (v.scope === 'all') {
      let bytes = 0;
      const [exported, anchor] = await inTurns(ROUNDS, async () => (bytes = await drain(exportDocument(ANONYMOUS))), v.anchor);
      console.log(`  ${'powermap'.padEnd(8)} ${exported.toFixed(0).padStart(6)} ms, ${(bytes / 1e6).toFixed(1).padStart(6)} MB  ÷ loadGraph ${anchor.toFixed(0)} ms = ${(exported / anchor).toFixed(2)}×`);
    }
  }
  console.log(`\npeak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await disconnectDb();
}

await main();
