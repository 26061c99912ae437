// How fast and how lean Powermap reads a GEXF file into the database, beside graphology-gexf (a DOM
// parser over @xmldom/xmldom) reading the same file, each followed by the same plain bulk insert of
// the same actor and tie rows into a freshly migrated SQLite database in one transaction, measured
// in the same run; and Powermap's whole import of the file (read, the suggested mapping, and
// importDocument: validation, claims, sources, revisions), as POST /api/import?format=gexf runs it.
// It prints figures; it asserts nothing. Goals (issue 15): at 10,000 nodes / 30,000 edges,
// Powermap's time ≤ 1.2× the anchor's; at 100,000 / 300,000 it completes under 1 GB.
//
//   npm run bench:gexf -- [--actors 10000] [--ties 30000] [--rounds 3] [--no-anchor] [--no-import]
//   npm run bench:gexf -- --actors 100000 --ties 300000 --rounds 1 --no-anchor   (the memory figure)
//
// The file is written once by lib/exchange/gexf/write-gexf.ts from bench/generate-network.ts's
// network (dated, typed ties; positions), streamed to disk. Each measurement runs in its own child
// process, so its peak RSS (getrusage maxrss) is its own; the two sides alternate and the fastest
// round of each counts. Powermap's side streams the file through readGexfStream (never one string);
// graphology's needs the whole text and a DOM, and reads the dates from that DOM as it has no API
// for them. Migrating the database is not timed.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { DOMParser } from '@xmldom/xmldom';
import Database from 'better-sqlite3';
import Graph from 'graphology';
import { parse as parseWithGraphology } from 'graphology-gexf';
import type { DatabaseConfig } from '../lib/db/config';
import { applyMigrations } from '../lib/db/schema-engine';
import { TIE_TYPE_INFO, type ActorKind, type Faction, type TieType } from '../lib/domain/vocabulary';
import { importDocument } from '../lib/data/import-document';
import { boundHeap } from '../lib/data/import/bound-heap';
import { disconnectDb } from '../lib/db/client';
import type { ForeignGraph } from '../lib/exchange/foreign-graph';
import { readGexfStream } from '../lib/exchange/gexf/read-gexf';
import { mapForeignGraph } from '../lib/exchange/map-foreign-graph';
import { suggestMapping } from '../lib/exchange/suggest-mapping';
import { writeGexfChunks } from '../lib/exchange/gexf/write-gexf';
import { normaliseForSearch } from '../lib/graph/search';
import type { GraphView } from '../lib/graph/types';
import { generateNetwork } from './generate-network';
import { runJsonScript } from './processes';
import { cliArg } from './cli-arg';

