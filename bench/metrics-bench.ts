// npm run bench:metrics: each metric of lib/graph/analysis over the whole generated network
// (default 20,000 actors / 100,000 ties, the bench's usual size) against bare graphology on the
// same graph in the same run. Ours includes what the map and the API pay: building the analysis
// graph from the view's ties (parallel ties merged), the metric, and the ranked rows. The anchor
// builds the same merged graph with graphology's own mergeEdge calls and runs the same function
// with the same options. Goal: ≤ 1.2× for every metric. Prints a table and writes JSON to
// bench/out/; asserts nothing.
//
//   npm run bench:metrics                    20,000 × 100,000
//   npm run bench:metrics -- --size 2000x10000 --rounds 5
//   npm run bench:metrics -- --only k-core,degree       those metrics alone (robustness: that part alone)
//
// Betweenness and closeness above EXACT_PATHS_UP_TO actors are sampled estimates (200 sources);
// their anchor runs graphology-shortest-path's indexed Brandes from the same sources with the
// textbook accumulation, since graphology-metrics has no sampled mode. k-core has no graphology
// counterpart (graphology has no k-core); its anchor is graphology's degree over the same graph,
// the floor any core decomposition pays.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { createDijkstraIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { gradeConfidence } from '../lib/graph/analysis/analysis-graph';
import { computeMetric, type AnalysisInput } from '../lib/graph/analysis/metrics';
import { computeRobustness } from '../lib/graph/analysis/robustness';
import { DEFAULT_SEED, sampleIndices, seededRandom } from '../lib/graph/analysis/random';
import { EXACT_PATHS_UP_TO, PATH_SOURCES, ROBUST_PATH_SOURCES, ROBUSTNESS_MAX_ACTORS, type Metric } from '../lib/graph/analysis/vocabulary';
import { generateNetwork } from './generate-network';
import { cliArg } from './cli-arg';

const [actorCount, tieCount] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '3'));
/** Robustness: resampled views per run (the panel asks 100; fewer keep the bench short, the cost is per sample). */
const robustSamples = Number(cliArg('robust-samples', '10'));
/** "robustness" runs that part alone; a comma-separated list of metrics runs those alone. */
const only = cliArg('only', '');
const onlyMetrics = only.split(',').filter(Boolean);

const doc = generateNetwork(actorCount, tieCount);
const reliabilityOf = new Map(doc.sources.map((s) => [s.id, s.reliability]));
const input: AnalysisInput = {
  nodes: doc.actors.map((a) => ({ id: `actor:${a.slug}`, slug: a.slug, label: a.name })),
  ties: (doc.ties ?? []).map((t) => {
    const claim = t.claims?.[0];
    const grade = claim ? `${reliabilityOf.get(claim.source)}${claim.credibility}` : null;
    return { source: `actor:${t.source}`, target: `actor:${t.target}`, strength: t.strength ?? 3, confidence: gradeConfidence(grade) };
  }),
};

/** Bare graphology: the same merged, strength-weighted graph through mergeEdge. */
function bareGraph(keep?: readonly boolean[]): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of input.nodes) graph.addNode(node.id);
  for (const [i, tie] of input.ties.entries()) {
    if (tie.source === tie.target || (keep && !keep[i])) continue;
    graph.updateEdge(tie.source, tie.target, (attributes: { weight?: number }) => ({ weight: (attributes.weight ?? 0) + tie.strength }));
  }
  graph.forEachEdge((edge, attributes) => graph.setEdgeAttribute(edge, 'distance', 1 / (attributes.weight as number)));
  return graph;
}

function bareSampledBetweenness(graph: Graph, sources: number[]) {
  const brandes = createDijkstraIndexedBrandes(graph, 'distance') as unknown as (s: number) => [{ size: number; pop(): number }, number[][], Uint32Array];
  const delta = new Float64Array(graph.order);
  const result = new Float64Array(graph.order);
  for (const s of sources) {
    const [stack, predecessors, sigma] = brandes(s);
    delta.fill(0);
    while (stack.size) {
      const w = stack.pop();
      const c = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * c;
      if (w !== s) result[w]! += delta[w]!;
    }
  }
  return result;
}

function bareSampledCloseness(graph: Graph, sources: number[]) {
  // The Dijkstra of graphology-shortest-path from each source, its distances summed per actor.
  const brandes = createDijkstraIndexedBrandes(graph, 'distance') as unknown as ((s: number) => [{ size: number; items: ArrayLike<number>; clear(): void }, number[][]]) & {
    index: { starts: ArrayLike<number>; neighborhood: ArrayLike<number>; weights: ArrayLike<number> };
  };
  const { starts, neighborhood, weights } = brandes.index;
  const dist = new Float64Array(graph.order);
  const total = new Float64Array(graph.order);
  for (const s of sources) {
    const [stack, predecessors] = brandes(s);
    dist[s] = 0;
    for (let k = 1; k < stack.size; k++) {
      const w = stack.items[k]!;
      const p = predecessors[w]![0]!;
      let length = Infinity;
      for (let j = starts[p]!; j < starts[p + 1]!; j++) if (neighborhood[j] === w && weights[j]! < length) length = weights[j]!;
      dist[w] = dist[p]! + length;
      total[w]! += dist[w]!;
    }
    stack.clear();
  }
  return total;
}

