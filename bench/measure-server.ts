// Server-side figures: the 2-hop ego network (latency, one client) and the JSON and page reads
// (throughput, ten clients), each against the anchor app on the same database in the same run,
// and the profile and tie pages on the large database against the same pages on the seed.
import { readFileSync } from 'node:fs';
import { closedLoop, get, median, quantile, type LoadResult } from './load';
import { random } from './generate-network';
import type { BenchOptions, NetworkSize } from './options';
import type { Report } from './report';
import type { Server } from './servers';

const CONCURRENCY = 10;

/** Typical actors (the generator's second half: a handful of ties each, hubs two hops away), the same every run. */
export function sampleActors(size: NetworkSize, count: number): string[] {
  const rnd = random(7);
  const half = Math.floor(size.actors / 2);
  return Array.from({ length: count }, () => `actor-${half + Math.floor(rnd() * (size.actors - half))}`);
}

export function sampleTies(size: NetworkSize, count: number): string[] {
  const rnd = random(11);
  return Array.from({ length: count }, () => `tie-${Math.floor(rnd() * size.ties)}`);
}

/** Name searches that each match about a dozen actors ("actor 1234" finds 1234 and 12340–12349). */
export function sampleQueries(size: NetworkSize, count: number): string[] {
  const rnd = random(13);
  const digits = Math.max(1, String(size.actors).length - 1);
  const low = 10 ** (digits - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = low + Math.floor(rnd() * (Math.min(size.actors, 10 ** digits) - low));
    return i % 2 === 0 ? `actor ${n}` : `Актор ${n}`;
  });
}

