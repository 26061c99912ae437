// Makes a synthetic power network as an import document: by default 5,000 actors and 20,000
// ties, shaped like the real thing (a few hubs, hierarchies, factions, dated and graded ties),
// deterministic for a given seed so two runs measure the same network.
//   node --import tsx bench/generate-network.ts [--actors 5000] [--ties 20000] [--out bench/out/network.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTOR_KINDS, FACTIONS, TIE_TYPES } from '../lib/domain/vocabulary';
import type { ImportDocumentInput } from '../lib/validation/import-document';
import { seededRandom } from '../lib/graph/analysis/random';
import { cliArg } from './cli-arg';

/** The same seeded PRNG (mulberry32) as the analysis: the same seed gives the same network. */
export const random = (seed: number) => seededRandom(seed);

export function generateNetwork(actorCount: number, tieCount: number, seed = 42): ImportDocumentInput {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const year = () => 1990 + Math.floor(rnd() * 34);
  const sources = ['A', 'B', 'C', 'D', 'E', 'F'].map((grade, i) => ({ id: `synthetic-source-${i}`, title: `Synthetic source ${grade}`, reliability: grade as 'A' }));
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    slug: `actor-${i}`,
    name: `Actor ${i}`,
    kind: pick(ACTOR_KINDS),
    faction: pick(FACTIONS),
    names: [{ name: `Актор ${i}`, lang: 'ru', script: 'Cyrl', kind: 'transliteration' as const }],
  }));
  // Preferential attachment: early actors become hubs, as ministries and presidents do.
  const ties = Array.from({ length: tieCount }, (_, i) => {
    const source = Math.floor(rnd() * actorCount);
    let target = Math.floor(Math.pow(rnd(), 2.2) * actorCount);
    if (target === source) target = (source + 1) % actorCount;
    const start = year();
    const ended = rnd() < 0.3;
    return {
      id: `tie-${i}`,
      source: `actor-${source}`,
      target: `actor-${target}`,
      type: pick(TIE_TYPES),
      start: { date: String(start), precision: 'year' as const },
      end: ended ? { date: String(Math.min(2025, start + 1 + Math.floor(rnd() * 8))), precision: 'year' as const } : null,
      strength: 1 + Math.floor(rnd() * 5),
      claims: [{ id: `claim-${i}`, source: pick(sources).id, quote: `Synthetic claim ${i}`, credibility: 1 + Math.floor(rnd() * 6) }],
    };
  });
  return { sources, actors, ties };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const out = cliArg('out', 'bench/out/network.json');
  const doc = generateNetwork(Number(cliArg('actors', '5000')), Number(cliArg('ties', '20000')));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(doc));
  console.log(`wrote ${out}: ${doc.actors.length} actors, ${doc.ties.length} ties`);
}