type Value = string | number | null;
/** The rows both sides write: what a GEXF file says about actors and ties. */
interface Rows {
  actors: { slug: string; name: string; kind: string; faction: string }[];
  ties: { id: string; source: string; target: string; type: string; start: string | null; end: string | null; strength: number }[];
}
interface ChildResult {
  side: 'powermap' | 'graphology' | 'import';
  parseSeconds: number;
  totalSeconds: number;
  actors: number;
  ties: number;
  /** Peak resident memory of the child, in bytes. */
  maxRss: number;
  /** process.memoryUsage() at the end of the run, in bytes. */
  rss: number;
  heapUsed: number;
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The generated import document as the view the exporter writes (a year-precise date per tie, a position per actor). */
function generatedView(actors: number, ties: number): GraphView {
  const doc = generateNetwork(actors, ties);
  return {
    asOf: '2025-01-01',
    nodes: doc.actors.map((a, i) => ({
      id: `actor:${a.slug}`,
      slug: a.slug,
      label: a.name,
      kind: a.kind as ActorKind,
      faction: a.faction as Faction,
      summary: '',
      start: null,
      end: null,
      names: [],
      x: (i % 300) * 40,
      y: Math.floor(i / 300) * 40,
      ended: false,
    })),
    edges: doc.ties.map((t) => ({
      id: `tie:${t.id}`,
      tieId: t.id,
      source: `actor:${t.source}`,
      target: `actor:${t.target}`,
      type: t.type as TieType,
      category: TIE_TYPE_INFO[t.type as TieType].category,
      role: '',
      start: t.start ? { date: `${t.start.date}-01-01`, precision: 'year' } : null,
      end: t.end ? { date: `${t.end.date}-01-01`, precision: 'year' } : null,
      strength: t.strength ?? 3,
      grade: 'B2',
      disputed: false,
      claimCount: 1,
      noteCount: 0,
      past: false,
    })),
  };
}

async function writeFile(file: string, view: GraphView): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of writeGexfChunks(view, { title: 'GEXF bench', address: '/', asOf: view.asOf })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The same plain insert for both sides: better-sqlite3 prepared statements in one transaction. */
function insertRows(file: string, rows: Rows): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const now = new Date().toISOString();
  const idOf = new Map<string, string>();
  const actor = db.prepare('INSERT INTO "Actor" ("id", "slug", "name", "normalizedName", "kind", "faction", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)');
  const tie = db.prepare(
    'INSERT INTO "Tie" ("id", "sourceId", "targetId", "type", "startDate", "startPrecision", "endDate", "endPrecision", "strength", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const day = (d: string | null): Value => (d === null ? null : d.length === 4 ? `${d}-01-01` : d);
  const precision = (d: string | null): Value => (d === null ? null : d.length === 4 ? 'year' : 'day');
  db.transaction(() => {
    for (const a of rows.actors) {
      const id = randomUUID();
      idOf.set(a.slug, id);
      actor.run(id, a.slug, a.name, normaliseForSearch(a.name), a.kind, a.faction, now);
    }
    for (const t of rows.ties) {
      tie.run(t.id, idOf.get(t.source)!, idOf.get(t.target)!, t.type, day(t.start), precision(t.start), day(t.end), precision(t.end), t.strength, now);
    }
  })();
  db.close();
}

async function freshDatabase(name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `powermap-gexf-bench-${name}-${process.pid}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const config: DatabaseConfig = { kind: 'sqlite', url: `file:${file}` };
  await applyMigrations(config);
  return file;
}

async function powermapSide(file: string, db: string): Promise<{ parseSeconds: number; rows: Rows }> {
  const started = performance.now();
  const graph = await readGexfStream(createReadStream(file));
  const parseSeconds = (performance.now() - started) / 1000;
  const rows: Rows = {
    actors: graph.nodes.map((n) => ({ slug: n.id, name: n.label ?? n.id, kind: String(n.attributes.kind), faction: String(n.attributes.faction) })),
    ties: graph.edges.map((e) => ({
      id: e.id!,
      source: e.source,
      target: e.target,
      type: String(e.attributes.type),
      start: e.spells[0]?.start ?? null,
      end: e.spells[0]?.end ?? null,
      strength: e.weight ?? 3,
    })),
  };
  insertRows(db, rows);
  return { parseSeconds, rows };
}

async function graphologySide(file: string, db: string): Promise<{ parseSeconds: number; rows: Rows }> {
  const started = performance.now();
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'application/xml');
  const graph = parseWithGraphology(Graph, doc as unknown as Document);
  // graphology keeps no dates; they are read from the DOM it parsed, in document order.
  const edgeElements = doc.getElementsByTagName('edge');
  const dates = new Map<string, { start: string | null; end: string | null }>();
  for (let i = 0; i < edgeElements.length; i++) {
    const e = edgeElements.item(i)!;
    dates.set(e.getAttribute('id')!, { start: e.getAttribute('start') || null, end: e.getAttribute('end') || null });
  }
  const parseSeconds = (performance.now() - started) / 1000;
  const rows: Rows = {
    actors: graph.mapNodes((slug, a) => ({ slug, name: String(a.label ?? slug), kind: String(a.kind), faction: String(a.faction) })),
    ties: graph.mapEdges((id, a, source, target) => {
      const d = dates.get(id)!;
      // The same dates as Powermap's side writes: the file's year-wide intervals narrowed to their year.
      const narrow = (v: string | null, p: unknown) => (v !== null && p === 'year' ? v.slice(0, 4) : v);
      return { id, source, target, type: String(a.type), start: narrow(d.start, a.startPrecision), end: narrow(d.end, a.endPrecision), strength: Number(a.weight ?? 3) };
    }),
  };
  insertRows(db, rows);
  return { parseSeconds, rows };
}

/** The import as POST /api/import runs it: read, map with the suggested mapping, importDocument. */
async function importSide(file: string, db: string): Promise<{ parseSeconds: number; rows: Rows }> {
  process.env.DATABASE_URL = `file:${db}`;
  const { parseSeconds, document } = await readAndMap(file);
  // As the route does: the graph is let go as it is mapped, the mapped document as it is validated.
  const summary = await importDocument({ type: 'system', origin: 'import' }, document, { release: true });
  await disconnectDb();
  return { parseSeconds, rows: { actors: Array(summary.actors.created), ties: Array(summary.ties.created) } };
}

/** The file read and mapped, in a function of its own so no frame of the import's keeps the graph. */
async function readAndMap(file: string): Promise<{ parseSeconds: number; document: unknown }> {
  const started = performance.now();
  const graph: ForeignGraph = await readGexfStream(boundedChunks(createReadStream(file)));
  const parseSeconds = (performance.now() - started) / 1000;
  return { parseSeconds, document: mapForeignGraph(graph, suggestMapping(graph), { fileName: 'bench.gexf', formatLabel: 'GEXF', release: true, afterSlice: boundHeap }).document };
}

/** The file's chunks, the heap bounded between them as the import bounds it between its slices. */
async function* boundedChunks(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of chunks) {
    yield chunk;
    boundHeap();
  }
}

async function child(side: ChildResult['side'], file: string): Promise<void> {
  const db = await freshDatabase(side);
  const started = performance.now();
  const { parseSeconds, rows } = side === 'powermap' ? await powermapSide(file, db) : side === 'graphology' ? await graphologySide(file, db) : await importSide(file, db);
  const totalSeconds = (performance.now() - started) / 1000;
  const memory = process.memoryUsage();
  const result: ChildResult = {
    side,
    parseSeconds,
    totalSeconds,
    actors: rows.actors.length,
    ties: rows.ties.length,
    maxRss: process.resourceUsage().maxRSS * 1024,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
  };
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  console.log(`RESULT ${JSON.stringify(result)}`);
}

async function main(): Promise<void> {
  const actors = Number(cliArg('actors', '10000'));
  const ties = Number(cliArg('ties', '30000'));
  const rounds = Math.max(1, Number(cliArg('rounds', '3')));
  const anchor = !process.argv.includes('--no-anchor');
  const fullImport = !process.argv.includes('--no-import');
  const file = path.join(os.tmpdir(), `powermap-gexf-bench-${actors}-${ties}-${process.pid}.gexf`);
  await writeFile(file, generatedView(actors, ties));
  const n = (x: number) => x.toLocaleString('en');
  console.log(`GEXF import bench: ${n(actors)} nodes / ${n(ties)} edges, ${(readFileSync(file).length / 2 ** 20).toFixed(1)} MiB file, ${rounds} round(s)`);

  const script = [`--conditions=react-server`, '--import', 'tsx', path.resolve(import.meta.dirname, 'gexf-import-bench.ts')];
  const best: Partial<Record<ChildResult['side'], ChildResult>> = {};
  /** Each round's sides, for the ratios round by round (the machine's load moves between rounds). */
  const byRound: Partial<Record<ChildResult['side'], ChildResult>>[] = [];
  const keep = (r: ChildResult) => {
    const previous = best[r.side];
    best[r.side] = previous && previous.totalSeconds <= r.totalSeconds ? { ...previous, maxRss: Math.max(previous.maxRss, r.maxRss) } : { ...r, maxRss: Math.max(previous?.maxRss ?? 0, r.maxRss) };
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const sides: Partial<Record<ChildResult['side'], ChildResult>> = {};
      const run = async (side: ChildResult['side']) => {
        const r = await runJsonScript<ChildResult>(`gexf-bench-${side}`, [...script, '--child', side, '--file', file], process.env);
        sides[side] = r;
        keep(r);
      };
      await run('powermap');
      if (anchor) await run('graphology');
      if (fullImport) await run('import');
      byRound.push(sides);
      const { graphology: them, import: full } = sides;
      if (them && full) console.log(`  round ${round + 1}: import ${full.totalSeconds.toFixed(1)} s, anchor ${them.totalSeconds.toFixed(1)} s: ${(full.totalSeconds / them.totalSeconds).toFixed(2)}×`);
    }
  } finally {
    rmSync(file, { force: true });
  }
  const line = (r: ChildResult, name: string) =>
    `  ${name}: parse ${r.parseSeconds.toFixed(2)} s, parse + insert ${r.totalSeconds.toFixed(2)} s (${n(r.actors)} actors, ${n(r.ties)} ties); peak RSS ${MiB(r.maxRss)}, at the end rss ${MiB(r.rss)} heap ${MiB(r.heapUsed)}`;
  const ours = best.powermap!;
  console.log(line(ours, 'Powermap (saxes, streamed)'));
  console.log(`  peak RSS under 1 GB: ${ours.maxRss < 2 ** 30 ? 'yes' : 'NO'}`);
  if (best.graphology) {
    const them = best.graphology;
    console.log(line(them, 'graphology-gexf (xmldom DOM)'));
    console.log(`  ratio Powermap ÷ graphology, parse + insert: ${(ours.totalSeconds / them.totalSeconds).toFixed(2)}× (goal ≤ 1.2×)`);
    console.log(`  ratio Powermap ÷ graphology, parse alone: ${(ours.parseSeconds / them.parseSeconds).toFixed(2)}×; peak memory ${(ours.maxRss / them.maxRss).toFixed(2)}×`);
  }
  if (best.import) {
    const full = best.import;
    console.log(line(full, 'Powermap import (read + suggested mapping + importDocument)'));
    if (best.graphology) {
      console.log(`  ratio Powermap import ÷ graphology + bulk insert, fastest of each: ${(full.totalSeconds / best.graphology.totalSeconds).toFixed(2)}× (goal ≤ 1.2×)`);
      const ratios = byRound.map((r) => r.import!.totalSeconds / r.graphology!.totalSeconds);
      const sorted = [...ratios].sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
      console.log(`  ratio round by round: ${ratios.map((x) => `${x.toFixed(2)}×`).join(', ')}; median ${median.toFixed(2)}× (goal ≤ 1.2×)`);
    }
    console.log(`  peak RSS of the import under 1 GB: ${full.maxRss < 2 ** 30 ? 'yes' : 'NO'}`);
  }
}

const side = cliArg('child', '');
if (side === 'powermap' || side === 'graphology' || side === 'import') await child(side, cliArg('file', ''));
else await main();
