// k shortest paths on a large network: loadPaths (GET /api/graph/paths's work: both ends'
// hub-capped neighbourhoods cut in SQL, then Yen's algorithm) beside anchors measured in the same
// run on the same SQLite file, as ratios (paths ÷ anchor):
//   - anchor: one end's two-hop neighbourhood, loadView (what GET /api/graph?focus=…&hops=2 reads),
//     the cut the map already makes for a traced path on a large network, once per end;
//   - context: the same search on the whole network loaded into memory (loadGraph + buildView),
//     which the path search never does, to show what the cut saves.
// The database is built the fast way (bench/insert-network.ts), once, in data/bench/search-<size>.db
// (shared with measure-search.ts).
//   node --conditions=react-server --import tsx bench/measure-paths.ts [--size 20000x100000] [--rounds 5] [--pairs 6]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork } from './generate-network';
import { insertNetwork } from './insert-network';
import { cliArg } from './cli-arg';

const [actors, ties] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '5'));
const pairCount = Number(cliArg('pairs', '6'));

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
  await db.$executeRawUnsafe(`UPDATE "Actor" SET x = abs(random()) % 10000, y = abs(random()) % 10000`);
  await disconnectDb();
}

const { disconnectDb } = await import('../lib/db/client');
const { loadGraph } = await import('../lib/data/graph');
const { loadPaths } = await import('../lib/data/network/load-paths');
const { loadView } = await import('../lib/data/network/load-view');
const { ANONYMOUS } = await import('../lib/data/principal');
const { actorNodeId, buildView } = await import('../lib/graph/build-view');
const { kShortestPaths } = await import('../lib/graph/k-paths');
const { pathParamsSchema } = await import('../lib/validation/path-queries');

const TODAY = '2024-06-15';
const query = { showEnded: true, hops: 1 };
// Pairs spread over the network, the same every run.
const pairs = Array.from({ length: pairCount }, (_, i) => [`actor-${(i * 7919 + 101) % actors}`, `actor-${(i * 104_729 + 5003) % actors}`] as const);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

type Side = 'anchor: both ends\' 2-hop neighbourhoods (loadView)' | 'paths k=1' | 'paths k=5' | 'paths k=5, hubs over 20 ties and one actor avoided';
const sides: Record<Side, (from: string, to: string) => Promise<unknown>> = {
  "anchor: both ends' 2-hop neighbourhoods (loadView)": (from, to) =>
    Promise.all([from, to].map((focus) => loadView(ANONYMOUS, { ...query, focus, hops: 2 }, { today: TODAY }))),
  'paths k=1': (from, to) => loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from, to, k: '1' }), { today: TODAY }),
  'paths k=5': (from, to) => loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from, to, k: '5' }), { today: TODAY }),
  'paths k=5, hubs over 20 ties and one actor avoided': (from, to) =>
    loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from, to, k: '5', maxDegree: '20', avoid: 'actor-0' }), { today: TODAY }),
};

// Warm up every side once (connections, prepared statements, JIT).
for (const run of Object.values(sides)) await run(pairs[0]![0], pairs[0]![1]);
const found: number[] = [];
for (const [from, to] of pairs) found.push((await loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from, to, k: '5' }), { today: TODAY })).paths.length);

const perPair: Record<string, number[]> = {};
for (const [from, to] of pairs) {
  // Sides in turns within each round, so a noisy moment on the shared machine hits them alike.
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(sides)) (samples[name] ??= []).push(await time(() => run(from, to)));
  }
  for (const [name, xs] of Object.entries(samples)) (perPair[name] ??= []).push(median(xs));
}

// Context, once: the whole network in memory, then the same search.
const whole = await time(async () => {
  const graph = await loadGraph(ANONYMOUS);
  const view = buildView(graph, query, TODAY);
  for (const [from, to] of pairs) kShortestPaths(view, actorNodeId(from), actorNodeId(to), { k: 5 });
});

const anchorName = Object.keys(sides)[0]!;
const anchor = median(perPair[anchorName]!);
console.log(`\npaths on ${actors.toLocaleString('en')} actors / ${ties.toLocaleString('en')} ties (SQLite), ${pairs.length} pairs, median of ${rounds} rounds each; paths found at k=5: ${found.join(', ')}`);
const rows = Object.entries(perPair).map(([name, xs]) => ({ name, ms: median(xs), ratio: median(xs) / anchor }));
rows.push({ name: `context: whole network loaded, then ${pairs.length} searches (once)`, ms: whole, ratio: whole / anchor });
for (const row of rows) console.log(`${row.name.padEnd(62)} ${row.ms.toFixed(1).padStart(9)} ms  ${row.ratio.toFixed(2).padStart(7)}×`);
mkdirSync('bench/out', { recursive: true });
const out = path.join('bench/out', `paths-${actors}x${ties}.json`);
writeFileSync(out, JSON.stringify({ actors, ties, rounds, pairs, found, rows, at: new Date().toISOString() }, null, 2));
console.log(`written ${out}`);
await disconnectDb();