const sampled = actorCount > EXACT_PATHS_UP_TO;
const anchors: Record<Metric, (graph: Graph) => unknown> = {
  degree: (g) => degreeCentrality(g),
  'in-degree': (g) => degreeCentrality(g),
  'out-degree': (g) => degreeCentrality(g),
  'weighted-degree': (g) => g.mapNodes((node) => g.reduceEdges(node, (sum, _e, a) => sum + (a.weight as number), 0)),
  betweenness: (g) =>
    sampled
      ? bareSampledBetweenness(g, sampleIndices(g.order, PATH_SOURCES, seededRandom(DEFAULT_SEED)))
      : betweennessCentrality(g, { getEdgeWeight: 'distance', normalized: true }),
  // Weighted closeness: graphology-metrics' closeness is unweighted, so the anchor is the same Dijkstra from every (or each sampled) source.
  closeness: (g) => bareSampledCloseness(g, sampled ? sampleIndices(g.order, PATH_SOURCES, seededRandom(DEFAULT_SEED)) : Array.from({ length: g.order }, (_z, i) => i)),
  pagerank: (g) => pagerank(g, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000, tolerance: 1e-6 }),
  eigenvector: (g) => eigenvectorCentrality(g, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-6 }),
  'k-core': (g) => degreeCentrality(g),
  communities: (g) => louvain.detailed(g, { getEdgeWeight: 'weight', resolution: 1, rng: seededRandom(DEFAULT_SEED) }),
};

const METRICS_TO_RUN: Metric[] = ['degree', 'weighted-degree', 'pagerank', 'eigenvector', 'k-core', 'communities', 'betweenness', 'closeness'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/**
 * Both sides `rounds` times, alternating which goes first, so GC falls on both sides. An untimed
 * first call of each warms the JIT: without it the first metric measured (degree) paid for
 * compiling the graph building both sides share, and read 1.5× where later rounds read 1.0×.
 */
function alternate(ours: () => number, bare: () => number, warmUp = true): { ours: number[]; bare: number[] } {
  if (warmUp) {
    ours();
    bare();
  }
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      times.ours.push(ours());
      times.bare.push(bare());
    } else {
      times.bare.push(bare());
      times.ours.push(ours());
    }
  }
  return times;
}

console.log(`bench:metrics: ${actorCount.toLocaleString('en-GB')} actors, ${tieCount.toLocaleString('en-GB')} ties, ${rounds} rounds, weight = strength${sampled ? `; betweenness and closeness sampled from ${PATH_SOURCES} sources` : ''}`);
const rows: { metric: Metric | 'robustness-betweenness'; oursMs: number; anchorMs: number; ratio: number }[] = [];
for (const metric of METRICS_TO_RUN.filter((m) => onlyMetrics.length === 0 || onlyMetrics.includes(m))) {
  const { ours, bare } = alternate(
    () => time(() => computeMetric(input, { metric, weight: 'strength' })),
    () => time(() => anchors[metric](bareGraph())),
  );
  const row = { metric, oursMs: median(ours), anchorMs: median(bare), ratio: median(ours) / median(bare) };
  rows.push(row);
  console.log(`${metric.padEnd(16)} ours ${row.oursMs.toFixed(0).padStart(7)} ms   graphology ${row.anchorMs.toFixed(0).padStart(7)} ms   ${row.ratio.toFixed(2)}×${row.ratio > 1.2 ? '  (over the 1.2× goal)' : ''}`);
}
// Robustness as the server runs it above ROBUSTNESS_MAX_ACTORS actors: the whole view's betweenness,
// then each resampled view (ties kept by their grade's confidence) estimated from
// ROBUST_PATH_SOURCES sources. The anchor does the same work in bare graphology: the same sampling
// of ties, a fresh merged graph per sample and the same Brandes from as many sources.
if (actorCount > ROBUSTNESS_MAX_ACTORS && (onlyMetrics.length === 0 || onlyMetrics.includes('robustness'))) {
  const perSample = { exactPathsUpTo: ROBUSTNESS_MAX_ACTORS, pathSources: ROBUST_PATH_SOURCES };
  const anchor = () => {
    const random = seededRandom(DEFAULT_SEED ^ 0x9e3779b9);
    anchors.betweenness(bareGraph());
    for (let s = 0; s < robustSamples; s++) {
      const keep = input.ties.map((tie) => random() < tie.confidence);
      const graph = bareGraph(keep);
      bareSampledBetweenness(graph, sampleIndices(graph.order, ROBUST_PATH_SOURCES, seededRandom(DEFAULT_SEED + s + 1)));
    }
  };
  const { ours, bare } = alternate(
    () => time(() => computeRobustness(input, { metric: 'betweenness', weight: 'strength', samples: robustSamples, perSample })),
    () => time(anchor),
    false, // each run is many samples long: the first samples warm it
  );
  const row = { metric: 'robustness-betweenness' as const, oursMs: median(ours), anchorMs: median(bare), ratio: median(ours) / median(bare) };
  rows.push(row);
  console.log(
    `robustness (betweenness, ${robustSamples} samples of ${ROBUST_PATH_SOURCES} sources) ours ${row.oursMs.toFixed(0)} ms (${(row.oursMs / robustSamples).toFixed(0)} ms a sample)   graphology ${row.anchorMs.toFixed(0)} ms   ${row.ratio.toFixed(2)}×${row.ratio > 1.2 ? '  (over the 1.2× goal)' : ''}`,
  );
}
const out = path.join('bench', 'out', `metrics-${actorCount}x${tieCount}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ actors: actorCount, ties: tieCount, rounds, at: new Date().toISOString(), rows }, null, 2));
console.log(`wrote ${out}`);