/** The seed's busiest actors and best-sourced ties: the pages compared across database sizes. */
export function seedSamples(): { actors: string[]; ties: string[] } {
  const doc = JSON.parse(readFileSync('seed/belarus.json', 'utf8')) as { ties: { id: string; source: string; target: string; claims: unknown[] }[] };
  const degree = new Map<string, number>();
  for (const t of doc.ties) for (const end of [t.source, t.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const actors = [...degree].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([slug]) => slug);
  const ties = [...doc.ties].sort((a, b) => b.claims.length - a.claims.length || a.id.localeCompare(b.id)).slice(0, 5).map((t) => t.id);
  return { actors, ties };
}

function elementCounts(body: string | undefined): { nodes: number; edges: number } | null {
  try {
    const json = JSON.parse(body ?? '') as { elements?: { nodes?: unknown[]; edges?: unknown[] }; nodes?: unknown[]; edges?: unknown[] };
    const nodes = json.elements?.nodes ?? json.nodes;
    const edges = json.elements?.edges ?? json.edges;
    return Array.isArray(nodes) && Array.isArray(edges) ? { nodes: nodes.length, edges: edges.length } : null;
  } catch {
    return null;
  }
}

const WARM_UP_TIMEOUT_MS = 30 * 60_000;

async function checkedGet(url: string, keepBody = false, timeoutMs?: number) {
  const sample = await get(url, undefined, keepBody, timeoutMs);
  if (sample.status !== 200) throw new Error(`GET ${url} answered ${sample.status}`);
  return sample;
}

/** One client, requests in turn, Powermap and anchor interleaved per focus so noise hits both alike. */
export async function measureEgo(opts: BenchOptions, report: Report, powermap: Server, anchor: Server): Promise<void> {
  const focuses = sampleActors(opts.size, 20);
  const times = { powermap: [] as number[], anchor: [] as number[] };
  const sizes: { focus: string; powermap: unknown; anchor: unknown }[] = [];
  for (let round = 0; round <= opts.rounds; round++) {
    for (const focus of focuses) {
      const ours = await checkedGet(`${powermap.base}/api/graph?focus=${focus}&hops=2`, round === 0);
      const theirs = await checkedGet(`${anchor.base}/api/ego?focus=${focus}&hops=2`, round === 0);
      // Round 0 warms both servers up and records what each returned.
      if (round === 0) sizes.push({ focus, powermap: elementCounts(ours.body), anchor: elementCounts(theirs.body) });
      else {
        times.powermap.push(ours.ms);
        times.anchor.push(theirs.ms);
      }
    }
  }
  const anchorName = 'recursive CTE';
  const detail = { focuses: focuses.length, samples: times.powermap.length, sizes };
  for (const [label, q] of [['p50', 0.5], ['p95', 0.95]] as const) {
    report.add({
      group: 'ego',
      name: `2-hop ego network, GET /api/graph?focus=…&hops=2, ${label}`,
      unit: 'ms',
      powermap: quantile(times.powermap, q),
      anchor: quantile(times.anchor, q),
      anchorName,
      goal: { op: '<=', value: 1.5 },
      detail,
    });
  }
}

/** Alternating windows of ten clients, Powermap then anchor, `rounds` times; the median rate of each. */
async function compareThroughput(opts: BenchOptions, ours: string[], theirs: string[]): Promise<{ powermap: LoadResult; anchor: LoadResult; rps: [number, number] }> {
  // Warm-up: one address on each side (fails fast on a wrong address), then a short burst of all.
  // The first profile page of a day computes that day's ranks of the whole network (streamed into
  // the page, then cached per revision for every profile): at 1,000,000 ties that takes minutes.
  for (const url of [ours[0]!, theirs[0]!]) await checkedGet(url, false, WARM_UP_TIMEOUT_MS);
  await closedLoop(ours, CONCURRENCY, 2);
  await closedLoop(theirs, CONCURRENCY, 2);
  const runs = { powermap: [] as LoadResult[], anchor: [] as LoadResult[] };
  for (let round = 0; round < opts.rounds; round++) {
    runs.powermap.push(await closedLoop(ours, CONCURRENCY, opts.seconds));
    runs.anchor.push(await closedLoop(theirs, CONCURRENCY, opts.seconds));
  }
  const pick = (list: LoadResult[]) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
  const powermap = pick(runs.powermap);
  const anchor = pick(runs.anchor);
  for (const r of [...runs.powermap, ...runs.anchor]) if (r.errors > 0) console.warn(`  warning: ${r.errors} failed requests in one window`);
  return { powermap, anchor, rps: [powermap.rps, anchor.rps] };
}

const loadDetail = (r: { powermap: LoadResult; anchor: LoadResult }) => ({
  concurrency: CONCURRENCY,
  powermap: { p50: r.powermap.p50, p95: r.powermap.p95, bytes: r.powermap.bytesPerResponse, requests: r.powermap.requests },
  anchor: { p50: r.anchor.p50, p95: r.anchor.p95, bytes: r.anchor.bytesPerResponse, requests: r.anchor.requests },
});

interface ThroughputCase {
  group: 'api' | 'pages';
  name: string;
  ours: string[];
  theirs: string[];
}

export async function measureThroughput(opts: BenchOptions, report: Report, groups: ('api' | 'pages')[], powermap: Server, anchor: Server): Promise<void> {
  const actors = sampleActors(opts.size, 20);
  const ties = sampleTies(opts.size, 20);
  const queries = sampleQueries(opts.size, 20);
  const cases: ThroughputCase[] = [
    { group: 'api', name: 'GET /api/actors/{slug}', ours: actors.map((s) => `${powermap.base}/api/actors/${s}`), theirs: actors.map((s) => `${anchor.base}/api/actors/${s}`) },
    {
      group: 'api',
      name: 'GET /api/actors?q=…',
      ours: queries.map((q) => `${powermap.base}/api/actors?q=${encodeURIComponent(q)}`),
      theirs: queries.map((q) => `${anchor.base}/api/actors?q=${encodeURIComponent(q)}`),
    },
    // The same question asked with Powermap's own search SQL (ranks, transliterations) through the bare
    // driver: what Powermap's layers cost beyond the database's work. The row above keeps the issue's
    // simpler anchor (one LIKE per word over the same index, no ranks, no transliterated lookups).
    {
      group: 'api',
      name: 'GET /api/actors?q=… against the same search SQL',
      ours: queries.map((q) => `${powermap.base}/api/actors?q=${encodeURIComponent(q)}`),
      theirs: queries.map((q) => `${anchor.base}/api/actors-indexed?q=${encodeURIComponent(q)}`),
    },
    { group: 'pages', name: 'profile page /actors/{slug}', ours: actors.map((s) => `${powermap.base}/actors/${s}`), theirs: actors.map((s) => `${anchor.base}/api/actors/${s}`) },
    { group: 'pages', name: 'tie page /ties/{id}', ours: ties.map((t) => `${powermap.base}/ties/${t}`), theirs: ties.map((t) => `${anchor.base}/api/ties/${t}`) },
  ];
  for (const c of cases.filter((c) => groups.includes(c.group))) {
    const result = await compareThroughput(opts, c.ours, c.theirs);
    report.add({
      group: c.group,
      name: `${c.name}, throughput at ${CONCURRENCY} clients`,
      unit: 'req/s',
      powermap: result.rps[0],
      anchor: result.rps[1],
      anchorName: 'bare route handler',
      goal: { op: '>=', value: 0.7 },
      detail: loadDetail(result),
    });
  }
}

/** The same seed pages on the large database and on the seed alone: cost at size ÷ cost on the seed. */
export async function measurePagesAgainstSeed(opts: BenchOptions, report: Report, large: Server, seed: Server, tieCount: number): Promise<void> {
  const samples = seedSamples();
  for (const [name, paths] of [
    ['profile page', samples.actors.map((s) => `/actors/${s}`)],
    ['tie page', samples.ties.map((t) => `/ties/${t}`)],
  ] as const) {
    const result = await compareThroughput(opts, paths.map((p) => large.base + p), paths.map((p) => seed.base + p));
    // Cost is time per request at the same concurrency: the ratio of rates, seed over large.
    report.add({
      group: 'pages',
      name: `${name} cost at ${tieCount.toLocaleString('en')} ties ÷ on the seed (same pages)`,
      unit: 'req/s',
      powermap: result.rps[0],
      anchor: result.rps[1],
      anchorName: 'seed database',
      ratio: result.rps[1] / result.rps[0],
      goal: { op: '<=', value: 1.2 },
      detail: { ...loadDetail(result), p50Ratio: result.powermap.p50 / result.anchor.p50, pages: paths },
    });
  }
}

export { median };
