// Cross-script search at scale, in process on one SQLite file (20,000 actors, 100,000 ties by
// default, with the generated transliterations a fresh import would write), as ratios against an
// anchor measured in the same run: the search of a Latin name as typed ("actor 1234", one lookup in
// the name index, the search as it was before transliteration). Measured beside it: a Cyrillic
// query, looked up as typed and as its transliterations ("Актор 1234"); a scheme's spelling that
// only the generated names hold ("Aktor 1234"); and a typo that falls back to the near-miss search
// ("actro 1234", "Aktro 1234").
//   node --conditions=react-server --import tsx bench/name-search-bench.ts [--size 20000x100000] [--rounds 200]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork } from './generate-network';
import { insertNetwork } from './insert-network';
import { cliArg } from './cli-arg';

const [actors, ties] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '200'));
const file = path.resolve(`data/bench/names-${actors}x${ties}.db`);
const url = `file:${file}`;
process.env.DATABASE_URL = url;
const fresh = !existsSync(file);
if (fresh) {
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`building ${file}…`);
  await applyMigrations({ kind: 'sqlite', url });
}
const { getConnection, disconnectDb } = await import('../lib/db/client');
const { generateMissingNames } = await import('../lib/data/actors/actor-names');
const { searchActors } = await import('../lib/data/actors/search-actors');
const { db, kind } = await getConnection();
if (fresh) await insertNetwork(db, generateNetwork(actors, ties));
// The fast insert writes the given names only; the repair adds what an import would have generated.
const generated = await generateMissingNames();
if (generated) console.log(`generated transliterations for ${generated} actors`);

const numbers = Array.from({ length: 20 }, (_, i) => 1000 + ((i * 7919) % Math.min(actors - 1000, 9000)));
const sets: Record<string, string[]> = {
  'anchor: Latin as typed ("actor 1234")': numbers.map((n) => `actor ${n}`),
  'Cyrillic, as typed and transliterated ("Актор 1234")': numbers.map((n) => `Актор ${n}`),
  'a generated spelling ("Aktor 1234")': numbers.map((n) => `Aktor ${n}`),
  'a typo, near misses ("actro 1234")': numbers.map((n) => `actro ${n}`),
  'a typo in Cyrillic ("Актро 1234")': numbers.map((n) => `Актро ${n}`),
};

async function perQuery(queries: string[]): Promise<{ ms: number; found: number }> {
  let found = 0;
  for (const q of queries.slice(0, 3)) await searchActors(db, kind, q, { limit: 20 }); // warm
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of queries) found += (await searchActors(db, kind, q, { limit: 20 })).hits.length ? 1 : 0;
  return { ms: (performance.now() - start) / (rounds * queries.length), found: found / rounds };
}

// Turns: every set once per turn, three turns, the median of each, so load on the machine falls on all alike.
const times: Record<string, number[]> = {};
const found: Record<string, number> = {};
for (let turn = 0; turn < 3; turn++) {
  for (const [name, queries] of Object.entries(sets)) {
    const { ms, found: f } = await perQuery(queries);
    (times[name] ??= []).push(ms);
    found[name] = f;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const anchor = median(Object.values(times)[0]!);
console.log(`\nname search on ${kind}, ${actors} actors / ${ties} ties, ${rounds} rounds × 20 queries, median of 3 turns`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(56)} ${median(xs).toFixed(2).padStart(7)} ms/query  ×${(median(xs) / anchor).toFixed(2)}  (${found[name]}/20 queries found something)`);
}
await disconnectDb();
